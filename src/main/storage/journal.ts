import { link, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';

/** The most bytes one journal may grow to (about 100k records and more); a longer one is refused. */
export const MAX_JOURNAL_BYTES = 128 * 1024 * 1024;

/** An attempt id as the app makes it: a lower-case UUID. The only thing a journal's file name holds. */
const ATTEMPT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The first line of a journal: what the session is. */
export const JournalHeaderSchema = z.strictObject({
  kind: z.literal('header'),
  attemptId: z.string().regex(ATTEMPT_ID, 'not a lower-case UUID'),
  scenarioId: z.string().min(1).max(64),
  scenarioHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'not a SHA-256 content hash'),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  mode: z.enum(['practice', 'assessment']),
  trainee: z.strictObject({ name: z.string().min(1).max(200), id: z.string().max(200).optional() }),
  startedAt: z.iso.datetime(),
});
/** The first line of a journal: what the session is. */
export type JournalHeader = z.infer<typeof JournalHeaderSchema>;

/** What a journal file holds once read: the header, every complete line after it, and what was lost. */
export interface JournalContents {
  readonly header: JournalHeader;
  /** Every complete line after the header that is JSON, with its line number (the header is line 1). */
  readonly lines: ReadonlyArray<{ readonly line: number; readonly value: unknown }>;
  /** A last line cut off by a crash (not valid JSON), dropped on recovery. */
  readonly truncatedTail: boolean;
  /** Lines in the middle that are not JSON (damage other than a crash), with their line numbers. */
  readonly damagedLines: ReadonlyArray<number>;
}

const SUFFIX = '.journal.jsonl';
const FINISHED_SUFFIX = '.journal.done.jsonl';

/**
 * The attempt id in the form the app keeps it (lower case), or an error naming what is wrong:
 * file paths are built from ids that pass this check only.
 */
export function normaliseAttemptId(attemptId: string): string {
  const id = attemptId.toLowerCase();
  if (!ATTEMPT_ID.test(id)) throw new Error(`attempt id "${attemptId.slice(0, 80)}" is not a UUID`);
  return id;
}

/** The journal file of an attempt. */
export function journalPath(folder: string, attemptId: string): string {
  return join(folder, `${normaliseAttemptId(attemptId)}${SUFFIX}`);
}

/** The attempt id a journal's file name gives, or null for a file that is no journal of the app's. */
export function attemptIdOfPath(path: string): string | null {
  const name = basename(path);
  if (!name.endsWith(SUFFIX) || name.endsWith(FINISHED_SUFFIX)) return null;
  const id = name.slice(0, -SUFFIX.length);
  return ATTEMPT_ID.test(id) ? id : null;
}

/** How a journal puts bytes on disk; tests give one that fails half-way (a full disk). */
export type JournalWriter = (handle: Awaited<ReturnType<typeof open>>, text: string) => Promise<void>;

const defaultWriter: JournalWriter = async (handle, text) => {
  await handle.appendFile(text, 'utf8');
  await handle.datasync();
};

/**
 * A session journal: one JSON line per event, appended and flushed to disk as each arrives, so
 * a crash loses at most the line being written. An append is all or nothing: when writing
 * fails (a full disk), the file is cut back to its last complete line and the error is thrown,
 * so the caller's retry cannot leave the records twice.
 */
export class Journal {
  private constructor(
    readonly path: string,
    private readonly handle: Awaited<ReturnType<typeof open>>,
    private size: number,
    private readonly write: JournalWriter,
  ) {}

  /** Creates the journal of a new attempt with its header line; refuses to overwrite one. */
  static async create(folder: string, header: JournalHeader, write = defaultWriter): Promise<Journal> {
    const path = journalPath(folder, JournalHeaderSchema.parse(header).attemptId);
    // Append mode: every write goes to the end of the file, also after a failed one was cut back.
    const handle = await open(path, 'ax', 0o600);
    const journal = new Journal(path, handle, 0, write);
    await journal.append([header]);
    return journal;
  }

