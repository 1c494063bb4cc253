import { open, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ImportProblem, MAX_IMPORT_BYTES } from '@shared/library-contract';
import { type Finding, loadScenario } from '@shared/scenario';
import { findScenario } from '../library';
import { clipsOf } from './clips';
import { type LibraryChange, parseObject, type ScenarioLibrary, scenarioText } from './library';
import { isZip, readPack } from './pack';
import { clipFolder, printable, uniqueId } from './paths';
import { moveToTrash } from './trash';

/** Asks the user for a file to open; null when they cancel. */
export type ChooseOpenPath = (request: {
  readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: ReadonlyArray<string> }>;
}) => Promise<string | null>;

/** Where an import comes from (the contract's `ImportSourceSchema`). */
export type ImportSource =
  | { readonly from: 'dialog' }
  | { readonly from: 'file'; readonly name: string; readonly base64: string };

/** The answer of an import (the contract's `ImportResultSchema`). */
export type ImportResult =
  | {
      readonly status: 'imported';
      readonly scenario: LibraryChange;
      readonly clips: ReadonlyArray<string>;
      readonly renamedFrom?: string;
      readonly replacedToTrash?: string;
    }
  | {
      readonly status: 'invalid';
      readonly findings: ReadonlyArray<Finding>;
      readonly problems: ReadonlyArray<ImportProblem>;
    }
  | {
      readonly status: 'clash';
      readonly token: string;
      readonly id: string;
      readonly existing: { readonly id: string; readonly title: string; readonly source: 'bundled' | 'user' };
      readonly incomingTitle: string;
      readonly canReplace: boolean;
    }
  | { readonly status: 'cancelled' };

/** A file that passed every check, waiting to be written. */
interface Staged {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly clips: ReadonlyMap<string, Uint8Array>;
  readonly findings: ReadonlyArray<Finding>;
}

/** How many imports may wait for a keep-both-or-replace answer at once; older ones are dropped. */
const MAX_PENDING = 8;

function invalid(
  findings: ReadonlyArray<Finding>,
  problems: ReadonlyArray<ImportProblem> = [],
): ImportResult {
  return { status: 'invalid', findings, problems };
}

function tooLarge(bytes: number): ImportResult {
  return invalid(
    [],
    [
      {
        entry: '(file)',
        message: `the file is ${bytes} bytes; an import may have at most ${MAX_IMPORT_BYTES} bytes`,
      },
    ],
  );
}

/** Reads at most `MAX_IMPORT_BYTES + 1` bytes of a file, so that a huge file is never read whole. */
async function readLimited(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return new Uint8Array(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}

/**
 * Imports scenario files and packs into the library: everything is read and checked before
 * anything is written; an id that is taken is answered with a token and a question (keep both,
 * or replace, which moves the old scenario to the trash).
 */
export class ScenarioImporter {
  private readonly pending = new Map<string, Staged>();

  constructor(
    private readonly library: ScenarioLibrary,
    private readonly chooseOpenPath: ChooseOpenPath,
  ) {}

  /** Imports from the open dialog or from bytes the renderer read. */
  async import(source: ImportSource): Promise<ImportResult> {
    let bytes: Uint8Array;
    if (source.from === 'dialog') {
      const path = await this.chooseOpenPath({
        filters: [{ name: 'Scenarios and scenario packs', extensions: ['json', 'zip'] }],
      });
      if (path === null) return { status: 'cancelled' };
      bytes = await readLimited(path);
      if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(bytes.length);
      return this.stage(bytes, basename(path));
    }
    bytes = new Uint8Array(Buffer.from(source.base64, 'base64'));
    if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(bytes.length);
    return this.stage(bytes, source.name);
  }

  /** Answers a clash: keep both (a new id), replace (the old one to the trash), or cancel. */
  async resolve(token: string, choice: 'keep-both' | 'replace' | 'cancel'): Promise<ImportResult> {
    const staged = this.pending.get(token);
    if (!staged) throw new Error('this import is no longer waiting for an answer; import the file again');
    this.pending.delete(token);
    if (choice === 'cancel') return { status: 'cancelled' };
    const library = await this.library.load();
    const taken = await this.library.takenIds(library);
    if (choice === 'keep-both') return this.commit(staged, uniqueId(staged.id, taken));
    const existing = findScenario(library, staged.id);
    if (existing?.source === 'bundled') {
      throw new Error(`"${staged.id}" is a bundled scenario and cannot be replaced; keep both instead`);
    }
    const trashed = existing ? await moveToTrash(this.library, staged.id) : undefined;
    return this.commit(staged, staged.id, trashed?.trashId);
  }

  private async stage(bytes: Uint8Array, name: string): Promise<ImportResult> {
    let text: string;
    let clips: ReadonlyMap<string, Uint8Array> = new Map();
    if (isZip(bytes)) {
      const pack = readPack(bytes);
      if (pack.problems.length > 0 || pack.scenarioText === null) return invalid([], pack.problems);
      text = pack.scenarioText;
      clips = pack.clips;
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return invalid(
          [],
          [
            {
              entry: printable(name),
              message: 'is neither a scenario (JSON text) nor a scenario pack (zip)',
            },
          ],
        );
      }
    }
    const loaded = loadScenario(text);
    if (loaded.scenario === null) return invalid(loaded.findings);
    const named = new Set(clipsOf(loaded.scenario));
    // Only the clips the scenario names are kept; a pack's other clips would never be played.
    const kept = new Map([...clips].filter(([clip]) => named.has(clip)));
    const staged: Staged = {
      id: loaded.scenario.id,
      title: loaded.scenario.title,
      text,
      clips: kept,
      findings: loaded.findings,
    };
    const library = await this.library.load();
    const taken = await this.library.takenIds(library);
    if (!taken(staged.id)) return this.commit(staged, staged.id);
    const existing = findScenario(library, staged.id);
    const token = this.library.options.newId();
    this.pending.set(token, staged);
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    return {
      status: 'clash',
      token,
      id: staged.id,
      existing: existing
        ? { id: existing.scenario.id, title: existing.scenario.title, source: existing.source }
        : { id: staged.id, title: `${staged.id}.json (a file that does not load)`, source: 'user' },
      incomingTitle: staged.title,
      canReplace: existing?.source !== 'bundled',
    };
  }

  /** Writes a staged import under `id`: its clips, then its file; on failure, neither stays. */
  private async commit(staged: Staged, id: string, replacedToTrash?: string): Promise<ImportResult> {
    const text = id === staged.id ? staged.text : scenarioText({ ...parseObject(staged.text), id });
    try {
      await this.library.writeClips(id, staged.clips);
      await this.library.writeScenario(id, text);
    } catch (error) {
      await rm(clipFolder(this.library.folders, id), { recursive: true, force: true });
      throw error;
    }
    const scenario: LibraryChange = { id, title: staged.title, source: 'user', findings: staged.findings };
    return {
      status: 'imported',
      scenario,
      clips: [...staged.clips.keys()],
      ...(id === staged.id ? {} : { renamedFrom: staged.id }),
      ...(replacedToTrash === undefined ? {} : { replacedToTrash }),
    };
  }
}
