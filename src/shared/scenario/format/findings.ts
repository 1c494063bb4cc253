/**
 * What loading and validating a scenario reports: one finding per problem, each naming the JSON
 * path it is about (`$.parties[2].number`), how serious it is, a stable code, the rule it
 * enforces where one applies (RULES.md), and a message for the author.
 */
import { type FindingCode as CallerIdCode, formatIssuePath } from '../../caller-id';

/**
 * How serious a finding is.
 * - `error`: the scenario cannot be played as written; the loader returns no scenario.
 * - `warning`: it can be played, but probably not as the author meant (a step that never
 *   fires, a caller ID carriers may reject, Contact Lens on a conference).
 * - `info`: worth knowing (the file was migrated from an older format, a party is never used).
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * The stable code of every kind of finding. The codes of the caller-ID checks
 * (`timeout-out-of-range`, `reserved-sip-characters`, `uk-not-e164`, ...) are passed through
 * unchanged from `src/shared/caller-id`.
 */
export type FindingCode =
  // reading the text
  | 'file-too-large'
  | 'malformed-json'
  | 'duplicate-key'
  | 'too-deeply-nested'
  | 'not-json'
  // the format version and migration
  | 'not-an-object'
  | 'format-version-missing'
  | 'format-version-unknown'
  | 'format-version-newer'
  | 'migration-conflict'
  | 'migrated'
  // the schema
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-field'
  | 'invalid-value'
  | 'out-of-range'
  | 'invalid-format'
  | 'no-matching-variant'
  // ids and references
  | 'duplicate-id'
  | 'caller-count'
  | 'unknown-party'
  | 'party-kind-mismatch'
  | 'trainee-role-mismatch'
  | 'acts-for-trainee'
  | 'duplicate-quick-connect'
  | 'unknown-quick-connect'
  | 'quick-connect-type-mismatch'
  | 'quick-connect-number-mismatch'
  | 'unknown-queue'
  | 'unknown-routing-profile'
  | 'unknown-step'
  | 'unknown-goal'
  | 'unknown-question'
  | 'unknown-transfer-block'
  | 'not-a-trainee-action'
  | 'not-an-agent-action'
  | 'missing-target'
  | 'missing-digits'
  | 'number-pad-unknown-number'
  | 'goal-never-shown'
  | 'question-never-asked'
  | 'party-never-added'
  // the conference (CONF-1, CONF-16)
  | 'too-many-participants'
  | 'parties-exceed-mode-limit'
  | 'contact-lens-multiparty'
  // questions
  | 'question-unresolvable'
  | 'answer-not-in-choices'
  | 'ambiguous-choices'
  | 'question-has-no-answer'
  | 'reference-answer-wrong'
  // steps and timing
  | 'step-after-end'
  | 'step-cycle'
  | 'step-never-triggers'
  | 'step-off-reference'
  | 'reference-not-in-order'
  // the reference solution's replay
  | 'reference-action-refused'
  | 'reference-action-not-played'
  | 'reference-not-replayed'
  | 'script-action-refused'
  | 'goal-not-shown'
  | 'reference-replay-failed'
  // scripts that follow the call (the reference replay and the what-if runs)
  | 'line-speaker-absent'
  | 'goal-speaker-absent'
  // the scenario's own tests, what-if runs and translation parity
  | 'scenario-test-failed'
  | 'what-if-passes'
  | 'what-if-exchange-differs'
  | 'translation-differs'
  | 'translation-original-missing'
  // a check that failed unexpectedly; reported rather than thrown
  | 'internal-error'
  // passed through from the caller-ID checks (XFER-2, XFER-3, CID-6 to CID-10)
  | CallerIdFindingCode;

/** The codes of `src/shared/caller-id`'s findings, which scenario findings keep as they are. */
export type CallerIdFindingCode = CallerIdCode;

/** One thing the loader or the validator found. */
export interface Finding {
  /** The JSON path of the value it is about: `$` for the whole file, `$.parties[2].number`. */
  readonly path: string;
  readonly severity: FindingSeverity;
  readonly code: FindingCode;
  /** The rule of RULES.md the finding enforces (`CONF-1`, `XFER-3`, `CID-9`), or null. */
  readonly rule: string | null;
  /** What is wrong and, where it helps, what to do about it. */
  readonly message: string;
  /** The line (1-based) where the path's value starts, when the finding came from a file's text. */
  readonly line?: number;
  /** The column (1-based, in UTF-16 code units) on that line; for an object member, its key's. */
  readonly column?: number;
}

/** A JSON path as a list of keys and array indices, the way zod reports paths. */
export type PathSegments = ReadonlyArray<string | number>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** One key or index of a JSON path, as it is appended to its parent: `.name`, `[2]`, `['odd key']`. */
export function pathSegment(key: PropertyKey): string {
  if (typeof key === 'number') return `[${key}]`;
  const name = String(key);
  if (IDENTIFIER.test(name)) return `.${name}`;
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/**
 * Writes a path as a JSON path: `$`, `$.parties[2].number`. Keys that are not plain
 * identifiers are quoted in brackets (`$['odd key']`), so that every path reads back unambiguously.
 */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  if (segments.length === 0) return '$';
  const plain = segments.every(
    (key) => typeof key === 'number' || (typeof key === 'string' && IDENTIFIER.test(key)),
  );
  if (plain) {
    // The common case, written the way the caller-ID module writes its paths.
    const text = formatIssuePath(segments);
    return text.startsWith('[') ? `$${text}` : `$.${text}`;
  }
  return `$${segments.map(pathSegment).join('')}`;
}

const PATH_TOKEN = /\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\['(?:[^'\\]|\\.)*'\]/g;

/**
 * The ancestors of a JSON path written by `jsonPath`, nearest first, ending with `$`:
 * `$.a.b[2]` gives `$.a.b`, `$.a`, `$`.
 */
export function ancestorPaths(path: string): ReadonlyArray<string> {
  const ends: number[] = [];
  for (const match of path.slice(1).matchAll(PATH_TOKEN)) ends.push(1 + match.index + match[0].length);
  const result: string[] = [];
  for (let i = ends.length - 2; i >= 0; i--) result.push(path.slice(0, ends[i]));
  if (path !== '$') result.push('$');
  return result;
}

/** Makes a finding; `rule` defaults to none. */
export function finding(
  severity: FindingSeverity,
  code: FindingCode,
  segments: PathSegments,
  message: string,
  rule: string | null = null,
): Finding {
  return { path: jsonPath(segments), severity, code, rule, message };
}

/** Whether any finding is an error (the scenario cannot be played). */
export function hasErrors(findings: ReadonlyArray<Finding>): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** How many findings there are of each severity. */
export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** Counts findings by severity. */
export function countFindings(findings: ReadonlyArray<Finding>): FindingCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const f of findings) {
    if (f.severity === 'error') error++;
    else if (f.severity === 'warning') warning++;
    else info++;
  }
  return { error, warning, info };
}

/**
 * One finding as a line of text: `error unknown-party $.script[0].effects[0].say.party: no party
 * "bob" [CONF-1]`, preceded by `line:column: ` when the position is known.
 */
export function formatFinding(f: Finding): string {
  const position = f.line === undefined ? '' : `${f.line}:${f.column ?? 1}: `;
  const rule = f.rule === null ? '' : ` [${f.rule}]`;
  return `${position}${f.severity} ${f.code} ${f.path}: ${f.message}${rule}`;
}

/** Quotes a value for a message: strings in double quotes, anything else as JSON. */
export function quote(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  return String(value);
}
