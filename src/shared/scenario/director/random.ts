/**
 * Seeded randomness for sessions. A scenario may leave a delay open (`{"min": 3, "max": 8}`);
 * the session's seed decides it. Every draw is keyed (`answer:translator:1`) and computed from
 * the seed and its key alone, never from a generator that earlier draws have advanced, so that
 * a draw does not depend on how many other draws came before it or in which order they came.
 */
import type { Delay } from '../format/vocabulary';

/** The largest seed a session records: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;

/** One output of the generator and the state that produces the next. */
export interface RandomStep {
  /** A number in [0, 1). */
  readonly value: number;
  /** The generator's next state. */
  readonly next: number;
}

/**
 * One step of mulberry32, a small 32-bit generator with good statistical quality for
 * simulation (not for secrets). Pure: the state goes in, the value and the next state come out.
 */
export function mulberry32(state: number): RandomStep {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 2 ** 32, next };
}

/** The 32-bit FNV-1a hash of a text's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A number in [0, 1) decided by the seed and the key only. The hash of the key is mixed with
 * the seed and stirred by three generator steps, so that nearby seeds and similar keys give
 * unrelated values.
 */
export function randomUnit(seed: number, key: string): number {
  let state = (fnv1a(key) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  state = mulberry32(state).next ^ fnv1a(`${seed >>> 0}`);
  let step = mulberry32(state >>> 0);
  step = mulberry32((step.next ^ Math.floor(step.value * 2 ** 32)) >>> 0);
  return step.value;
}

/**
 * A delay in whole milliseconds: a fixed delay as written, a range `{min, max}` (seconds) drawn
 * uniformly with the seed and the key, both ends included. The same seed and key always give
 * the same delay.
 */
export function drawDelay(delay: Delay, seed: number, key: string): number {
  if (typeof delay === 'number') return Math.round(delay * 1000);
  const min = Math.round(delay.min * 1000);
  const max = Math.round(delay.max * 1000);
  if (max <= min) return min;
  return min + Math.floor(randomUnit(seed, key) * (max - min + 1));
}
