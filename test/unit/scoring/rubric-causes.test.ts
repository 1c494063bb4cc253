import type { Criterion, Scenario } from '@shared/scenario';
import { scoreSession } from '@shared/scoring/scorer';
import { describe, expect, it } from 'vitest';
import { editActions, loadScenarioFile, play } from './helpers';

const warm = loadScenarioFile('test/fixtures/replay/warm-transfer.scenario.json');
const reference = warm.reference.actions;
const base = { required: false, ifNotReached: 'exclude', weight: 1, title: 't' } as const;
const feedback = { met: 'met', notMet: 'not met' };
const hangUpAtOnce = [
  { at: 2, action: 'accept' },
  { at: 4, action: 'leave' },
  { at: 6, action: 'clear' },
] as const;

function scenarioWith(
  criteria: ReadonlyArray<Partial<Criterion> & { id: string; kind: string }>,
  passMark = 0.5,
) {
  return {
    ...warm,
    rubric: { passMark, criteria: criteria.map((c) => ({ ...base, feedback, ...c }) as Criterion) },
  } as Scenario;
}

function grade(scenario: Scenario, actions: Parameters<typeof play>[1]) {
  return scoreSession(scenario, play(scenario, actions)).result;
}

const used = { id: 'used-add', kind: 'action-used', action: 'add' } as const;
const joined = { id: 'joined', kind: 'action-used', action: 'join', weight: 10 } as const;

describe('required criteria and applicability', () => {
  it('a required criterion missed fails the run whatever the total', () => {
    const noJoin = editActions(reference, (a) => ('action' in a && a.action === 'join' ? null : a));
    const scenario = scenarioWith([
      { ...used, weight: 10 },
      { ...joined, weight: 1, required: true },
    ]);
    const result = grade(scenario, noJoin);
    expect(result.scaled).toBeGreaterThan(0.9);
    expect(result.passed).toBe(false);
    expect(result.failedBy).toEqual(['joined']);
  });

  it('a criterion that does not apply is not reached: no points, out of the maximum, its own feedback', () => {
    const scenario = scenarioWith([
      { id: 'accepted', kind: 'action-used', action: 'accept' },
      {
        id: 'never-dropped',
        kind: 'action-used',
        action: 'disconnect',
        target: 'caller',
        atMost: 0,
        appliesWhen: { event: { event: 'answer', actor: 'specialist' } },
        feedback: { ...feedback, notReached: 'You never got as far as adding the specialist.' },
      },
    ]);
    const result = grade(scenario, hangUpAtOnce);
    const criterion = result.criteria[1];
    expect(criterion).toMatchObject({ status: 'not-reached', points: 0, counted: false, met: false });
    expect(criterion?.feedback).toBe('You never got as far as adding the specialist.');
    expect(result.max).toBe(1);
  });

  it('a criterion not reached fails the run when the rubric says so', () => {
    const scenario = scenarioWith([
      { id: 'accepted', kind: 'action-used', action: 'accept' },
      {
        id: 'join-reached',
        kind: 'action-used',
        action: 'join',
        appliesWhen: { reached: { leg: { party: 'specialist', state: 'connected' } } },
        ifNotReached: 'fail',
      },
    ]);
    const result = grade(scenario, hangUpAtOnce);
    expect(result.passed).toBe(false);
    expect(result.failedBy).toEqual(['join-reached']);
  });
});

