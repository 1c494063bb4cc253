import { scoreSession } from '@shared/scoring/scorer';
import { describe, expect, it } from 'vitest';
import { bundledScenarios, editActions, loadScenarioFile, play } from './helpers';

const mortgage = loadScenarioFile('resources/scenarios/mortgage-closing.json');
const reference = mortgage.reference.actions;
const weightOf = (id: string) => mortgage.rubric.criteria.find((c) => c.id === id)?.weight ?? Number.NaN;

function failed(log: ReturnType<typeof play>, mode: 'practice' | 'assessment' = 'assessment') {
  const { result } = scoreSession(mortgage, log, mode);
  return {
    result,
    failed: result.criteria
      .filter((c) => c.status === 'not-met')
      .map((c) => c.id)
      .sort(),
  };
}

describe('the reference solutions', () => {
  it.each(bundledScenarios().map((scenario) => [scenario.id, scenario] as const))(
    '%s scores full marks',
    (_id, scenario) => {
      const { result, answers } = scoreSession(scenario, play(scenario, scenario.reference.actions));
      expect(result.criteria.filter((c) => !c.met).map((c) => `${c.id}: ${c.feedback}`)).toEqual([]);
      expect(result.raw).toBe(result.max);
      expect(result.scaled).toBe(1);
      expect(result.passed).toBe(true);
      expect(answers.every((answer) => answer.correct)).toBe(true);
    },
  );

  it('is deterministic: the same log gives the same result', () => {
    const log = play(mortgage, reference);
    expect(JSON.stringify(scoreSession(mortgage, log))).toBe(JSON.stringify(scoreSession(mortgage, log)));
  });
});

describe('poor mortgage-closing sessions lose exactly the points they should', () => {
  it('joining the broker two seconds after the answer fails the private consultation only', () => {
    const first = play(mortgage, reference);
    const answered = first.records.find(
      (r) => r.kind === 'event' && r.entry.actor === 'broker' && r.entry.type === 'answer',
    );
    expect(answered).toBeDefined();
    const joinAt = (answered?.time ?? 0) / 1000 + 2;
    const actions = editActions(reference, (action, index) =>
      index === 2 ? { ...action, at: joinAt } : action,
    );
    const { result, failed: ids } = failed(play(mortgage, actions));
    expect(ids).toEqual(['consult-broker']);
    expect(result.raw).toBe(result.max - weightOf('consult-broker'));
    expect(result.criteria.find((c) => c.id === 'consult-broker')?.evidence.at(-1)?.note).toMatch(
      /joined after 2\.0 s/,
    );
  });

  it('leaving without releasing the interpreter fails the release, its order and the handover', () => {
    const actions = editActions(reference, (action) =>
      'action' in action && action.action === 'disconnect' ? null : action,
    );
    const { result, failed: ids } = failed(play(mortgage, actions));
    expect(ids).toEqual(['handover', 'release-before-leaving', 'release-translator']);
    expect(result.raw).toBe(
      result.max - weightOf('handover') - weightOf('release-before-leaving') - weightOf('release-translator'),
    );
    // 28 of 100 points lost: 0.72 is under the 0.75 pass mark.
    expect(result.scaled).toBeCloseTo(0.72, 10);
    expect(result.passed).toBe(false);
  });

  it('disconnecting the customer fails "customer kept" and the handover', () => {
    const actions = editActions(reference, (action) =>
      'action' in action && action.action === 'leave'
        ? [{ at: action.at, action: 'disconnect', target: 'customer' }, action]
        : action,
    );
    const { failed: ids } = failed(play(mortgage, actions));
    expect(ids).toEqual(['customer-kept', 'handover']);
  });

  it('a refused attempt costs points in an assessment run but not in practice', () => {
    const actions = editActions(reference, (action, index) =>
      index === 2
        ? [
            ...[4, 3, 2, 1].map((back) => ({
              at: action.at - back,
              action: 'unmute' as const,
              target: 'customer',
            })),
            action,
          ]
        : action,
    );
    const log = play(mortgage, actions);
    const refused = log.records.filter((r) => r.kind === 'event' && r.entry.result.status === 'refused');
    // The rubric allows three refused actions; the fourth costs the criterion.
    expect(refused).toHaveLength(4);
    const assessment = failed(log, 'assessment');
    expect(assessment.failed).toEqual(['no-refusals']);
    expect(assessment.result.raw).toBe(assessment.result.max - weightOf('no-refusals'));
    expect(failed(log, 'practice').failed).toEqual([]);
  });

  it('leaving the customer on hold for 80 s fails both hold-discipline criteria', () => {
    const actions = editActions(reference, (action, index) =>
      index >= 2 ? { ...action, at: action.at + 60 } : action,
    );
    const { result, failed: ids } = failed(play(mortgage, actions));
    expect(ids).toEqual(['customer-hold', 'everyone-hold']);
    const evidence = result.criteria.find((c) => c.id === 'customer-hold')?.evidence ?? [];
    expect(evidence[0]?.note).toMatch(
      /^Sofia Marin waited on hold for 8\d\.\d s in one stretch \(limit 35\.0 s\)$/,
    );
  });

  it('a trainee who never adds anyone fails every criterion that needs the conference', () => {
    const actions = editActions(reference, (action, index) =>
      index === 0 || ('action' in action && (action.action === 'leave' || action.action === 'clear'))
        ? action
        : null,
    );
    const { result, failed: ids } = failed(play(mortgage, actions));
    expect(ids).toEqual([
      'consult-broker',
      'consult-manager',
      'consult-spouse',
      'consult-translator',
      'customer-kept',
      'handover',
      'six-together',
    ]);
    // What never happened is not reached: neither points nor praise.
    const notReached = result.criteria.filter((c) => c.status === 'not-reached').map((c) => c.id);
    expect(notReached).toEqual([
      'release-translator',
      'release-before-leaving',
      'customer-hold',
      'everyone-hold',
      'time-limit',
    ]);
    expect(result.passed).toBe(false);
  });
});
