import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Finding,
  jsonPath,
  loadScenario,
  MAX_SCENARIO_BYTES,
  migrateScenario,
  utf8Length,
  validateScenario,
} from '../../../src/shared/scenario';

const root = join(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures/scenarios');
const read = (path: string): string => readFileSync(path, 'utf8');
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();

/** One finding a broken scenario must produce; the fields given must match exactly. */
interface ExpectedFinding {
  readonly code: string;
  readonly path: string;
  readonly severity?: string;
  readonly rule?: string;
  readonly line?: number;
  readonly column?: number;
}

interface CorpusEntry {
  readonly note: string;
  /** Whether the loader still returns the scenario (only warnings and infos). */
  readonly loads: boolean;
  readonly expect: ReadonlyArray<ExpectedFinding>;
  /** Pad the file's text with spaces to this many bytes before loading (the size limit). */
  readonly padToBytes?: number;
}

const corpus = JSON.parse(read(join(fixtures, 'broken/expected.json'))) as Record<string, CorpusEntry>;

const matches = (finding: Finding, expected: ExpectedFinding): boolean =>
  Object.entries(expected).every(
    ([key, value]) => (finding as unknown as Record<string, unknown>)[key] === value,
  );

const codes = (findings: ReadonlyArray<Finding>): string[] =>
  findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe('the broken-scenario corpus', () => {
  it('pairs every broken file with the finding it must produce, and has at least 20', () => {
    const files = jsonFiles(join(fixtures, 'broken')).filter((name) => name !== 'expected.json');
    expect(Object.keys(corpus).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(Object.entries(corpus))('%s', (file, entry) => {
    let text = read(join(fixtures, 'broken', file));
    if (entry.padToBytes !== undefined) text += ' '.repeat(entry.padToBytes - utf8Length(text));
    const { scenario, findings } = loadScenario(text);
    for (const expected of entry.expect) {
      expect(
        findings.some((f) => matches(f, expected)),
        `${entry.note}: expected ${JSON.stringify(expected)} among ${JSON.stringify(codes(findings))}`,
      ).toBe(true);
    }
    expect(scenario !== null, entry.note).toBe(entry.loads);
    expect(findings.some((f) => f.severity === 'error')).toBe(!entry.loads);
    expect(findings.filter((f) => f.code === 'internal-error')).toEqual([]);
  });
});

describe('valid scenarios', () => {
  const valid = jsonFiles(join(fixtures, 'valid'));

  it('has a fixture of each mode and trainee role', () => {
    const calls = valid.map((file) => JSON.parse(read(join(fixtures, 'valid', file))).call);
    expect(new Set(calls.map((call) => call.mode))).toEqual(new Set(['three-party', 'multiparty']));
    expect(new Set(calls.map((call) => call.traineeRole))).toEqual(new Set(['primary', 'secondary']));
  });

  it.each(valid)('%s loads without a single finding', (file) => {
    const { scenario, findings } = loadScenario(read(join(fixtures, 'valid', file)));
    expect(codes(findings)).toEqual([]);
    expect(scenario).not.toBeNull();
  });

  const bundled = join(root, 'resources/scenarios');
  const library = (() => {
    try {
      return jsonFiles(bundled);
    } catch {
      return [];
    }
  })();
  it.runIf(library.length > 0).each(library)('bundled %s has no errors', (file) => {
    const { scenario, findings } = loadScenario(read(join(bundled, file)));
    expect(codes(findings.filter((f) => f.severity === 'error'))).toEqual([]);
    expect(scenario).not.toBeNull();
  });
});

describe('format versions', () => {
  const current = loadScenario(read(join(fixtures, 'valid/three-party-warm-transfer.json')));
  const draft = loadScenario(read(join(fixtures, 'migration/v0-draft.json')));

  it('migrates a version 0 draft (steps, milliseconds, no type) to the current format', () => {
    expect(draft.scenario).not.toBeNull();
    expect(codes(draft.findings)).toEqual(['info migrated $.formatVersion']);
    const { id: _a, title: _b, $schema: _c, ...migrated } = draft.scenario ?? {};
    const { id: _d, title: _e, $schema: _f, ...expected } = current.scenario ?? {};
    expect(migrated).toEqual(expected);
  });

  it('migrates a version 1 file: its time limit keeps counting to the end of the session', () => {
    const v1 = loadScenario(read(join(fixtures, 'migration/v1-time-limit.json')));
    expect(codes(v1.findings)).toEqual(['info migrated $.formatVersion']);
    expect(v1.scenario?.formatVersion).toBe(2);
    expect(v1.scenario?.rubric.criteria.find((c) => c.kind === 'time-limit')).toMatchObject({
      until: 'session-end',
    });
  });

  it('places a finding on a renamed field at its line in the version 0 file', () => {
    const text = [
      '{',
      '  "formatVersion": 0,',
      '  "steps": [',
      '    { "id": "intro", "trigger": { "atMs": "soon" }, "effects": [] }',
      '  ]',
      '}',
    ].join('\n');
    const { findings } = loadScenario(text);
    const wrong = findings.find((f) => f.path === '$.script[0].trigger.at');
    expect(wrong).toMatchObject({ code: 'wrong-type', line: 4, column: 35 });
  });

  it('reports a version 0 field written in both forms', () => {
    const result = migrateScenario({ formatVersion: 0, steps: [{ trigger: { atMs: 1000, at: 1 } }] });
    expect(result.document).not.toBeNull();
    expect(result.findings.map((f) => `${f.code} ${f.path}`)).toContain(
      'migration-conflict $.script[0].trigger.atMs',
    );
  });

  it.each([
    [{ formatVersion: 3 }, 'format-version-newer'],
    [{ formatVersion: -1 }, 'format-version-unknown'],
    [{ formatVersion: 0.5 }, 'format-version-unknown'],
    [{ formatVersion: null }, 'format-version-unknown'],
    [{}, 'format-version-missing'],
    ['scenario', 'not-an-object'],
  ])('refuses %j with %s', (value, code) => {
    const result = migrateScenario(value);
    expect(result.document).toBeNull();
    expect(result.findings.map((f) => f.code)).toEqual([code]);
  });
});

describe('reading the text', () => {
  it('refuses text over 5 MB before parsing it, counting bytes of UTF-8', () => {
    const euro = '€'.repeat(Math.floor(MAX_SCENARIO_BYTES / 3) + 1); // 3 bytes each
    expect(euro.length).toBeLessThan(MAX_SCENARIO_BYTES);
    expect(loadScenario(`"${euro}"`).findings.map((f) => f.code)).toEqual(['file-too-large']);
    const exactly = `[${' '.repeat(MAX_SCENARIO_BYTES - 2)}]`;
    expect(loadScenario(exactly).findings.map((f) => f.code)).toEqual(['not-an-object']);
  });

  it('honours a smaller limit', () => {
    expect(loadScenario('{}', { maxBytes: 1 }).findings.map((f) => f.code)).toEqual(['file-too-large']);
  });

  it.each([
    ['', 1, 1],
    ['  \n', 1, 1],
    ['{"a": 1,}', 1, 9],
    ['{\r\n  "a": tru\r\n}', 2, 8],
    ['{"a": "line\nbreak"}', 1, 12],
    ['{"a": 1} x', 1, 10],
    ['{"a": "\\x"}', 1, 8],
    ['{"a": 01}', 1, 8],
  ])('gives the line and column of malformed JSON: %j', (text, line, column) => {
    const [finding] = loadScenario(text).findings;
    expect(finding).toMatchObject({ code: 'malformed-json', path: '$', line, column });
    expect(finding?.message).toContain(`line ${line}, column ${column}`);
  });

  it('accepts a byte order mark', () => {
    const text = `\ufeff${read(join(fixtures, 'valid/three-party-warm-transfer.json'))}`;
    expect(loadScenario(text).scenario).not.toBeNull();
  });

  it('places schema findings at the line and column of the value', () => {
    const text = read(join(fixtures, 'broken/schema-unknown-field.json'));
    const lines = text.split('\n');
    const finding = loadScenario(text).findings.find((f) => f.code === 'unknown-field');
    expect(finding?.line).toBeDefined();
    expect(lines[(finding?.line ?? 0) - 1]?.slice((finding?.column ?? 1) - 1)).toMatch(/^"colour"/);
  });

  it('keeps a "__proto__" key a plain field, reported as unknown', () => {
    const scenario = JSON.parse(read(join(fixtures, 'valid/three-party-warm-transfer.json')));
    const text = JSON.stringify(scenario).replace('"call":{', '"call":{"__proto__":{"mode":"multiparty"},');
    const { findings } = loadScenario(text);
    expect(codes(findings)).toEqual(['error unknown-field $.call.__proto__']);
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
  });
});

describe('validateScenario on values that are not JSON', () => {
  const cyclic: Record<string, unknown> = { formatVersion: 1 };
  cyclic.self = cyclic;
  it.each([
    ['a cycle', cyclic, 'too-deeply-nested'],
    ['a function', { formatVersion: 1, f: () => 1 }, 'not-json'],
    ['a date', { formatVersion: 1, when: new Date(0) }, 'not-json'],
    ['NaN', { formatVersion: 1, n: Number.NaN }, 'not-json'],
    ['a bigint', { formatVersion: 1, n: 1n }, 'not-json'],
    ['undefined', undefined, 'not-an-object'],
  ])('reports %s without throwing', (_, value, code) => {
    const { scenario, findings } = validateScenario(value);
    expect(scenario).toBeNull();
    expect(findings.map((f) => f.code)).toEqual([code]);
  });

  it('can leave the reference replay out', () => {
    const text = read(join(fixtures, 'broken/reference-refused.json'));
    const { scenario, findings } = loadScenario(text, { replayReference: false });
    expect(scenario).not.toBeNull();
    expect(findings).toEqual([]);
  });
});

describe('JSON paths', () => {
  it.each([
    [[], '$'],
    [['parties', 2, 'number'], '$.parties[2].number'],
    [[0, 'a'], '$[0].a'],
    [['odd key', "it's"], "$['odd key']['it\\'s']"],
    [['__proto__'], '$.__proto__'],
  ])('%j is written %s', (segments, path) => {
    expect(jsonPath(segments)).toBe(path);
  });
});
