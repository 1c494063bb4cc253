import type { ImportProblem } from '@shared/library-contract';
import { MAX_SCENARIO_BYTES } from '@shared/scenario';
import { strFromU8, strToU8, type UnzipFileInfo, unzipSync, zipSync } from 'fflate';
import { clipContentProblem, clipNameProblem, MAX_CLIP_BYTES, MAX_CLIPS } from './clips';
import { printable } from './paths';

/** The `type` of a pack's manifest, `pack.json`. */
export const PACK_TYPE = 'conference-call-trainer/scenario-pack';
/** The pack format this code writes. */
export const PACK_FORMAT_VERSION = 1;

/** Whether bytes are a zip file (its local-file or empty-archive signature). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** A fixed time for every entry, so that the same scenario and clips make the same pack. */
const ENTRY_TIME = new Date('2020-01-01T00:00:00Z');

/**
 * A pack: `pack.json` (the manifest), `scenario.json` (the file's text as it is) and
 * `clips/<name>` for each clip. Clips are stored, not compressed: audio does not shrink.
 */
export function buildPack(
  scenarioId: string,
  scenarioText: string,
  clips: ReadonlyMap<string, Uint8Array>,
): Uint8Array {
  const manifest = {
    type: PACK_TYPE,
    formatVersion: PACK_FORMAT_VERSION,
    scenario: scenarioId,
    clips: [...clips.keys()],
  };
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {
    'pack.json': [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6, mtime: ENTRY_TIME }],
    'scenario.json': [strToU8(scenarioText), { level: 6, mtime: ENTRY_TIME }],
  };
  for (const [name, bytes] of clips) entries[`clips/${name}`] = [bytes, { level: 0, mtime: ENTRY_TIME }];
  return zipSync(entries);
}

/** What a pack holds, once read and checked; `problems` non-empty means it must be refused. */
export interface PackContents {
  readonly scenarioText: string | null;
  readonly clips: ReadonlyMap<string, Uint8Array>;
  readonly problems: ReadonlyArray<ImportProblem>;
}

const MAX_ENTRIES = MAX_CLIPS + 8;

/**
 * Reads a pack and checks every entry before anything is written: the manifest's type, the
 * scenario's size, each clip's name (nothing may leave the clip folder: no `..`, absolute paths,
 * device names, NUL), size and type (by magic bytes). Sizes are checked on the sizes the zip
 * declares before any entry is inflated, and inflating never goes past the declared size.
 */
export function readPack(bytes: Uint8Array): PackContents {
  const problems: ImportProblem[] = [];
  const declared: UnzipFileInfo[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        declared.push(file);
        if (declared.length > MAX_ENTRIES) return false;
        if (file.name === 'scenario.json') return file.originalSize <= MAX_SCENARIO_BYTES;
        if (file.name === 'pack.json') return file.originalSize <= 64 * 1024;
        if (file.name.startsWith('clips/') && !file.name.endsWith('/')) {
          return (
            clipNameProblem(file.name.slice('clips/'.length)) === null && file.originalSize <= MAX_CLIP_BYTES
          );
        }
        return false;
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      scenarioText: null,
      clips: new Map(),
      problems: [{ entry: '(file)', message: `the pack is not a readable zip file (${message})` }],
    };
  }
  if (declared.length > MAX_ENTRIES) {
    problems.push({ entry: '(file)', message: `the pack has more than ${MAX_ENTRIES} entries` });
  }
  const clips = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  for (const file of declared.slice(0, MAX_ENTRIES)) {
    const name = file.name;
    const entry = printable(name);
    if (seen.has(name)) {
      // Two entries of one name: which one a reader keeps differs between tools.
      problems.push({ entry, message: 'occurs twice in the pack' });
      continue;
    }
    seen.add(name);
    if (name === 'scenario.json' || name === 'pack.json') {
      const limit = name === 'pack.json' ? 64 * 1024 : MAX_SCENARIO_BYTES;
      if (file.originalSize > limit) {
        problems.push({ entry, message: `is ${file.originalSize} bytes; the limit is ${limit}` });
      }
      continue;
    }
    if (!name.startsWith('clips/')) {
      problems.push({
        entry,
        message: 'is not part of a scenario pack (only pack.json, scenario.json and clips/… are)',
      });
      continue;
    }
    if (name.endsWith('/')) continue; // a folder entry
    const clip = name.slice('clips/'.length);
    const nameProblem = clipNameProblem(clip);
    if (nameProblem !== null) {
      problems.push({ entry, message: `the clip name ${nameProblem}` });
      continue;
    }
    if (file.originalSize > MAX_CLIP_BYTES) {
      problems.push({
        entry,
        message: `is ${file.originalSize} bytes; a clip may have at most ${MAX_CLIP_BYTES} bytes`,
      });
      continue;
    }
    const content = files[name];
    if (content === undefined) continue;
    const contentProblem = clipContentProblem(clip, content);
    if (contentProblem !== null) {
      problems.push({ entry, message: `the clip ${contentProblem}` });
      continue;
    }
    clips.set(clip, content);
  }
  const manifest = files['pack.json'];
  if (manifest !== undefined) {
    let type: unknown;
    try {
      type = (JSON.parse(strFromU8(manifest)) as { type?: unknown }).type;
    } catch {
      type = undefined;
    }
    if (type !== PACK_TYPE) {
      problems.push({
        entry: 'pack.json',
        message: `is not the manifest of a scenario pack (type "${PACK_TYPE}")`,
      });
    }
  }
  const scenario = files['scenario.json'];
  if (scenario === undefined && !problems.some((p) => p.entry === 'scenario.json')) {
    problems.push({ entry: 'scenario.json', message: 'is missing: a pack holds one scenario.json' });
  }
  let scenarioText: string | null = null;
  if (scenario !== undefined) {
    try {
      scenarioText = new TextDecoder('utf-8', { fatal: true }).decode(scenario);
    } catch {
      problems.push({ entry: 'scenario.json', message: 'is not UTF-8 text' });
    }
  }
  return { scenarioText, clips, problems };
}
