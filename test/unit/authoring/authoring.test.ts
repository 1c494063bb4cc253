import {
  dryRun,
  previews,
  readiness,
  recordedActions,
  sideBySide,
  withReference,
  withTest,
} from '@shared/authoring';
import type { Scenario, TimedAction } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, play } from '../scoring/helpers';

const mortgage = loadScenarioFile('resources/scenarios/mortgage-closing.json');
const german = loadScenarioFile('resources/scenarios/mortgage-closing.de.json');
const australia = loadScenarioFile('resources/scenarios/au-caller-id-rejected.json');
const warmTransfer = loadScenarioFile('resources/scenarios/warm-transfer-swap.json');

/** The scenario with its reference actions changed. */
function withActions(scenario: Scenario, actions: ReadonlyArray<TimedAction>): Scenario {
  return { ...scenario, reference: { ...scenario.reference, actions: [...actions] } };
}

describe('the dry run and readiness', () => {
  it('the mortgage closing is ready: its reference earns full marks with nothing refused', () => {
    const run = dryRun(mortgage);
    expect(run.error).toBeNull();
    expect(run.refusals).toEqual([]);
    expect(run.fullMarks).toBe(true);
    expect(run.passed).toBe(true);
    expect(run.score).toBe(run.max);
    expect(run.result?.criteria.every((c) => c.status === 'met')).toBe(true);
    expect(run.log?.records.at(-1)?.kind).toBe('end');
    const checked = readiness(mortgage);
    expect(checked.blockers.map((b) => b.message)).toEqual([]);
    expect(checked.ready).toBe(true);
    expect(checked.tests.length).toBe(mortgage.tests.length);
    expect(checked.tests.every((t) => t.ok)).toBe(true);
  });

  it('a reference the engine refuses is not ready, and the refused action is named', () => {
    const actions = [...mortgage.reference.actions];
    actions.splice(1, 0, { at: 5, action: 'join' });
    const checked = readiness(withActions(mortgage, actions));
    expect(checked.ready).toBe(false);
    const refused = checked.blockers.find((b) => b.kind === 'reference-action-refused');
    expect(refused?.kind === 'reference-action-refused' && refused.action.index).toBe(1);
    expect(refused?.message).toMatch(/^reference action 2 \(join at 5 s\) is refused: /);
    expect(checked.reference.refusals).toHaveLength(1);
  });

  it('a reference that misses a criterion names the criterion and the action its evidence points at', () => {
    const actions = mortgage.reference.actions.map((a) =>
      'action' in a && a.action === 'disconnect' ? { ...a, target: 'customer' } : a,
    );
    const checked = readiness(withActions(mortgage, actions));
    expect(checked.ready).toBe(false);
    expect(checked.reference.fullMarks).toBe(false);
    const kept = checked.blockers.find(
      (b) => b.kind === 'reference-criterion-missed' && b.criterion.id === 'customer-kept',
    );
    expect(kept?.kind === 'reference-criterion-missed' && kept.action?.text).toBe(
      'disconnect Sofia Marin at 204 s',
    );
  });

  it('a recorded test run that gets the wrong verdict is named', () => {
    const scenario: Scenario = {
      ...mortgage,
      tests: [
        ...mortgage.tests,
        {
          id: 'hangs-up',
          description: 'accepts and leaves at once',
          actions: [
            { at: 3, action: 'accept' },
            { at: 6, action: 'leave' },
            { at: 8, action: 'clear' },
          ],
          expect: { passed: true },
        },
      ],
    };
    const checked = readiness(scenario);
    expect(checked.ready).toBe(false);
    const wrong = checked.blockers.filter((b) => b.kind === 'test-verdict');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]?.kind === 'test-verdict' && wrong[0].test).toEqual({
      index: mortgage.tests.length,
      id: 'hangs-up',
      description: 'accepts and leaves at once',
    });
    expect(wrong[0]?.kind === 'test-verdict' && wrong[0].passed).toBe(false);
    expect(checked.tests.at(-1)?.ok).toBe(false);
    expect(checked.tests.at(-1)?.detail).toMatch(/failed with \d+%, expected to pass/);
  });

  it('a what-if run that passes stands in the way', () => {
    const lenient: Scenario = { ...mortgage, rubric: { ...mortgage.rubric, passMark: 0 }, tests: [] };
    const rubric = {
      ...lenient.rubric,
      criteria: lenient.rubric.criteria.map((c) => ({ ...c, required: false })),
    };
    const checked = readiness({ ...lenient, rubric });
    expect(checked.blockers.some((b) => b.kind === 'what-if-passes' && b.run === 'hangs up at once')).toBe(
      true,
    );
  });
});

