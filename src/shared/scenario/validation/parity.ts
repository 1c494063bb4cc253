/**
 * Translation parity: a scenario that says it is a translation (`translationOf`) keeps the
 * original's structure, parties, numbers, timings, reference and rubric weights; only its words
 * differ. Acknowledged warnings: a warning the trainer expects is reported as acknowledged.
 */
import { sameJson } from '../../digest';
import { type Finding, finding, jsonPath } from '../format/findings';
import type { Scenario } from '../format/schema';

/** Keys whose values are words of the scenario's language, left out of the comparison. */
const WORDS = new Set([
  'title',
  'briefing',
  'text',
  'role',
  'complaint',
  'feedback',
  'description',
  'reason',
  'clip',
]);
/** Top-level keys that name the file rather than the scenario. */
const OWN = new Set(['$schema', 'id', 'language', 'translationOf', 'tags', 'author', 'title', 'briefing']);

function differences(a: unknown, b: unknown, path: Array<string | number>, out: string[]): void {
  if (out.length >= 5) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(`${jsonPath(path)} has ${b.length} entries, the original ${a.length}`);
      return;
    }
    a.forEach((item, index) => {
      differences(item, b[index], [...path, index], out);
    });
    return;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (WORDS.has(key) || (path.length === 0 && OWN.has(key))) continue;
      // A party's name may be written for the language; every other name is the instance's.
      if (key === 'name' && path.length === 2 && path[0] === 'parties') continue;
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        [...path, key],
        out,
      );
    }
    return;
  }
  if (!sameJson(a ?? null, b ?? null)) {
    out.push(`${jsonPath(path)} is ${JSON.stringify(b)}, the original ${JSON.stringify(a)}`);
  }
}

/** The findings of comparing a translation with its original (none when they match). */
export function checkTranslationParity(original: Scenario, translation: Scenario): ReadonlyArray<Finding> {
  const found: string[] = [];
  differences(original, translation, [], found);
  return found.map((message) =>
    finding(
      'error',
      'translation-differs',
      ['translationOf'],
      `a translation of ${original.id} keeps its structure, numbers and weights: ${message}`,
    ),
  );
}

/** Turns the warnings a scenario acknowledges into `info` findings that carry the reason. */
export function applyAcknowledgements(scenario: Scenario, findings: ReadonlyArray<Finding>): Finding[] {
  return findings.map((f) => {
    if (f.severity !== 'warning') return f;
    const ack = scenario.acknowledge.find(
      (a) => a.code === f.code && (a.path === undefined || a.path === f.path),
    );
    return ack === undefined
      ? f
      : { ...f, severity: 'info', message: `acknowledged (${ack.reason}): ${f.message}` };
  });
}
