import { applyAcknowledgements, checkTranslationParity, type Scenario } from '@shared/scenario';
import { checkScenarioTests, checkWhatIfRuns, whatIfRuns } from '@shared/scoring/self-tests';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from './helpers';

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

describe('the rewritten bundled scenarios test themselves', () => {
  const rewritten = [
    'mortgage-closing',
    'mortgage-closing.de',
    'warm-transfer-swap',
    'caller-hangs-up-agents-continue',
    'cold-or-warm-transfer',
  ];
  it.each(rewritten)(
    '%s: at least five recorded runs, each with its expected verdict; no what-if run passes',
    (name) => {
      const scenario = loadScenarioFile(`resources/scenarios/${name}.json`);
      expect(scenario.tests.length).toBeGreaterThanOrEqual(5);
      expect(scenario.tests.some((t) => t.expect.passed)).toBe(true);
      expect(scenario.tests.some((t) => !t.expect.passed)).toBe(true);
      expect(checkScenarioTests(scenario)).toEqual([]);
      expect(checkWhatIfRuns(scenario)).toEqual([]);
    },
  );
});
