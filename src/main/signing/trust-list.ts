import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KeyPair, type TrustList, TrustListSchema } from '@shared/scoring/signature';
import { type TrustView, trustViewOf } from '@shared/scoring/trust';
import { writeFileAtomic } from '../storage/atomic';

/** The trainer's trust list in the data folder: the same format `grade --trust keys.json` reads. */
export function trustFileOf(dataFolder: string): string {
  return join(dataFolder, 'keys', 'trusted-keys.json');
}

/** The text of a trust list file, as `grade --trust` reads it and a trainer shares it. */
export function trustListText(list: TrustList): string {
  return `${JSON.stringify({ keys: list.keys.map(({ publicKey, label }) => ({ publicKey, label })) }, null, 2)}\n`;
}

/**
 * Parses a keys.json; a bad one is an error naming the file, the place (`$.keys.0.publicKey`)
 * and what is wrong, e.g. `keys.json: not a trust list ($.keys.0.publicKey: Invalid string…)`.
 */
export function parseTrustList(name: string, text: string): TrustList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = TrustListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? `$.${issue.path.map(String).join('.')}` : '$';
    throw new Error(
      `${name}: not a trust list (${path}: ${issue?.message ?? 'invalid'}); expected {"keys": [{"publicKey": "<64 hex digits>", "label": "Lab 2, seat 4"}]}`,
    );
  }
  return parsed.data;
}

/** The keys of `extra` that `list` lacks, added at its end (a key already there keeps its label). */
function merged(list: TrustList, extra: TrustList, own: string): { list: TrustList; added: number } {
  const keys = [...list.keys];
  let added = 0;
  for (const key of extra.keys) {
    if (key.publicKey === own || keys.some((known) => known.publicKey === key.publicKey)) continue;
    keys.push({ publicKey: key.publicKey, label: key.label });
    added++;
  }
  return { list: { keys }, added };
}

/**
 * The trust list of the class overview, kept in `<data>/keys/trusted-keys.json`: read on every
 * use (a trainer may replace it by hand), changed one operation at a time, written atomically.
 * A damaged file is an error naming it, never silently replaced by an empty list.
 */
export class TrustListStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataFolder: string,
    private readonly keys: () => Promise<KeyPair>,
  ) {}

  /** The file of the list. */
  get path(): string {
    return trustFileOf(this.dataFolder);
  }

  /** The stored list; empty when there is none yet. */
  async read(): Promise<TrustList> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys: [] };
      throw error;
    }
    try {
      return parseTrustList(this.path, text);
    } catch (error) {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; fix or remove the file to use the trust list`,
      );
    }
  }

  /** The list and this installation's own key, as the app shows them. */
  async view(): Promise<TrustView> {
    const [list, own] = await Promise.all([this.read(), this.keys()]);
    return trustViewOf(own.publicKey, list.keys);
  }

  /** Runs one change after the previous one has finished. */
  private serial<T>(change: () => Promise<T>): Promise<T> {
    const next = this.queue.then(change, change);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(list: TrustList): Promise<void> {
    await mkdir(join(this.dataFolder, 'keys'), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.path, trustListText(list));
  }

  /** Trusts a key under a label (a key already trusted takes the new label). */
  add(publicKey: string, label: string): Promise<TrustView> {
    return this.serial(async () => {
      const own = await this.keys();
      if (publicKey === own.publicKey) {
        throw new Error('this is the key of this installation; its assessments are trusted already');
      }
      const list = await this.read();
      const known = list.keys.some((key) => key.publicKey === publicKey);
      const keys = known
        ? list.keys.map((key) => (key.publicKey === publicKey ? { publicKey, label } : key))
        : [...list.keys, { publicKey, label }];
      await this.write({ keys });
      return trustViewOf(own.publicKey, keys);
    });
  }

  /** Stops trusting a key. */
  remove(publicKey: string): Promise<TrustView> {
    return this.serial(async () => {
      const list = await this.read();
      if (!list.keys.some((key) => key.publicKey === publicKey)) {
        throw new Error(`the key ${publicKey} is not in the trust list`);
      }
      const keys = list.keys.filter((key) => key.publicKey !== publicKey);
      await this.write({ keys });
      return trustViewOf((await this.keys()).publicKey, keys);
    });
  }

  /** Adds the keys of keys.json files to the list; one bad file refuses them all, and nothing changes. */
  import(files: ReadonlyArray<{ readonly name: string; readonly text: string }>): Promise<{
    added: number;
    view: TrustView;
  }> {
    return this.serial(async () => {
      const extra = files.map((file) => parseTrustList(file.name, file.text));
      const own = (await this.keys()).publicKey;
      let result = { list: await this.read(), added: 0 };
      for (const list of extra) {
        const next = merged(result.list, list, own);
        result = { list: next.list, added: result.added + next.added };
      }
      if (result.added > 0) await this.write(result.list);
      return { added: result.added, view: trustViewOf(own, result.list.keys) };
    });
  }
}
