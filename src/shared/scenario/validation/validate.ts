/**
 * Validating a scenario that is already parsed (an IPC payload, a value built in the editor):
 * its structure, its format version (migrating older ones), the schema, and every check beyond
 * the schema, ending with the replay of the reference solution. Never throws: whatever the
 * value, the answer is a scenario or findings that say why not.
 */

import { type Finding, finding, hasErrors } from '../format/findings';
import { migrateScenario } from '../format/migrate';
import { type Scenario, ScenarioSchema } from '../format/schema';
import { checkInstanceCallerIds, checkTransferBlocks } from './caller-id-checks';
import { checkContactLens, checkPartyCount } from './capacity';
import { checkItemReferences } from './item-references';
import { applyAcknowledgements } from './parity';
import { checkQuestions } from './question-checks';
import { checkReachability } from './reachability';
import { checkReferenceReplay } from './reference-check';
import { checkCast, checkPartyReferences, checkUniqueIds, checkUnusedParties } from './references';
import { checkQueue, checkQuickConnects } from './routes';
import { schemaFindings } from './schema-findings';
import { checkJsonStructure } from './structure';

/** Options of `validateScenario` and `loadScenario`. */
export interface ValidationOptions {
  /**
   * Whether to play the reference solution (default true). The checks that need it (refused
   * actions, goals shown, the exact participant peak) are then left out.
   */
  readonly replayReference?: boolean;
}

/** A scenario, when it has no errors, and every finding. */
export interface ScenarioValidation {
  /** The scenario with its defaults filled in; null when any finding is an error. */
  readonly scenario: Scenario | null;
  /** Every finding, in the order of the checks: reading, migration, schema, references, replay. */
  readonly findings: ReadonlyArray<Finding>;
}

/** `ScenarioValidation` plus what migration renamed, so that the loader can place findings in the file. */
export interface DetailedValidation extends ScenarioValidation {
  /** For each renamed field: its JSON path after migration → its JSON path in the file. */
  readonly renamedPaths: ReadonlyMap<string, string>;
}

function internalError(what: string, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return finding(
    'error',
    'internal-error',
    [],
    `the ${what} check failed unexpectedly (${message}); please report this scenario`,
  );
}

/** Runs one check; a check that throws becomes an `internal-error` finding instead. */
function guarded(what: string, check: () => ReadonlyArray<Finding>): ReadonlyArray<Finding> {
  try {
    return check();
  } catch (error) {
    return [internalError(what, error)];
  }
}

/** The checks beyond the schema that need no replay, in the order they report. */
const STATIC_CHECKS: ReadonlyArray<readonly [string, (scenario: Scenario) => ReadonlyArray<Finding>]> = [
  ['unique id', checkUniqueIds],
  ['cast', checkCast],
  ['party reference', checkPartyReferences],
  ['quick connect', checkQuickConnects],
  ['queue', checkQueue],
  ['step, goal and question reference', checkItemReferences],
  ['unused party', checkUnusedParties],
  ['transfer block', checkTransferBlocks],
  ['caller ID', checkInstanceCallerIds],
  ['question', checkQuestions],
  ['reachability', checkReachability],
];

/** Every check beyond the schema on a scenario that passed it. */
export function checkScenario(scenario: Scenario, options: ValidationOptions = {}): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  for (const [what, check] of STATIC_CHECKS) findings.push(...guarded(what, () => check(scenario)));
  let peak: number | null = null;
  if (options.replayReference !== false) {
    if (hasErrors(findings)) {
      findings.push(
        finding(
          'info',
          'reference-not-replayed',
          ['reference'],
          'the reference solution was not played because of the errors above',
        ),
      );
    } else {
      try {
        const replay = checkReferenceReplay(scenario);
        findings.push(...replay.findings);
        peak = replay.peakParticipants;
      } catch (error) {
        findings.push(internalError('reference replay', error));
      }
    }
  }
  findings.push(...guarded('participant count', () => checkPartyCount(scenario, peak)));
  findings.push(...guarded('Contact Lens', () => checkContactLens(scenario, peak)));
  return applyAcknowledgements(scenario, findings);
}

/** `validateScenario`, also returning the paths migration renamed. */
export function validateScenarioDetailed(
  value: unknown,
  options: ValidationOptions = {},
): DetailedValidation {
  const none = new Map<string, string>();
  try {
    const structure = checkJsonStructure(value);
    if (structure.length > 0) return { scenario: null, findings: structure, renamedPaths: none };
    const migration = migrateScenario(value);
    const findings: Finding[] = [...migration.findings];
    if (migration.document === null || hasErrors(findings)) {
      return { scenario: null, findings, renamedPaths: migration.renamedPaths };
    }
    const parsed = ScenarioSchema.safeParse(migration.document, { reportInput: true });
    if (!parsed.success) {
      findings.push(...schemaFindings(parsed.error.issues));
      return { scenario: null, findings, renamedPaths: migration.renamedPaths };
    }
    findings.push(...checkScenario(parsed.data, options));
    return {
      scenario: hasErrors(findings) ? null : parsed.data,
      findings,
      renamedPaths: migration.renamedPaths,
    };
  } catch (error) {
    return { scenario: null, findings: [internalError('validation', error)], renamedPaths: none };
  }
}

/**
 * Validates a parsed scenario: structure (plain JSON data, nesting), format version and
 * migration, the schema, then the checks beyond it (`checkScenario`). The scenario comes back
 * only when no finding is an error. Never throws.
 */
export function validateScenario(value: unknown, options: ValidationOptions = {}): ScenarioValidation {
  const { scenario, findings } = validateScenarioDetailed(value, options);
  return { scenario, findings };
}
