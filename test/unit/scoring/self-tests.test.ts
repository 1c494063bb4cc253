import {
  applyAcknowledgements,
  checkSpeakers,
  checkTranslationParity,
  type Scenario,
  type SessionRecord,
  type TimedAction,
} from '@shared/scenario';
import { checkScenarioTests, checkWhatIfRuns, whatIfRuns } from '@shared/scoring/self-tests';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, play } from './helpers';

const warm = loadScenarioFile('test/fixtures/replay/warm-transfer.scenario.json');
const mortgage = loadScenarioFile('resources/scenarios/mortgage-closing.json');
const german = loadScenarioFile('resources/scenarios/mortgage-closing.de.json');

describe('a scenario tests itself', () => {
  it('reports a recorded run that does not get the verdict the trainer expects', () => {
    const scenario: Scenario = {
      ...warm,
      tests: [
        {
          id: 'good',
          description: 'the reference',
          actions: warm.reference.actions,
          expect: { passed: true },
        },
        {
          id: 'wrong',
          description: 'hangs up at once',
          actions: [
            { at: 2, action: 'accept' },
            { at: 4, action: 'leave' },
            { at: 6, action: 'clear' },
          ],
          expect: { passed: false, met: ['joined'] },
        },
      ],
    };
    const findings = checkScenarioTests(scenario);
    expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual(['scenario-test-failed $.tests[1]']);
    expect(findings[0]?.message).toBe(
      'test wrong (hangs up at once): passed with 50%, expected to fail; joined is not-met, expected met',
    );
  });

  it('the what-if runs find a rubric that passes a trainee who mashes buttons', () => {
    expect(whatIfRuns(mortgage).map((run) => run.name)).toContain('hangs up at once');
    expect(
      checkWhatIfRuns(warm)
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/passes with/);
  });

  it('exchanges every swap of the reference for hold and resume, and expects the same verdict', () => {
    const swap = loadScenarioFile('resources/scenarios/warm-transfer-swap.json');
    const run = whatIfRuns(swap).find((r) => r.expect === 'same-as-reference');
    expect(run?.name).toBe('exchanges every swap for hold and resume (and back)');
    // Swap at 34 s: Marcus on hold, the trainee talks with Dana; at 44 s the other way round.
    expect(run?.actions.filter((a) => a.at === 34 || a.at === 44)).toEqual([
      { at: 34, action: 'hold', target: 'specialist' },
      { at: 34, action: 'resume', target: 'caller' },
      { at: 44, action: 'hold', target: 'caller' },
      { at: 44, action: 'resume', target: 'specialist' },
    ]);
    expect(run?.actions.some((a) => 'action' in a && a.action === 'swap')).toBe(false);
    expect(whatIfRuns(swap).filter((r) => r.expect === 'fail').length).toBeGreaterThanOrEqual(7);
  });

  it('exchanges a hold of one party and a resume of the other for a swap, where the engine accepts one', () => {
    const swap = loadScenarioFile('resources/scenarios/warm-transfer-swap.json');
    const holdResume = swap.tests.find((t) => t.id === 'hold-resume')?.actions ?? [];
    const scenario: Scenario = { ...swap, reference: { ...swap.reference, actions: holdResume } };
    const run = whatIfRuns(scenario).find((r) => r.expect === 'same-as-reference');
    expect(run?.actions).toEqual(swap.reference.actions);
    // A reference with nothing to exchange gets no such run.
    expect(whatIfRuns(warm).some((r) => r.expect === 'same-as-reference')).toBe(false);
  });

  it("warns when the reference with its swaps exchanged does not get the reference's verdict", () => {
    const swap = loadScenarioFile('resources/scenarios/warm-transfer-swap.json');
    const byButton: Scenario = {
      ...swap,
      rubric: {
        ...swap.rubric,
        criteria: [
          ...swap.rubric.criteria,
          {
            id: 'pressed-swap',
            kind: 'action-used',
            action: 'swap',
            atLeast: 2,
            weight: 5,
            title: 'Pressed Swap',
            required: true,
            ifNotReached: 'exclude',
            feedback: { met: 'You pressed Swap.', notMet: 'Press Swap.' },
          },
        ],
      },
    };
    expect(checkWhatIfRuns(swap).filter((f) => f.code === 'what-if-exchange-differs')).toEqual([]);
    const [differs] = checkWhatIfRuns(byButton).filter((f) => f.code === 'what-if-exchange-differs');
    expect(differs?.message).toMatch(
      /^a trainee who exchanges every swap for hold and resume \(and back\) fails with \d+%, the reference passes with 100%/,
    );
  });

  it('reports a goal shown by a step whose speaker is not on the call, in the what-if runs', () => {
    // The specialist's greeting step also shows a goal; skipping the specialist leaves it unsaid.
    const scenario: Scenario = {
      ...warm,
      goals: [...warm.goals, { id: 'brief', text: 'Brief the specialist.' }],
      script: [
        ...warm.script,
        {
          id: 'specialist-asks',
          trigger: { at: 25 },
          effects: [{ say: { party: 'specialist', text: 'What do you need?' } }, { showGoal: 'brief' }],
          ifBlocked: 'skip',
          rearm: false,
        },
      ],
    };
    const index = scenario.script.length - 1;
    const findings = checkWhatIfRuns(scenario).filter((f) => f.code === 'goal-speaker-absent');
    expect(findings.map((f) => f.path)).toEqual([`$.script[${index}]`]);
    expect(findings[0]?.message).toMatch(
      /step "specialist-asks" shows goal "brief" at 25 s although "specialist" is not on the call/,
    );
    // Waiting for the speaker instead: the goal comes with the line, or not at all.
    const waiting: Scenario = {
      ...scenario,
      script: scenario.script.map((s, i) => (i === index ? { ...s, ifBlocked: 'wait' } : s)),
    };
    expect(checkWhatIfRuns(waiting).filter((f) => f.code === 'goal-speaker-absent')).toEqual([]);
  });

  it('reports a line said by a party who is not on the call or is muted (a log the director did not write)', () => {
    const actions: TimedAction[] = [
      { at: 2, action: 'accept' },
      { at: 8, action: 'add', target: 'specialist', via: { quickConnect: 'Billing specialist' } },
      { at: 20, action: 'join' },
      { at: 22, action: 'mute', target: 'caller' },
    ];
    // In multiparty an agent may mute the caller (CONF-11).
    const multi: Scenario = { ...warm, call: { ...warm.call, mode: 'multiparty' } };
    const log = play(multi, actions);
    expect(checkSpeakers(multi, log.records, 'this run')).toEqual([]);
    const muteAt = log.records.findIndex((r) => r.kind === 'event' && r.entry.type === 'mute');
    expect(log.records[muteAt]).toMatchObject({ entry: { result: { status: 'accepted' } } });
    const line = (party: string, seq: number, time: number): SessionRecord => ({
      kind: 'line',
      seq,
      time,
      party,
      text: 'Hello?',
      clip: null,
      step: 'thanks',
    });
    const muted = [...log.records.slice(0, muteAt + 1), line('caller', muteAt + 2, 23_000)];
    const accept = log.records.findIndex((r) => r.kind === 'event' && r.entry.type === 'accept');
    const absent = [...log.records.slice(0, accept + 1), line('specialist', accept + 2, 3000)];
    expect([...checkSpeakers(multi, muted, 'this run'), ...checkSpeakers(multi, absent, 'that run')]).toEqual(
      [
        expect.objectContaining({
          code: 'line-speaker-absent',
          path: '$.script[2]',
          message: 'in this run, "caller" says a line at 23 s but is muted: "Hello?"',
        }),
        expect.objectContaining({
          code: 'line-speaker-absent',
          message: 'in that run, "specialist" says a line at 3 s but is not on the call: "Hello?"',
        }),
      ],
    );
  });

  it('a translation keeps the weights of its original', () => {
    expect(checkTranslationParity(mortgage, german)).toEqual([]);
    const criteria = german.rubric.criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight + 1 } : c));
    const changed = { ...german, rubric: { ...german.rubric, criteria } };
    expect(checkTranslationParity(mortgage, changed)[0]?.message).toMatch(
      /\$\.rubric\.criteria\[0\]\.weight is/,
    );
  });

  it('an acknowledged warning is reported as info with its reason', () => {
    const scenario = { ...warm, acknowledge: [{ code: 'au-toll-free', reason: 'the lesson' }] };
    const [ack] = applyAcknowledgements(scenario, [
      { path: '$.x', severity: 'warning', code: 'au-toll-free', rule: 'CID-7', message: 'toll-free' },
    ]);
    expect(ack).toMatchObject({ severity: 'info', message: 'acknowledged (the lesson): toll-free' });
  });
});
