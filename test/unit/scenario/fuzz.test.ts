import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioValidation, validateScenario } from '../../../src/shared/scenario';

const fixtures = join(__dirname, '../../fixtures/scenarios/valid');
const valid = ['three-party-warm-transfer.json', 'multiparty-consult.json', 'three-party-secondary.json'].map(
  (name) => readFileSync(join(fixtures, name), 'utf8'),
);

/** `FUZZ_SCALE=20 npx vitest run test/unit/scenario/fuzz.test.ts` runs twenty times as many cases. */
const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const timeout = 20_000 * scale;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = ReadonlyArray<string | number>;

/** The loader's promise: a scenario and no error, or no scenario and at least one error; never an internal error. */
function expectWellFormed(result: ScenarioValidation): void {
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (result.scenario === null) expect(errors.length).toBeGreaterThan(0);
  else expect(errors).toEqual([]);
  for (const f of result.findings) {
    expect(f.path.startsWith('$')).toBe(true);
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(f.message.length).toBeGreaterThan(0);
  }
  expect(result.findings.filter((f) => f.code === 'internal-error')).toEqual([]);
}

/** Every path to a value in a document, the root included. */
function pathsOf(value: Json, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...path, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  }
  return paths;
}

/** The document with the value at `path` replaced (or deleted, for `undefined`), copied on the way. */
function update(value: Json, path: Path, change: (old: Json) => Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return change(value) ?? null;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    const next = rest.length === 0 ? change(value[head] ?? null) : update(value[head] ?? null, rest, change);
    if (next === undefined) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof head === 'string') {
    const entries = Object.entries(value).flatMap(([key, item]): Array<[string, Json]> => {
      if (key !== head) return [[key, item]];
      const next = rest.length === 0 ? change(item) : update(item, rest, change);
      return next === undefined ? [] : [[key, next]];
    });
    return Object.fromEntries(entries);
  }
  return value;
}

function nest(value: Json, depth: number, asArray: boolean): Json {
  let result = value;
  for (let i = 0; i < depth; i++) result = asArray ? [result] : { not: result };
  return result;
}

/** What a mutation does to the value it lands on. */
type Mutation =
  | { readonly kind: 'delete' }
  | { readonly kind: 'replace'; readonly value: Json }
  | { readonly kind: 'huge-string'; readonly length: number }
  | { readonly kind: 'nest'; readonly depth: number; readonly asArray: boolean }
  | { readonly kind: 'prototype-key'; readonly key: string; readonly value: Json }
  | { readonly kind: 'number'; readonly value: number }
  /** Another string of the same document: ids and names that no longer resolve, but pass the schema. */
  | { readonly kind: 'swap-string'; readonly pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.jsonValue({ maxDepth: 3 }).map((value): Mutation => ({ kind: 'replace', value: value as Json })),
  fc.integer({ min: 1_000, max: 300_000 }).map((length): Mutation => ({ kind: 'huge-string', length })),
  fc
    .record({ depth: fc.integer({ min: 1, max: 120 }), asArray: fc.boolean() })
    .map((r): Mutation => ({ kind: 'nest', ...r })),
  fc
    .record({
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
      value: fc.jsonValue({ maxDepth: 2 }),
    })
    .map((r): Mutation => ({ kind: 'prototype-key', key: r.key, value: r.value as Json })),
  fc
    .constantFrom(-1, 0, 1e308, -1e-308, 2 ** 53, 0.5, 14_401, 4_294_967_296)
    .map((value): Mutation => ({ kind: 'number', value })),
  fc.nat().map((pick): Mutation => ({ kind: 'swap-string', pick })),
);

function stringsOf(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

function apply(document: Json, path: Path, m: Mutation): Json {
  const strings = m.kind === 'swap-string' ? stringsOf(document) : [];
  return update(document, path, (old) => {
    switch (m.kind) {
      case 'delete':
        return undefined;
      case 'replace':
        return m.value;
      case 'huge-string':
        return 'x'.repeat(m.length);
      case 'nest':
        return nest(old, m.depth, m.asArray);
      case 'prototype-key':
        // JSON.parse makes "__proto__" an own key; so does defineProperty.
        if (old === null || typeof old !== 'object' || Array.isArray(old)) return old;
        return Object.defineProperty({ ...old }, m.key, { value: m.value, enumerable: true, writable: true });
      case 'number':
        return m.value;
      case 'swap-string':
        return typeof old === 'string' ? (strings[m.pick % strings.length] ?? old) : old;
    }
  });
}

describe('the loader never throws (fast-check)', () => {
  it(
    'on random JSON values',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
          expectWellFormed(loadScenario(JSON.stringify(value) ?? 'null'));
          expectWellFormed(validateScenario(value));
        }),
        { numRuns: 200 * scale },
      );
    },
    timeout,
  );

  it(
    'on random text, and on valid scenarios cut short or with a character changed',
    () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.nat(valid.length - 1),
          fc.nat(),
          fc.string({ minLength: 1, maxLength: 2 }),
          (text, which, at, insert) => {
            expectWellFormed(loadScenario(text));
            const source = valid[which] ?? '';
            const cut = at % (source.length + 1);
            expectWellFormed(loadScenario(source.slice(0, cut)));
            expectWellFormed(loadScenario(source.slice(0, cut) + insert + source.slice(cut + 1)));
          },
        ),
        { numRuns: 150 * scale },
      );
    },
    timeout,
  );

  it(
    'on valid scenarios with keys deleted, wrong types, huge strings, deep nesting and prototype keys',
    () => {
      const documents = valid.map((text) => JSON.parse(text) as Json);
      const paths = documents.map((document) => pathsOf(document));
      fc.assert(
        fc.property(
          fc.nat(documents.length - 1),
          fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }),
          (which, mutations) => {
            let document = documents[which] ?? null;
            const candidates = paths[which] ?? [[]];
            for (const [index, m] of mutations) {
              document = apply(document, candidates[index % candidates.length] ?? [], m);
            }
            // Both ways in: as the text of a file and as a value (an IPC payload).
            expectWellFormed(loadScenario(JSON.stringify(document)));
            expectWellFormed(validateScenario(document));
          },
        ),
        { numRuns: 300 * scale },
      );
    },
    timeout,
  );
});
