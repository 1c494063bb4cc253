import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionsToInputs, runSession, type Scenario } from '@shared/scenario';
import { scoreSession } from '@shared/scoring/scorer';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from './helpers';

/**
 * Trainee runs played on the bundled scenarios the way real trainees play them (issue 10), each
 * with the verdict a trainer expects. The action files are the ones `replay` and `assess` take.
 */
interface Expected {
  readonly file: string;
  readonly passed: boolean;
  readonly met?: ReadonlyArray<string>;
  readonly missed?: ReadonlyArray<string>;
  readonly notReached?: ReadonlyArray<string>;
  /** Script steps that must have fired (a line the story needs). */
  readonly steps?: ReadonlyArray<string>;
}

const RUNS: ReadonlyArray<Expected> = [
  { file: 'mortgage-closing.long-holds', passed: false, missed: ['customer-hold'] },
  { file: 'mortgage-closing.masher', passed: false, missed: ['no-refusals', 'handover'] },
  {
    file: 'mortgage-closing.cold-transfer-ringing',
    passed: false,
    notReached: ['time-limit'],
  },
  {
    file: 'mortgage-closing.hang-up',
    passed: false,
    missed: ['customer-kept'],
    notReached: ['time-limit'],
  },
  { file: 'mortgage-closing.long-after-call-work', passed: true, met: ['time-limit'] },
  { file: 'mortgage-closing.no-spouse', passed: false, missed: ['consult-spouse'] },
  {
    file: 'warm-transfer-swap.hold-resume',
    passed: true,
    steps: ['caller-back'],
  },
  { file: 'caller-hangs-up-agents-continue.no-consults', passed: false },
  { file: 'cold-or-warm-transfer.hang-up', passed: false, notReached: ['cold-no-join'] },
];

const root = join(__dirname, '../../..');
const scenarios = new Map<string, Scenario>();

function scenarioOf(file: string): Scenario {
  const id = file.split('.')[0] as string;
  let scenario = scenarios.get(id);
  if (scenario === undefined) {
    scenario = loadScenarioFile(`resources/scenarios/${id}.json`);
    scenarios.set(id, scenario);
  }
  return scenario;
}

function grade(file: string) {
  const scenario = scenarioOf(file);
  const actions = JSON.parse(
    readFileSync(join(root, `test/fixtures/trainee-runs/${file}.actions.json`), 'utf8'),
  );
  const outcome = runSession(scenario, actions.seed, actionsToInputs(actions.actions));
  const { result } = scoreSession(scenario, outcome.log);
  const status = (id: string) => {
    const criterion = result.criteria.find((c) => c.id === id) as
      | ((typeof result.criteria)[number] & { status?: string })
      | undefined;
    return criterion?.status ?? (criterion?.met ? 'met' : 'not-met');
  };
  const fired = outcome.log.records.flatMap((r) => (r.kind === 'step' ? [r.step] : []));
  return { result, status, fired };
}

function check(run: Expected): void {
  const { result, status, fired } = grade(run.file);
  expect(result.passed, `${run.file} passed`).toBe(run.passed);
  for (const id of run.met ?? []) expect(status(id), id).toBe('met');
  for (const id of run.missed ?? []) expect(status(id), id).toBe('not-met');
  for (const id of run.notReached ?? []) expect(status(id), id).toBe('not-reached');
  for (const id of run.steps ?? []) expect(fired, id).toContain(id);
}

describe('trainee runs get the verdict a trainer expects (issue 10)', () => {
  for (const run of RUNS) {
    const name = `${run.file}: ${run.passed ? 'passes' : 'fails'}`;
    it(name, () => check(run));
  }
});