describe('an equivalent of the reference', () => {
  it('swaps exchanged for hold and resume pass as the reference does: the warm transfer is ready', () => {
    const checked = readiness(warmTransfer);
    const exchange = checked.whatIfs.find((w) => w.expect === 'same-as-reference');
    expect(exchange?.result?.passed).toBe(true);
    expect(checked.blockers.map((b) => b.message)).toEqual([]);
    expect(checked.ready).toBe(true);
  });

  it('stands in the way when it gets another verdict than the reference', () => {
    // Only Swap counts: the same moves by hold and resume no longer pass.
    const strict: Scenario = {
      ...warmTransfer,
      tests: [],
      rubric: {
        ...warmTransfer.rubric,
        criteria: [
          ...warmTransfer.rubric.criteria,
          {
            id: 'swapped',
            kind: 'action-used',
            action: 'swap',
            weight: 100,
            required: true,
            title: 'Used Swap',
            feedback: { met: 'Swap used.', notMet: 'Swap not used.' },
          } as never,
        ],
      },
    };
    const checked = readiness(strict);
    expect(checked.blockers.map((b) => b.kind)).toContain('what-if-exchange-differs');
  });
});

describe('previews', () => {
  it('shows the caller ID each external party sees, with the rule that decides it', () => {
    const shown = previews(mortgage).callerIds;
    expect(shown.map((c) => [c.party?.name, c.method, c.number, c.rule])).toEqual([
      ['Helen Brooks', 'external-quick-connect', '+1 312 555 0100', 'CID-1'],
      ['Luca Marin', 'number-pad', '+1 312 555 0100', 'CID-4'],
      ['Ana Ribeiro', 'external-quick-connect', '+1 312 555 0100', 'CID-1'],
    ]);
    expect(shown[0]?.explanation?.en).toMatch(/queue/i);
  });

  it('warns of a caller ID the destination country rejects', () => {
    const [valuer] = previews(australia).callerIds;
    expect(valuer?.rule).toBe('CID-1');
    expect(valuer?.warnings.map((w) => w.rule)).toContain('CID-7');
  });

  it('previews each transfer block of the flows by CID-5, with the warning of a call that fails', () => {
    const blocks = previews(
      loadScenarioFile('resources/scenarios/transfer-to-phone-number-block.json'),
    ).callerIds.filter((c) => c.source === 'block');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((c) => c.rule === 'CID-5')).toBe(true);
    expect(blocks.find((c) => c.block === 'Overseas clinic')?.warnings.map((w) => w.rule)).toContain(
      'CID-10',
    );
  });

  it('counts the participants against the limit and warns of Contact Lens on a conference', () => {
    const shown = previews(mortgage);
    expect(shown.participants).toEqual({ mode: 'multiparty', limit: 6, peak: 6, joining: 6 });
    expect(shown.contactLens).toEqual([]);
    const recorded = previews({ ...mortgage, call: { ...mortgage.call, contactLens: true } }).contactLens;
    expect(recorded.map((f) => f.rule)).toEqual(['CONF-16']);
    expect(recorded[0]?.message).toMatch(/reaches 6 participants/);
  });

  it('puts the scripted steps on the reference run’s timeline, with names', () => {
    const steps = previews(mortgage).steps;
    expect(steps[0]).toMatchObject({ id: 'intro', firedAt: [0] });
    const hello = steps.find((s) => s.id === 'customer-hello');
    expect(hello?.firedAt).toEqual([4]);
    expect(hello?.text).toMatch(/^Sofia Marin says "Hi, this is Sofia Marin/);
    const times = steps.flatMap((s) => s.firedAt.slice(0, 1));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('the side-by-side panel', () => {
  it('says which criteria a run could pass without, never a required one', () => {
    const panel = sideBySide(mortgage);
    expect(panel.weights.couldPassWithout).toContain('Released the interpreter');
    const required = mortgage.rubric.criteria.filter((c) => c.required).map((c) => c.title);
    for (const title of required) expect(panel.weights.couldPassWithout).not.toContain(title);
  });

  it('a heavy criterion cannot be missed, a light one can', () => {
    const [first, second] = mortgage.rubric.criteria;
    if (first === undefined || second === undefined) throw new Error('the fixture has criteria');
    const small: Scenario = {
      ...mortgage,
      rubric: {
        passMark: 0.5,
        criteria: [
          { ...first, required: false, weight: 1, title: 'light' },
          { ...second, required: false, weight: 3, title: 'heavy' },
        ],
      },
    };
    const { weights } = sideBySide(small);
    expect(weights.couldPassWithout).toEqual(['light']);
    expect(weights.passPoints).toBe(2);
  });

  it('puts hold tolerances next to the hold criteria', () => {
    const { holds } = sideBySide(mortgage);
    expect(holds.tolerances.find((t) => t.party === 'customer')).toEqual({
      party: 'customer',
      name: 'Sofia Marin',
      complainAfter: 35,
      hangUpAfter: 180,
    });
    expect(holds.limits.find((l) => l.id === 'customer-hold')).toMatchObject({
      party: 'Sofia Marin',
      maxStretchSeconds: 35,
      stretchFromTolerance: true,
    });
    expect(holds.limits.find((l) => l.id === 'everyone-hold')).toMatchObject({
      party: null,
      maxStretchSeconds: null,
      stretchFromTolerance: true,
    });
  });

  it('shows the feedback a trainee reads, filled with names from a run that went that way, in the scenario’s language', () => {
    const row = sideBySide(mortgage).feedback.find((f) => f.id === 'customer-kept');
    expect(row?.filled['not-met']).toBe(true);
    expect(row?.notMet).not.toContain('{evidence}');
    expect(row?.notMet).toMatch(/Sofia Marin/);
    const de = sideBySide(german);
    expect(de.language).toBe('de');
    expect(de.feedback.find((f) => f.id === 'customer-kept')?.notMet).toMatch(/Sofia/);
  });
});

describe('recording runs', () => {
  it('a played session’s actions are the reference again', () => {
    const log = play(mortgage, mortgage.reference.actions);
    expect(recordedActions(mortgage, log)).toEqual(mortgage.reference.actions);
    const value = withReference({ id: 'x', tests: [] }, recordedActions(mortgage, log), 9);
    expect(value.reference).toEqual({ seed: 9, actions: mortgage.reference.actions });
  });

  it('drops refused attempts from a recorded reference, keeps them in a test run', () => {
    const actions: TimedAction[] = [...mortgage.reference.actions];
    actions.splice(1, 0, { at: 5, action: 'join' });
    const log = play(mortgage, actions);
    expect(recordedActions(mortgage, log, { acceptedOnly: true })).toEqual(mortgage.reference.actions);
    expect(recordedActions(mortgage, log)).toEqual(actions);
  });

  it('a recorded test run gets a fresh id and the verdict chosen', () => {
    const value = withTest(
      { tests: [{ id: 'recorded-1' }] },
      { actions: [{ at: 1, action: 'accept' }], seed: 3, passed: false, description: '  ' },
    );
    expect(value.tests).toEqual([
      { id: 'recorded-1' },
      {
        id: 'recorded-2',
        description: 'a recorded run that fails',
        seed: 3,
        actions: [{ at: 1, action: 'accept' }],
        expect: { passed: false },
      },
    ]);
  });
});