  /**
   * Opens the journal of an unfinished attempt to append to it again (the attempt is resumed).
   * A last line without its newline (cut off by a crash, or complete but unterminated) is ended
   * with one first, so the new records start on their own line and the cut line stays in the
   * file, reported as damaged when the journal is read.
   */
  static async reopen(path: string, write = defaultWriter): Promise<Journal> {
    if (attemptIdOfPath(path) === null) throw new Error(`${basename(path)}: not an unfinished journal`);
    const handle = await open(path, 'a', 0o600);
    try {
      const { size } = await handle.stat();
      const journal = new Journal(path, handle, size, write);
      if (size > 0) {
        const last = Buffer.alloc(1);
        const reader = await open(path, 'r');
        try {
          await reader.read(last, 0, 1, size - 1);
        } finally {
          await reader.close();
        }
        if (last[0] !== 0x0a) await journal.appendText('\n');
      }
      return journal;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The bytes of complete lines in the file. */
  get bytes(): number {
    return this.size;
  }

  /** Appends values as JSON lines and flushes them to disk; on failure nothing of them stays. */
  async append(values: ReadonlyArray<unknown>): Promise<void> {
    if (values.length === 0) return;
    await this.appendText(values.map((value) => `${JSON.stringify(value)}\n`).join(''));
  }

  /** Appends text and flushes it to disk; on failure the file is cut back to where it was. */
  private async appendText(text: string): Promise<void> {
    const length = Buffer.byteLength(text, 'utf8');
    if (this.size + length > MAX_JOURNAL_BYTES) {
      throw new Error(
        `the journal would grow to ${this.size + length} bytes; a session's journal may hold at most ${MAX_JOURNAL_BYTES}`,
      );
    }
    try {
      await this.write(this.handle, text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      try {
        await this.handle.truncate(this.size);
        await this.handle.datasync();
      } catch (rollback) {
        const why = rollback instanceof Error ? rollback.message : String(rollback);
        throw new Error(
          `the journal could not be written (${reason}) nor cut back to its last complete line (${why})`,
        );
      }
      throw new Error(`the journal could not be written (${reason}); none of these records was kept`);
    }
    this.size += length;
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Reads a journal. Every complete line is kept; a last line cut off by a crash is dropped and
 * reported; a damaged line elsewhere is reported by number. The header is checked against its
 * schema and must name the attempt of the file name.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  const size = (await stat(path)).size;
  if (size > MAX_JOURNAL_BYTES) {
    throw new Error(`${basename(path)}: the journal is ${size} bytes; the limit is ${MAX_JOURNAL_BYTES}`);
  }
  const text = await readFile(path, 'utf8');
  const rawLines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) rawLines.pop();
  const parsed: { line: number; value: unknown }[] = [];
  const damagedLines: number[] = [];
  let truncatedTail = false;
  rawLines.forEach((line, index) => {
    const isLast = index === rawLines.length - 1;
    try {
      // A last line that parses but has no newline was still written completely: keep it.
      parsed.push({ line: index + 1, value: JSON.parse(line) });
    } catch {
      if (isLast && !endsWithNewline) truncatedTail = true;
      else damagedLines.push(index + 1);
    }
  });
  const [first, ...lines] = parsed;
  if (first?.line !== 1) throw new Error(`${basename(path)}: the first line is no journal header`);
  const header = JournalHeaderSchema.safeParse(first.value);
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new Error(
      `${basename(path)}: the journal header is not valid (${issue?.path.join('.') || '(header)'}: ${issue?.message})`,
    );
  }
  const named = attemptIdOfPath(path) ?? attemptIdOfFinished(path);
  if (named !== header.data.attemptId) {
    throw new Error(`${basename(path)}: the header names attempt ${header.data.attemptId}, not the file's`);
  }
  return { header: header.data, lines, truncatedTail, damagedLines };
}

function attemptIdOfFinished(path: string): string | null {
  const name = basename(path);
  return name.endsWith(FINISHED_SUFFIX) ? name.slice(0, -FINISHED_SUFFIX.length) : null;
}

/** The journals in a folder that were never finished (the app stopped or crashed mid-session). */
export async function unfinishedJournals(folder: string): Promise<ReadonlyArray<string>> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => attemptIdOfPath(name) !== null)
    .sort()
    .map((name) => join(folder, name));
}

/** The finished journal of an attempt. */
export function finishedPath(folder: string, attemptId: string): string {
  return join(folder, `${normaliseAttemptId(attemptId)}${FINISHED_SUFFIX}`);
}

/**
 * Marks a journal finished (its assessment has been written), keeping it for the record. A
 * finished journal of the same attempt is never replaced: the call fails instead.
 */
export async function markFinished(path: string): Promise<string> {
  const id = attemptIdOfPath(path);
  if (id === null) throw new Error(`${basename(path)}: not an unfinished journal`);
  const finished = join(path.slice(0, -basename(path).length), `${id}${FINISHED_SUFFIX}`);
  await link(path, finished);
  await unlink(path);
  return finished;
}