describe('outcomes over buttons', () => {
  it("party-kept fails when the trainee leaving ended the caller's call (CONF-14)", () => {
    const result = grade(scenarioWith([{ id: 'kept', kind: 'party-kept', party: 'caller' }]), hangUpAtOnce);
    expect(result.criteria[0]?.status).toBe('not-met');
    expect(result.criteria[0]?.evidence[0]?.note).toBe("Alex Doe's call ended: You left the call");
    expect(grade(scenarioWith([{ id: 'kept', kind: 'party-kept', party: 'caller' }]), reference).passed).toBe(
      true,
    );
  });

  it('final-state needs the trainee to have left or cleared', () => {
    const stays = editActions(reference, (a) =>
      'action' in a && (a.action === 'leave' || a.action === 'clear') ? null : a,
    );
    const condition = { leg: { party: 'caller', state: 'connected' } } as const;
    const scenario = scenarioWith([{ id: 'final', kind: 'final-state', condition }]);
    expect(grade(scenario, reference).criteria[0]?.status).toBe('met');
    const result = grade(scenario, stays);
    expect(result.criteria[0]?.status).toBe('not-met');
    expect(result.criteria[0]?.evidence[0]?.note).toBe('you never left the call');
  });

  it('state-reached with forSeconds needs the state to last', () => {
    const condition = {
      all: [
        { hears: { listener: 'trainee', speaker: 'specialist' } },
        { leg: { party: 'caller', state: 'hold' } },
      ],
    } as const;
    const long = scenarioWith([{ id: 'told', kind: 'state-reached', condition, forSeconds: 5 }]);
    const tooLong = scenarioWith([{ id: 'told', kind: 'state-reached', condition, forSeconds: 60 }]);
    expect(grade(long, reference).criteria[0]?.status).toBe('met');
    expect(grade(tooLong, reference).criteria[0]?.status).toBe('not-met');
  });
});

describe('limits that follow the story', () => {
  it("hold-discipline without limits uses the party's holdTolerance.complainAfter", () => {
    const scenario = scenarioWith([{ id: 'hold', kind: 'hold-discipline', party: 'caller' }]);
    const later: Record<string, number> = { join: 45, leave: 55, clear: 60 };
    const slow = editActions(reference, (a) =>
      'action' in a && later[a.action] !== undefined ? { ...a, at: later[a.action] as number } : a,
    );
    expect(grade(scenario, reference).criteria[0]?.status).toBe('met');
    const result = grade(scenario, slow).criteria[0];
    expect(result?.status).toBe('not-met');
    expect(result?.evidence[0]?.note).toBe(
      'Alex Doe waited on hold for 37.0 s in one stretch (limit 30.0 s)',
    );
  });

  it('the time limit counts to the trainee leaving, not the after-call work', () => {
    const lateClear = editActions(reference, (a) =>
      'action' in a && a.action === 'clear' ? { ...a, at: 400 } : a,
    );
    const limit = { id: 'time', kind: 'time-limit', seconds: 60, until: 'trainee-left' } as const;
    expect(grade(scenarioWith([limit]), lateClear).criteria[0]?.status).toBe('met');
    expect(grade(scenarioWith([{ ...limit, until: 'session-end' }]), lateClear).criteria[0]?.status).toBe(
      'not-met',
    );
  });
});

describe('feedback per cause, with the facts of the run', () => {
  it('names the actual refusals with their reasons and rules', () => {
    const withRefusal = editActions(reference, (a, index) =>
      index === 1 ? [{ at: 7, action: 'swap' }, a] : a,
    );
    const scenario = scenarioWith([
      {
        id: 'refusals',
        kind: 'refused-attempts',
        max: 0,
        feedback: { met: 'none', notMet: 'The CCP refused {count}: {refusals}.' },
      },
    ]);
    expect(grade(scenario, withRefusal).criteria[0]?.feedback).toBe(
      'The CCP refused 1: You swapped (refused: swap needs exactly three participants, CONF-4).',
    );
  });

  it('writes the notes in the scenario language with names', () => {
    const german = {
      ...scenarioWith([{ id: 'kept', kind: 'party-kept', party: 'caller' }]),
      language: 'de',
    } as Scenario;
    expect(grade(german, hangUpAtOnce).criteria[0]?.evidence[0]?.note).toBe(
      'Der Anruf von Alex Doe endete: Sie haben den Anruf verlassen',
    );
  });
});
