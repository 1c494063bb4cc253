import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/main/storage/atomic';
import {
  Journal,
  type JournalHeader,
  journalPath,
  markFinished,
  readJournal,
  unfinishedJournals,
} from '../../src/main/storage/journal';

vi.mock('electron', () => ({}));

/** An attempt id as the app makes them, from a short hex tag. */
const id = (tag: string) => `00000000-0000-4000-8000-${tag.padStart(12, '0')}`;
const folder = () => mkdtempSync(join(tmpdir(), 'cct-storage-'));
const header = (attemptId: string): JournalHeader => ({
  kind: 'header',
  attemptId,
  scenarioId: 'mortgage-closing',
  scenarioHash: `sha256:${'0'.repeat(64)}`,
  seed: 7,
  mode: 'assessment',
  trainee: { name: 'Alex' },
  startedAt: '2026-11-21T09:00:00.000Z',
});

describe('the session journal', () => {
  it('appends one JSON line per record and reads them back', async () => {
    const dir = folder();
    const journal = await Journal.create(dir, header(id('a1')));
    await journal.append([{ kind: 'step', seq: 1 }]);
    await journal.append([
      { kind: 'line', seq: 2 },
      { kind: 'end', seq: 3 },
    ]);
    await journal.close();
    const lines = readFileSync(journalPath(dir, id('a1')), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(4);
    const contents = await readJournal(journalPath(dir, id('a1')));
    expect(contents.header.attemptId).toBe(id('a1'));
    expect(contents.lines.map((line) => line.value)).toEqual([
      { kind: 'step', seq: 1 },
      { kind: 'line', seq: 2 },
      { kind: 'end', seq: 3 },
    ]);
    expect(contents.truncatedTail).toBe(false);
  });

  it('recovers every complete record of a journal cut off mid-line', async () => {
    const dir = folder();
    const journal = await Journal.create(dir, header(id('a2')));
    await journal.append([
      { kind: 'step', seq: 1 },
      { kind: 'step', seq: 2 },
    ]);
    await journal.close();
    // A crash while the third line was being written leaves half of it.
    appendFileSync(journalPath(dir, id('a2')), '{"kind":"line","seq":3,"te');
    const contents = await readJournal(journalPath(dir, id('a2')));
    expect(contents.lines.map((line) => line.value)).toEqual([
      { kind: 'step', seq: 1 },
      { kind: 'step', seq: 2 },
    ]);
    expect(contents.truncatedTail).toBe(true);
    expect(contents.damagedLines).toEqual([]);
  });

  it('reports a damaged line in the middle by its number and keeps the rest', async () => {
    const dir = folder();
    const path = journalPath(dir, id('a3'));
    writeFileSync(path, `${JSON.stringify(header(id('a3')))}\n{"seq":1}\nnot json\n{"seq":3}\n`);
    const contents = await readJournal(path);
    expect(contents.lines).toEqual([
      { line: 2, value: { seq: 1 } },
      { line: 4, value: { seq: 3 } },
    ]);
    expect(contents.damagedLines).toEqual([3]);
  });

  it('refuses a file without a valid header', async () => {
    const dir = folder();
    const path = join(dir, 'x.journal.jsonl');
    writeFileSync(path, '{"kind":"step"}\n');
    await expect(readJournal(path)).rejects.toThrow(/header is not valid/);
  });

  it('never overwrites the journal of an existing attempt', async () => {
    const dir = folder();
    await (await Journal.create(dir, header(id('a4')))).close();
    await expect(Journal.create(dir, header(id('a4')))).rejects.toThrow(/EEXIST/);
  });

  it('lists unfinished journals until they are marked finished', async () => {
    const dir = folder();
    await (await Journal.create(dir, header(id('b1')))).close();
    await (await Journal.create(dir, header(id('b2')))).close();
    expect(await unfinishedJournals(dir)).toEqual([journalPath(dir, id('b1')), journalPath(dir, id('b2'))]);
    await markFinished(journalPath(dir, id('b1')));
    expect(await unfinishedJournals(dir)).toEqual([journalPath(dir, id('b2'))]);
    expect(await unfinishedJournals(join(dir, 'missing'))).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('writes the whole file and leaves no temporary file', async () => {
    const dir = folder();
    await writeFileAtomic(join(dir, 'a.json'), '{"a":1}');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('replaces an existing file in one step', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.json'), 'old');
    await writeFileAtomic(join(dir, 'a.json'), 'new');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('changes nothing on disk when the write fails', async () => {
    const dir = folder();
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'a.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
