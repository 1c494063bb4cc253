/**
 * JSON as values: canonical text, structural equality, content hashes and name-based UUIDs.
 * Neutral ground for the scenario code (contact IDs, replay comparison) and the scoring code
 * (scenario hashes, statement ids), so that neither imports the other for them. Pure TypeScript
 * (no node:crypto in src/shared), with the audited `@noble/hashes`.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with object keys sorted at every level and no whitespace, so that equal values always
 * give equal text (and equal hashes) whatever order their keys were written in. `undefined`
 * members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

/** The SHA-256 of a value's canonical JSON, as `sha256:<hex>`. */
export function contentHash(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}

/**
 * Whether two JSON values are equal as JSON: the same members with equal values, whatever the
 * order of keys; `undefined` members count as absent. The same answer as comparing
 * `canonicalJson` texts, without building them.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  // Loops without intermediate arrays: replay compares every record of every log with this.
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const left = a as ReadonlyArray<unknown>;
    const right = b as ReadonlyArray<unknown>;
    if (left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      if (!sameJson(left[index], right[index])) return false;
    }
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftCount = 0;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (value === undefined) continue;
    leftCount++;
    if (!Object.hasOwn(right, key) || !sameJson(value, right[key])) return false;
  }
  let rightCount = 0;
  for (const key of Object.keys(right)) if (right[key] !== undefined) rightCount++;
  return leftCount === rightCount;
}

/** The namespace of this app's name-based UUIDs: the v5 UUID of `urn:conference-call-trainer` in the URL namespace. */
export const APP_UUID_NAMESPACE = 'bb83fc41-9209-5163-8314-bce266f76099';

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name). The same namespace and
 * name always give the same UUID, so exports of one assessment are identical every time.
 */
export function uuidV5(name: string, namespace: string = APP_UUID_NAMESPACE): string {
  const namespaceBytes = hexToBytes(namespace.replace(/-/g, ''));
  const nameBytes = utf8ToBytes(name);
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length);
  input.set(namespaceBytes);
  input.set(nameBytes, namespaceBytes.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = bytesToHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
