/**
 * The format-version ladder: a scenario written in an older format is brought up to the current
 * one (`SCENARIO_FORMAT_VERSION`) one version at a time before the schema sees it, as
 * Excalidraw's `restore` does for its files. A version this code does not know, or a newer one,
 * is a clear finding, never a guess.
 *
 * Version 0 is the draft format trainers wrote before version 1. It differs in three ways:
 * - it has no `type` field (version 1 requires `"type": "conference-call-trainer/scenario"`);
 * - the script is called `steps` (version 1: `script`);
 * - every time is a number of milliseconds in a field named with an `Ms` suffix: `atMs`,
 *   `afterMs`, `complainAfterMs`, `hangUpAfterMs`, `endAfterMs`, `minMs`/`maxMs` of a delay
 *   range, and so on, wherever they occur; the hold trigger's `onHoldFor.durationMs` is
 *   version 1's `onHoldFor.seconds`. Version 1 counts seconds, in the field without the suffix.
 *
 * Version 2 gave the rubric required criteria, applicability (*not reached*), outcome criteria
 * and feedback per cause, and the script speakers who must be on the call. One default changed
 * meaning: a `time-limit` now counts to the trainee's leaving, where version 1 counted to the end
 * of the session (after-call work included); a version 1 time limit keeps its meaning with
 * `"until": "session-end"`. Everything else of version 1 reads the same in version 2.
 */
import { type Finding, finding, jsonPath, type PathSegments } from './findings';
import { SCENARIO_FORMAT_VERSION, SCENARIO_TYPE } from './schema';

/** One rung of the ladder: turns a document of version `from` into one of version `from + 1`. */
export interface Migration {
  readonly from: number;
  /** What changed, for the `migrated` finding. */
  readonly summary: string;
  readonly migrate: (
    document: Readonly<Record<string, unknown>>,
    context: MigrationContext,
  ) => Record<string, unknown>;
}

/** What a migration reports besides the new document. */
export interface MigrationContext {
  /** Reports a problem the migration cannot resolve (a field in both its old and new form). */
  readonly report: (finding: Finding) => void;
  /** Records that the value now at `migrated` was at `original` in the file (both JSON paths). */
  readonly renamed: (migrated: string, original: string) => void;
}

/** The outcome of `migrateScenario`. */
export interface MigrationResult {
  /** The document in the current format, or null when it cannot be migrated. */
  readonly document: Record<string, unknown> | null;
  /** The version the file was written in, when it is one this code knows. */
  readonly fromVersion: number | null;
  readonly findings: ReadonlyArray<Finding>;
  /** For each renamed field: its JSON path after migration → its JSON path in the file. */
  readonly renamedPaths: ReadonlyMap<string, string>;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MS_SUFFIX = /^(.+)Ms$/;

/** Version 0 times: `xMs` (milliseconds) becomes `x` (seconds); `durationMs` becomes `seconds`. */
function secondsFromMilliseconds(value: unknown, path: PathSegments, context: MigrationContext): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => secondsFromMilliseconds(item, [...path, index], context));
  if (!isRecord(value)) return value;
  const entries: Array<[string, unknown]> = [];
  for (const [key, item] of Object.entries(value)) {
    const match = MS_SUFFIX.exec(key);
    if (match?.[1] === undefined) {
      entries.push([key, secondsFromMilliseconds(item, [...path, key], context)]);
      continue;
    }
    const newKey = key === 'durationMs' ? 'seconds' : match[1];
    if (Object.hasOwn(value, newKey)) {
      context.report(
        finding(
          'error',
          'migration-conflict',
          [...path, key],
          `format version 0 writes "${key}" (milliseconds), version 1 "${newKey}" (seconds); the file has both, keep one`,
        ),
      );
      entries.push([key, item]);
      continue;
    }
    context.renamed(jsonPath([...path, newKey]), jsonPath([...path, key]));
    // Non-numbers are kept as they are, for the schema to name.
    entries.push([newKey, typeof item === 'number' ? item / 1000 : item]);
  }
  // Object.fromEntries defines own properties, so a key such as `__proto__` stays a plain key.
  return Object.fromEntries(entries);
}

