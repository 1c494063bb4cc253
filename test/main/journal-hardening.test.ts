import { appendFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionRecord } from '@shared/scenario';
import { actionsToInputs, runSession } from '@shared/scenario';
import { describe, expect, it, vi } from 'vitest';
import { gradeInWorker } from '../../src/main/grading/grader';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { HandlerMap } from '../../src/main/ipc/handlers';
import { createServices } from '../../src/main/services';
import { type JournalWriter, MAX_JOURNAL_BYTES, readJournal } from '../../src/main/storage/journal';
import { LOCK_FILE, lockDataFolder } from '../../src/main/storage/lock';
import { MAX_RECORD_BYTES } from '../../src/main/store/sessions';
import { BUNDLED_SCENARIOS, testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

type Services = ReturnType<typeof testHandlers>;

async function call(handlers: HandlerMap, channel: string, payload?: unknown) {
  const result = await dispatch(handlers, channel, payload, true);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as never;
}

async function referenceRecords(services: Services, seed: number): Promise<SessionRecord[]> {
  const scenario = await services.deps.getScenario('mortgage-closing');
  if (!scenario) throw new Error('no mortgage closing');
  return [...runSession(scenario, seed, actionsToInputs(scenario.reference.actions)).log.records];
}

const trainee = { name: 'Alex Example', id: 'alex-01' };

async function begin(services: Services): Promise<{ attemptId: string; seed: number }> {
  return call(services.handlers, 'session:begin', {
    scenarioId: 'mortgage-closing',
    mode: 'assessment',
    trainee,
  });
}

function journalOf(services: Services, attemptId: string, done = false): string {
  return join(services.deps.dataFolder, 'journals', `${attemptId}.journal${done ? '.done' : ''}.jsonl`);
}

/** A disk that fills up: the `failAt`-th write puts half its bytes down, then fails with ENOSPC. */
function fullDiskAt(failAt: number): JournalWriter {
  let writes = 0;
  return async (handle, text) => {
    writes++;
    if (writes === failAt) {
      await handle.appendFile(text.slice(0, Math.floor(text.length / 2)), 'utf8');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    await handle.appendFile(text, 'utf8');
    await handle.datasync();
  };
}

describe('a full disk during an append (issue 14: half a line, then a duplicating retry)', () => {
  it('cuts the journal back to its last complete line, reports the failure, and the retry duplicates nothing', async () => {
    // Write 1 is the header, 2 the first batch, 3 the second batch: the disk fills on the second.
    const services = testHandlers({ journalWriter: fullDiskAt(3), newSeed: () => 7 });
    const begun = await begin(services);
    const records = await referenceRecords(services, begun.seed);
    const path = journalOf(services, begun.attemptId);
    await call(services.handlers, 'session:append', {
      attemptId: begun.attemptId,
      records: records.slice(0, 20),
    });
    const before = readFileSync(path, 'utf8');
    await expect(
      call(services.handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(20) }),
    ).rejects.toThrow(/ENOSPC.*none of these records was kept/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    // The renderer retries the same batch: it is accepted once.
    await call(services.handlers, 'session:append', {
      attemptId: begun.attemptId,
      records: records.slice(20),
    });
    const summary: { raw: number; max: number; damagedLines?: number[] } = await call(
      services.handlers,
      'session:finish',
      { attemptId: begun.attemptId },
    );
    expect(summary).toMatchObject({ raw: 100, max: 100 });
    expect(summary.damagedLines).toBeUndefined();
    const lines = readFileSync(journalOf(services, begun.attemptId, true), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(records.length + 1);
  });
});

describe('damaged journal lines are reported, never dropped silently', () => {
  it('names a damaged and a schema-invalid middle line in session:unfinished and in the recovered assessment', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const records = await referenceRecords(services, begun.seed);
    await call(services.handlers, 'session:append', {
      attemptId: begun.attemptId,
      records: records.slice(0, 10),
    });
    const path = journalOf(services, begun.attemptId);
    const text = readFileSync(path, 'utf8').split('\n');
    text[3] = 'not json at all';
    text[5] = '{"kind":"event","seq":5}';
    writeFileSync(path, text.join('\n'));
    const later = createServices({
      ...services.deps,
      bundledScenarios: BUNDLED_SCENARIOS,
      chooseSavePath: async () => null,
    });
    const unfinished: { attemptId: string; damagedLines?: number[] }[] = await call(
      later.handlers,
      'session:unfinished',
    );
    expect(unfinished).toEqual([
      expect.objectContaining({ attemptId: begun.attemptId, damagedLines: [4, 6] }),
    ]);
    const summary: { damagedLines?: number[] } = await call(later.handlers, 'session:recover', {
      attemptId: begun.attemptId,
    });
    expect(summary.damagedLines).toEqual([4, 6]);
  });
});

describe('races on one attempt are served one at a time', () => {
  it('two parallel appends of the same batch: one is written, the other refused', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const records = await referenceRecords(services, begun.seed);
    const batch = { attemptId: begun.attemptId, records: records.slice(0, 30) };
    const results = await Promise.allSettled([
      call(services.handlers, 'session:append', batch),
      call(services.handlers, 'session:append', batch),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lines = readFileSync(journalOf(services, begun.attemptId), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(31);
  });

  it('a finish racing an append grades the whole batch, and a second finish answers the same without overwriting', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const records = await referenceRecords(services, begun.seed);
    await call(services.handlers, 'session:append', {
      attemptId: begun.attemptId,
      records: records.slice(0, 20),
    });
    const [, first, second] = await Promise.all([
      call(services.handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(20) }),
      call(services.handlers, 'session:finish', { attemptId: begun.attemptId }),
      call(services.handlers, 'session:finish', { attemptId: begun.attemptId }),
    ]);
    expect(first).toMatchObject({ raw: 100, max: 100 });
    expect(second).toEqual(first);
    const stored = join(services.deps.dataFolder, 'assessments', `${begun.attemptId}.json`);
    const text = readFileSync(stored, 'utf8');
    expect(await call(services.handlers, 'session:finish', { attemptId: begun.attemptId })).toEqual(first);
    expect(readFileSync(stored, 'utf8')).toBe(text);
  });
});

describe('attempt ids and journal headers', () => {
  it('an upper-case attempt id is the same attempt: it appends, and it cannot recover a running session', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const upper = begun.attemptId.toUpperCase();
    const records = await referenceRecords(services, begun.seed);
    await call(services.handlers, 'session:append', { attemptId: upper, records: records.slice(0, 5) });
    await expect(call(services.handlers, 'session:recover', { attemptId: upper })).rejects.toThrow(
      /still running/,
    );
  });

  it('a journal whose header names another attempt (a path outside the data folder) is refused, nothing written', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const records = await referenceRecords(services, begun.seed);
    await call(services.handlers, 'session:append', {
      attemptId: begun.attemptId,
      records: records.slice(0, 5),
    });
    const path = journalOf(services, begun.attemptId);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[0] = JSON.stringify({ ...JSON.parse(lines[0] as string), attemptId: '../../escaped' });
    writeFileSync(path, lines.join('\n'));
    const later = createServices({
      ...services.deps,
      bundledScenarios: BUNDLED_SCENARIOS,
      chooseSavePath: async () => null,
    });
    expect(await call(later.handlers, 'session:unfinished')).toEqual([]);
    await expect(call(later.handlers, 'session:recover', { attemptId: begun.attemptId })).rejects.toThrow(
      /header is not valid \(attemptId/,
    );
    // The installation's signing key is made at start; nothing else may be there.
    expect(readdirSync(services.deps.dataFolder).sort()).toEqual(['journals', 'keys']);
    expect(existsSync(join(services.deps.dataFolder, '..', 'escaped.json'))).toBe(false);
  });
});

describe('limits with a clear error', () => {
  it('refuses a record whose JSON is longer than the limit, writing nothing', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const path = journalOf(services, begun.attemptId);
    const before = readFileSync(path, 'utf8');
    // The schema bounds a line's text but not a step's name: the byte limit holds for every record.
    const long: SessionRecord = { kind: 'step', seq: 1, time: 0, step: 'x'.repeat(MAX_RECORD_BYTES) };
    await expect(
      call(services.handlers, 'session:append', { attemptId: begun.attemptId, records: [long] }),
    ).rejects.toThrow(/records\[0\] is \d+ bytes of JSON; a record may take at most/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses to read a journal larger than the limit, naming the size', async () => {
    const services = testHandlers({ newSeed: () => 7 });
    const begun = await begin(services);
    const path = journalOf(services, begun.attemptId);
    appendFileSync(path, '\n');
    truncateSync(path, MAX_JOURNAL_BYTES + 1); // sparse: no disk space used
    await expect(readJournal(path)).rejects.toThrow(/the journal is \d+ bytes; the limit is/);
  });
});

describe('dispatch checks answers against the contract in development and tests', () => {
  it('an answer of the wrong shape is an error naming the channel and the field', async () => {
    const services = testHandlers({}, { listScenarios: async () => [{ id: 7 }] as never });
    const result = await dispatch(services.handlers, 'scenarios:list', undefined, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^scenarios:list: the answer breaks the contract \(0\.id/);
  });
});

describe('a second instance on the same data folder (issue 14: it recovered the first one’s running session)', () => {
  it('is refused while the first holds the lock; a lock left by a process that is gone is taken over', async () => {
    const services = testHandlers();
    const folder = services.deps.dataFolder;
    const first = await lockDataFolder(folder);
    await expect(lockDataFolder(folder, { pid: process.pid + 1 })).rejects.toThrow(
      new RegExp(`in use by another instance of the app \\(process ${process.pid}\\)`),
    );
    // The first crashes without releasing: its process id is no longer alive.
    const taken = await lockDataFolder(folder, { pid: process.pid + 1, isAlive: () => false });
    expect(readFileSync(join(folder, LOCK_FILE), 'utf8')).toBe(`${process.pid + 1}\n`);
    await first.release(); // not the holder any more: leaves the lock alone
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);
    await taken.release();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });
});

describe('finish and recover grade in a worker thread (issue 14: 52 s on the main process froze the window)', () => {
  it('a session finished through the worker grades as in this thread, while this thread stays free', async () => {
    const worker = gradeInWorker(join(__dirname, '../support/grade-worker.cjs'));
    let workerThreads = 0;
    const counting: typeof worker = (job) => {
      workerThreads++;
      return worker(job);
    };
    const services = testHandlers({ grade: counting, newSeed: () => 7 });
    const inThread = testHandlers({ newSeed: () => 7 });
    const results: { raw: number; max: number }[] = [];
    for (const s of [services, inThread]) {
      const begun = await begin(s);
      const records = await referenceRecords(s, begun.seed);
      await call(s.handlers, 'session:append', { attemptId: begun.attemptId, records });
      // The event loop keeps turning while the worker grades: a timer fires before the answer.
      let ticked = false;
      setImmediate(() => {
        ticked = true;
      });
      results.push(await call(s.handlers, 'session:finish', { attemptId: begun.attemptId }));
      expect(ticked).toBe(true);
    }
    expect(workerThreads).toBe(1);
    expect(results[0]).toMatchObject({ raw: 100, max: 100 });
    expect({ ...results[0], attemptId: '', startedAt: '' }).toEqual({
      ...results[1],
      attemptId: '',
      startedAt: '',
    });
  }, 30_000);
});
