/**
 * Loading a scenario from the text of its file: the size limit, JSON with the line and column of
 * any syntax error, then `validateScenario`, with each finding placed at the line and column of
 * the value it names. Never throws.
 */
import { ancestorPaths, type Finding, finding } from '../format/findings';
import { MAX_SCENARIO_DEPTH } from '../validation/structure';
import {
  type ScenarioValidation,
  type ValidationOptions,
  validateScenarioDetailed,
} from '../validation/validate';
import { scanJson, type TextPosition } from './json-text';

/** The largest scenario file read: 5 MB (DESIGN.md, "Security and data"). */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Options of `loadScenario`. */
export interface LoadOptions extends ValidationOptions {
  /** The size limit in bytes of UTF-8 (default `MAX_SCENARIO_BYTES`). */
  readonly maxBytes?: number;
}

/** The number of bytes of `text` in UTF-8, counting no further than `limit + 1`. */
export function utf8Length(text: string, limit: number = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The finding for a file over the size limit, whose content is not read. `bytes` is the file's
 * size, or null when only "more than the limit" is known.
 */
export function fileTooLargeFinding(bytes: number | null, limit: number = MAX_SCENARIO_BYTES): Finding {
  const size = bytes === null ? `more than ${limit}` : String(bytes);
  const megabytes = Math.round((limit / 1024 / 1024) * 100) / 100;
  return finding(
    'error',
    'file-too-large',
    [],
    `the file is ${size} bytes; scenario files are limited to ${limit} bytes (${megabytes} MB)`,
  );
}

function atPosition(f: Finding, position: TextPosition): Finding {
  return { ...f, line: position.line, column: position.column };
}

/** The path a finding's path had in the file, before migration renamed fields on it. */
function originalPath(path: string, renamed: ReadonlyMap<string, string>): string {
  let result = path;
  for (const prefix of [path, ...ancestorPaths(path)]) {
    const original = renamed.get(prefix);
    // A rename changes only the last key of `prefix`, so shorter prefixes still read the same.
    if (original !== undefined) result = original + result.slice(prefix.length);
  }
  return result;
}

function place(
  findings: ReadonlyArray<Finding>,
  positions: ReadonlyMap<string, TextPosition>,
  renamed: ReadonlyMap<string, string>,
): Finding[] {
  return findings.map((f) => {
    const path = originalPath(f.path, renamed);
    for (const candidate of [path, ...ancestorPaths(path)]) {
      const position = positions.get(candidate);
      if (position !== undefined) return atPosition(f, position);
    }
    return f;
  });
}

/**
 * Loads a scenario from the text of a file. Refuses text over the size limit without parsing
 * it; reports malformed JSON with its line and column, keys that occur twice in an object
 * (JSON keeps the last), and nesting too deep to be a scenario; then validates the value
 * (`validateScenario`). The scenario comes back only when no finding is an error.
 */
export function loadScenario(text: string, options: LoadOptions = {}): ScenarioValidation {
  try {
    if (typeof text !== 'string') {
      return {
        scenario: null,
        findings: [finding('error', 'not-json', [], `expected the text of a file, not a ${typeof text}`)],
      };
    }
    const limit = options.maxBytes ?? MAX_SCENARIO_BYTES;
    // Every UTF-16 code unit is at least one byte of UTF-8: long text need not be counted.
    if (text.length > limit || utf8Length(text, limit) > limit) {
      return { scenario: null, findings: [fileTooLargeFinding(null, limit)] };
    }
    // A byte order mark is not JSON, but editors on Windows write one.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const scan = scanJson(body, MAX_SCENARIO_DEPTH);
    if (!scan.ok) {
      const f =
        scan.kind === 'syntax'
          ? finding(
              'error',
              'malformed-json',
              [],
              `malformed JSON at line ${scan.position.line}, column ${scan.position.column}: ${scan.message}`,
            )
          : finding(
              'error',
              'too-deeply-nested',
              [],
              `nested more than ${MAX_SCENARIO_DEPTH} levels deep (at ${scan.path.length > 60 ? `${scan.path.slice(0, 60)}…` : scan.path}); a scenario needs far fewer`,
            );
      return { scenario: null, findings: [atPosition(f, scan.position)] };
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      // The scanner and the engine disagree: trust the engine, and say what it said.
      const message = error instanceof Error ? error.message : String(error);
      return {
        scenario: null,
        findings: [finding('error', 'malformed-json', [], `malformed JSON: ${message}`)],
      };
    }
    const duplicates = scan.duplicateKeys.map((d) =>
      atPosition(
        {
          ...finding(
            'warning',
            'duplicate-key',
            [],
            'this key occurs twice in its object; only this last value counts',
          ),
          path: d.path,
        },
        d,
      ),
    );
    const result = validateScenarioDetailed(value, options);
    return {
      scenario: result.scenario,
      findings: [...duplicates, ...place(result.findings, scan.positions, result.renamedPaths)],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      scenario: null,
      findings: [
        finding(
          'error',
          'internal-error',
          [],
          `loading failed unexpectedly (${message}); please report this file`,
        ),
      ],
    };
  }
}
