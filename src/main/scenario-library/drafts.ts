import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { MAX_SCENARIO_BYTES } from '@shared/scenario';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';
import { insideFolder } from './paths';

/** One saved draft, without its text. */
export interface DraftSummary {
  readonly key: string;
  readonly scenarioId: string | null;
  readonly savedAt: string;
  readonly bytes: number;
}

const DraftFileSchema = z.object({
  key: z.string(),
  scenarioId: z.string().nullable(),
  savedAt: z.string(),
  text: z.string(),
});

const KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * The editor's drafts in `<data>/drafts/<key>.json`: the text the trainer is typing (valid or
 * not), written atomically on every autosave, so that a crash loses at most the last keystrokes.
 */
export class DraftStore {
  constructor(
    private readonly folder: string,
    private readonly now: () => Date,
  ) {}

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`"${key.slice(0, 80)}" is not a draft key`);
    return insideFolder(this.folder, `${key}.json`);
  }

  /** Saves (or overwrites) a draft. */
  async save(key: string, scenarioId: string | null, text: string): Promise<DraftSummary> {
    if (text.length > MAX_SCENARIO_BYTES)
      throw new Error(`a draft may have at most ${MAX_SCENARIO_BYTES} characters`);
    await mkdir(this.folder, { recursive: true });
    const savedAt = this.now().toISOString();
    await writeFileAtomic(this.path(key), `${JSON.stringify({ key, scenarioId, savedAt, text })}\n`);
    return { key, scenarioId, savedAt, bytes: Buffer.byteLength(text, 'utf8') };
  }

  private async read(key: string) {
    const path = this.path(key);
    const info = await stat(path).catch(() => null);
    if (info === null || !info.isFile()) return null;
    // The draft's text is escaped in JSON: allow for that, but never read an arbitrary file whole.
    if (info.size > MAX_SCENARIO_BYTES * 6 + 1024) return null;
    try {
      const draft = DraftFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
      return draft.key === key ? draft : null;
    } catch {
      return null;
    }
  }

  /** The drafts, newest first; files that do not read as drafts are left out. */
  async list(): Promise<ReadonlyArray<DraftSummary>> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const drafts: DraftSummary[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || !KEY.test(name.slice(0, -5))) continue;
      const draft = await this.read(name.slice(0, -5));
      if (draft === null) continue;
      const { text, ...summary } = draft;
      drafts.push({ ...summary, bytes: Buffer.byteLength(text, 'utf8') });
    }
    return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** One draft with its text. */
  async open(key: string): Promise<DraftSummary & { readonly text: string }> {
    const draft = await this.read(key);
    if (draft === null) throw new Error(`no draft "${key}"`);
    return { ...draft, bytes: Buffer.byteLength(draft.text, 'utf8') };
  }

  /** Discards a draft; false when there was none. */
  async discard(key: string): Promise<boolean> {
    const path = this.path(key);
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    await rm(path, { force: true });
    return existed;
  }
}