/** Every migration, oldest first; `MIGRATIONS[i].from === i`. */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    from: 0,
    summary: 'added "type", renamed "steps" to "script", turned the millisecond fields (…Ms) into seconds',
    migrate(document, context) {
      const entries: Array<[string, unknown]> = [];
      for (const [key, value] of Object.entries(document)) {
        if (key === 'steps') {
          if (Object.hasOwn(document, 'script')) {
            context.report(
              finding(
                'error',
                'migration-conflict',
                ['steps'],
                'format version 0 calls the script "steps", version 1 "script"; the file has both, keep one',
              ),
            );
            entries.push([key, value]);
          } else {
            context.renamed('$.script', '$.steps');
            entries.push(['script', value]);
          }
        } else if (key !== 'formatVersion') {
          entries.push([key, value]);
        }
      }
      const migrated = secondsFromMilliseconds(Object.fromEntries(entries), [], context) as Record<
        string,
        unknown
      >;
      return {
        ...(Object.hasOwn(migrated, 'type') ? {} : { type: SCENARIO_TYPE }),
        formatVersion: 1,
        ...migrated,
      };
    },
  },
  {
    from: 1,
    summary: 'time limits keep counting to the end of the session ("until": "session-end")',
    migrate(document) {
      const rubric = document.rubric;
      if (!isRecord(rubric) || !Array.isArray(rubric.criteria)) return { ...document, formatVersion: 2 };
      const criteria = rubric.criteria.map((criterion: unknown) =>
        isRecord(criterion) && criterion.kind === 'time-limit' && !Object.hasOwn(criterion, 'until')
          ? { ...criterion, until: 'session-end' }
          : criterion,
      );
      return { ...document, formatVersion: 2, rubric: { ...rubric, criteria } };
    },
  },
];

/**
 * Brings a parsed scenario file up to the current format version. The document must be an
 * object with a whole-number `formatVersion` from 0 to the current one; anything else is a
 * finding and yields no document.
 */
export function migrateScenario(value: unknown): MigrationResult {
  const renamedPaths = new Map<string, string>();
  const none = (f: Finding): MigrationResult => ({
    document: null,
    fromVersion: null,
    findings: [f],
    renamedPaths,
  });
  if (!isRecord(value)) {
    const what = Array.isArray(value)
      ? 'an array'
      : value === null || value === undefined
        ? String(value)
        : `a ${typeof value}`;
    return none(finding('error', 'not-an-object', [], `a scenario is a JSON object, not ${what}`));
  }
  if (!Object.hasOwn(value, 'formatVersion')) {
    return none(
      finding(
        'error',
        'format-version-missing',
        [],
        `missing "formatVersion"; this version of the app writes ${SCENARIO_FORMAT_VERSION}`,
      ),
    );
  }
  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return none(
      finding(
        'error',
        'format-version-unknown',
        ['formatVersion'],
        `unknown format version ${JSON.stringify(version) ?? String(version)}; the versions are whole numbers from 0 to ${SCENARIO_FORMAT_VERSION}`,
      ),
    );
  }
  if (version > SCENARIO_FORMAT_VERSION) {
    return none(
      finding(
        'error',
        'format-version-newer',
        ['formatVersion'],
        `format version ${version} is newer than this version of the app reads (${SCENARIO_FORMAT_VERSION}); update the app`,
      ),
    );
  }
  const findings: Finding[] = [];
  const context: MigrationContext = {
    report: (f) => findings.push(f),
    renamed: (migrated, original) => {
      // A path renamed twice (over several versions) still points at the file's original.
      renamedPaths.set(migrated, renamedPaths.get(original) ?? original);
    },
  };
  let document: Record<string, unknown> = { ...value };
  const steps: string[] = [];
  for (let from = version; from < SCENARIO_FORMAT_VERSION; from++) {
    const migration = MIGRATIONS[from];
    if (migration === undefined) {
      return none(
        finding('error', 'format-version-unknown', ['formatVersion'], `no migration from version ${from}`),
      );
    }
    document = migration.migrate(document, context);
    steps.push(`${from} → ${from + 1}: ${migration.summary}`);
  }
  if (steps.length > 0) {
    findings.push(
      finding(
        'info',
        'migrated',
        ['formatVersion'],
        `migrated from format version ${version} to ${SCENARIO_FORMAT_VERSION} (${steps.join('; ')}); paths in findings are those of version ${SCENARIO_FORMAT_VERSION}`,
      ),
    );
  }
  return { document, fromVersion: version, findings, renamedPaths };
}
