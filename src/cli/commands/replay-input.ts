/**
 * Reading the two inputs of `replay`: the scenario and the actions file, checked with the zod
 * schemas, with problems named by their JSON path.
 */
import { z } from 'zod';
import { formatIssuePath, type InputIssue, summariseInputIssues } from '../../shared/caller-id';
import {
  actionsToInputs,
  formatFinding,
  isAgentActionName,
  loadScenario,
  MAX_SCENARIO_BYTES,
  MAX_SEED,
  type Scenario,
  type TimedAction,
  TimedActionSchema,
  type TraineeInput,
} from '../../shared/scenario';
import { readInputText, readJsonFile, UsageError } from '../io';

type ZodIssue = z.core.$ZodIssue;

/** Zod's message, except that a missing field says so plainly. */
function describe(issue: ZodIssue): string {
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) {
    return `missing (expected ${issue.expected})`;
  }
  return issue.message;
}

/**
 * The issues of a failed parse, each with its JSON path. A value that matches no member of a
 * union (a trigger, an effect, a timed action) is explained by the member it came closest to
 * (the one with the fewest issues), so that the message names the field, not just the union.
 */
function flatten(issues: ReadonlyArray<ZodIssue>, prefix: ReadonlyArray<PropertyKey> = []): InputIssue[] {
  const flat: InputIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) {
        flat.push(...flatten(closest, path));
        continue;
      }
    }
    flat.push({ path: formatIssuePath(path), message: describe(issue) });
  }
  return flat;
}

/** Checks a value read from `file` against a schema; a mismatch is a UsageError naming the fields. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new UsageError(`${file}: ${summariseInputIssues(flatten(result.error.issues))}`);
  return result.data;
}

/**
 * Reads a scenario file (or `-`) with the guarded reader and validates it fully, as `validate`
 * and the app do (`loadScenario`: an older format version migrated, the schema, references,
 * CONF/XFER/CID checks, the reference solution replayed). A scenario with an error, or with a
 * key written twice, is refused with its findings: only a playable scenario is played.
 */
export function readScenario(file: string): Scenario {
  const { scenario, findings } = loadScenario(readInputText(file, MAX_SCENARIO_BYTES));
  const refused = findings.filter((f) => f.severity === 'error' || f.code === 'duplicate-key');
  if (scenario === null || refused.length > 0) {
    const shown = refused.slice(0, 5).map(formatFinding);
    const more = refused.length > 5 ? `; and ${refused.length - 5} more (run validate)` : '';
    throw new UsageError(`${file}: not a playable scenario: ${shown.join('; ')}${more}`);
  }
  return scenario;
}

const SeedSchema = z.int().min(0).max(MAX_SEED);
const ActionListSchema = z.array(TimedActionSchema);
const ActionsObjectSchema = z.strictObject({ seed: SeedSchema.optional(), actions: ActionListSchema });

/** What an actions file holds: the trainee's inputs and, optionally, the seed. */
export interface ActionsFile {
  readonly seed: number | undefined;
  readonly inputs: ReadonlyArray<TraineeInput>;
}

/**
 * Reads an actions file: `{"seed"?: N, "actions": [...]}` or a bare array of timed actions.
 * An action that is a scripted event of another party (`answer`, `hang-up`, ...) is refused,
 * with its path.
 */
export function readActions(file: string): ActionsFile {
  const raw = readJsonFile(file);
  const { seed, actions } = Array.isArray(raw)
    ? { seed: undefined, actions: parse(ActionListSchema, raw, file) }
    : parse(ActionsObjectSchema, raw, file);
  const prefix = Array.isArray(raw) ? '' : 'actions';
  const wrong = actions.findIndex(
    (action: TimedAction) => 'action' in action && !isAgentActionName(action.action),
  );
  if (wrong >= 0) {
    const action = actions[wrong] as Extract<TimedAction, { action: string }>;
    throw new UsageError(
      `${file}: ${prefix}[${wrong}].action: "${action.action}" is an event of another party, not an action of the trainee`,
    );
  }
  return { seed, inputs: actionsToInputs(actions) };
}

/** Parses the value of `--seed`. */
export function parseSeed(text: string): number {
  const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!SeedSchema.safeParse(seed).success) {
    throw new UsageError(`--seed must be a whole number from 0 to ${MAX_SEED}, not "${text}"`);
  }
  return seed;
}
