import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Scenario } from '@shared/scenario';
import { writeFileAtomic } from '../storage/atomic';
import { insideFolder, printable, unsafeRelativeName } from './paths';

/** The largest audio clip accepted: 2 MB (a spoken line of half a minute is far less). */
export const MAX_CLIP_BYTES = 2 * 1024 * 1024;
/** The most clips one scenario (and so one pack) carries. */
export const MAX_CLIPS = 100;

/** The audio types a clip may have, by file extension. */
export type ClipType = 'wav' | 'mp3' | 'ogg';

/** The MIME type of each clip type. */
export const CLIP_MIME: Readonly<Record<ClipType, 'audio/wav' | 'audio/mpeg' | 'audio/ogg'>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
};

const CLIP_NAME = /^[a-z0-9][a-z0-9/_-]*\.(ogg|mp3|wav)$/;

function ascii(bytes: Uint8Array, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The audio type of a file by its first bytes (its magic numbers), or null for anything else. */
export function sniffClipType(bytes: Uint8Array): ClipType | null {
  if (bytes.length >= 12 && ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (bytes.length >= 4 && ascii(bytes, 0, 'OggS')) return 'ogg';
  if (bytes.length >= 3 && ascii(bytes, 0, 'ID3')) return 'mp3';
  // An MPEG audio frame header: 11 sync bits, then a layer that is not "reserved".
  const second = bytes[1] ?? 0;
  if (bytes.length >= 2 && bytes[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) {
    return 'mp3';
  }
  return null;
}

/** Why a clip name is not acceptable, or null: the format's pattern plus the file-name rules. */
export function clipNameProblem(name: string): string | null {
  if (!CLIP_NAME.test(name)) {
    return 'is not a clip name: lower-case letters, digits, "-", "_" and "/", ending in .ogg, .mp3 or .wav';
  }
  return unsafeRelativeName(name);
}

/** Why a clip's bytes are not acceptable under its name, or null. */
export function clipContentProblem(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'is empty';
  if (bytes.length > MAX_CLIP_BYTES) {
    return `is ${bytes.length} bytes; a clip may have at most ${MAX_CLIP_BYTES} bytes`;
  }
  const type = sniffClipType(bytes);
  if (type === null) return 'is not a WAV, MP3 or Ogg audio file (by its first bytes)';
  const extension = name.slice(name.lastIndexOf('.') + 1);
  if (extension !== type) return `is named .${extension} but its content is ${type.toUpperCase()} audio`;
  return null;
}

/** Throws a clear error when a clip's name or bytes are not acceptable. */
export function assertClip(name: string, bytes: Uint8Array): void {
  const problem = clipNameProblem(name) ?? clipContentProblem(name, bytes);
  if (problem !== null) throw new Error(`the clip "${printable(name)}" ${problem}`);
}

/** The clips a scenario names in its `say` effects, each once, in order. */
export function clipsOf(scenario: Pick<Scenario, 'script'>): ReadonlyArray<string> {
  const names = new Set<string>();
  for (const step of scenario.script) {
    for (const effect of step.effects) if ('say' in effect && effect.say.clip) names.add(effect.say.clip);
  }
  return [...names];
}

/** The bytes of a clip in a folder, or null when there is none; checked like an imported one. */
export async function readClip(folder: string, name: string): Promise<Uint8Array | null> {
  const path = insideFolder(folder, name);
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) return null;
  if (info.size > MAX_CLIP_BYTES) {
    throw new Error(
      `the clip "${name}" is ${info.size} bytes; a clip may have at most ${MAX_CLIP_BYTES} bytes`,
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  assertClip(name, bytes);
  return bytes;
}

/** Writes a checked clip into a folder, atomically, making its sub-folders. */
export async function writeClip(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  assertClip(name, bytes);
  const path = insideFolder(folder, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, bytes);
}
