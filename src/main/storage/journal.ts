import { open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** The first line of a journal: what the session is. */
export interface JournalHeader {
  readonly kind: 'header';
  readonly attemptId: string;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly mode: 'practice' | 'assessment';
  readonly trainee: { readonly name: string; readonly id?: string };
  readonly startedAt: string;
}

/** What a journal file holds once read: the header, every complete line after it, and what was lost. */
export interface JournalContents {
  readonly header: JournalHeader;
  readonly lines: ReadonlyArray<unknown>;
  /** A last line cut off by a crash (not valid JSON), dropped on recovery. */
  readonly truncatedTail: boolean;
  /** Lines in the middle that are not JSON (damage other than a crash), with their line numbers. */
  readonly damagedLines: ReadonlyArray<number>;
}

const SUFFIX = '.journal.jsonl';
const FINISHED_SUFFIX = '.journal.done.jsonl';

/** The journal file of an attempt. */
export function journalPath(folder: string, attemptId: string): string {
  return join(folder, `${attemptId}${SUFFIX}`);
}

/**
 * A session journal: one JSON line per event, appended and flushed to disk as each arrives, so
 * a crash loses at most the line being written.
 */
export class Journal {
  private constructor(
    readonly path: string,
    private readonly handle: Awaited<ReturnType<typeof open>>,
  ) {}

  /** Creates the journal of a new attempt with its header line; refuses to overwrite one. */
  static async create(folder: string, header: JournalHeader): Promise<Journal> {
    const path = journalPath(folder, header.attemptId);
    const handle = await open(path, 'wx', 0o600);
    const journal = new Journal(path, handle);
    await journal.append([header]);
    return journal;
  }

  /** Opens an existing journal to append to it (after recovery). */
  static async reopen(folder: string, attemptId: string): Promise<Journal> {
    const path = journalPath(folder, attemptId);
    return new Journal(path, await open(path, 'a', 0o600));
  }

  /** Appends values as JSON lines and flushes them to disk. */
  async append(values: ReadonlyArray<unknown>): Promise<void> {
    if (values.length === 0) return;
    const text = values.map((value) => `${JSON.stringify(value)}\n`).join('');
    await this.handle.appendFile(text, 'utf8');
    await this.handle.datasync();
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Reads a journal. Every complete line is kept; a last line cut off by a crash is dropped and
 * reported; a damaged line elsewhere is skipped and reported by number.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  const text = await readFile(path, 'utf8');
  const rawLines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) rawLines.pop();
  const parsed: unknown[] = [];
  const damagedLines: number[] = [];
  let truncatedTail = false;
  rawLines.forEach((line, index) => {
    const isLast = index === rawLines.length - 1;
    try {
      parsed.push(JSON.parse(line));
    } catch {
      if (isLast && !endsWithNewline) truncatedTail = true;
      else damagedLines.push(index + 1);
    }
  });
  // A last line that parses but has no newline was still written completely: keep it.
  const [header, ...lines] = parsed;
  if (!isHeader(header)) throw new Error(`${path}: the journal has no valid header line`);
  return { header, lines, truncatedTail, damagedLines };
}

function isHeader(value: unknown): value is JournalHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    header.kind === 'header' &&
    typeof header.attemptId === 'string' &&
    typeof header.scenarioId === 'string' &&
    typeof header.scenarioHash === 'string' &&
    typeof header.seed === 'number' &&
    (header.mode === 'practice' || header.mode === 'assessment') &&
    typeof header.startedAt === 'string' &&
    typeof header.trainee === 'object' &&
    header.trainee !== null
  );
}

/** The journals in a folder that were never finished (the app stopped or crashed mid-session). */
export async function unfinishedJournals(folder: string): Promise<ReadonlyArray<string>> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith(SUFFIX) && !name.endsWith(FINISHED_SUFFIX))
    .sort()
    .map((name) => join(folder, name));
}

/** Marks a journal finished (its assessment has been written), keeping it for the record. */
export async function markFinished(path: string): Promise<string> {
  const finished = path.replace(new RegExp(`${SUFFIX.replace(/\./g, '\\.')}$`), FINISHED_SUFFIX);
  await rename(path, finished);
  return finished;
}
