import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionLog } from '@shared/scenario';
import {
  actionsToInputs,
  runSession,
  type Scenario,
  ScenarioSchema,
  type TimedAction,
} from '@shared/scenario';

const root = join(__dirname, '../../..');

/** A scenario file of the repository, parsed with the schema (defaults filled in). */
export function loadScenarioFile(path: string): Scenario {
  return ScenarioSchema.parse(JSON.parse(readFileSync(join(root, path), 'utf8')));
}

/** Every bundled scenario. */
export function bundledScenarios(): ReadonlyArray<Scenario> {
  const folder = join(root, 'resources/scenarios');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadScenarioFile(`resources/scenarios/${name}`));
}

/** The log of a run of timed actions (seconds) on the scenario's reference seed. */
export function play(
  scenario: Scenario,
  actions: ReadonlyArray<TimedAction>,
  seed = scenario.reference.seed,
): SessionLog {
  return runSession(scenario, seed, actionsToInputs(actions)).log;
}

/** The scenario's reference actions with some replaced, keyed by their index. */
export function editActions(
  actions: ReadonlyArray<TimedAction>,
  edit: (action: TimedAction, index: number) => TimedAction | ReadonlyArray<TimedAction> | null,
): TimedAction[] {
  return actions.flatMap((action, index) => {
    const result = edit(action, index);
    if (result === null) return [];
    return Array.isArray(result) ? [...result] : [result as TimedAction];
  });
}
