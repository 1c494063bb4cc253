import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionsToInputs,
  advanceTo,
  applyInput,
  resumeDirector,
  runSession,
  type Scenario,
  type SessionRecord,
} from '@shared/scenario';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createServices } from '../../src/main/services';
import { BUNDLED_SCENARIOS, testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

type Handlers = ReturnType<typeof testHandlers>['handlers'];

async function call(handlers: Handlers, channel: string, payload?: unknown) {
  const result = await dispatch(handlers, channel, payload, true);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as never;
}

/** The same data folder opened by a new start of the app. */
function restart(dataFolder: string): Handlers {
  return createServices({
    appName: 'Conference Call Trainer',
    appVersion: '0.1.0',
    locale: 'en-US',
    dataFolder,
    bundledScenarios: BUNDLED_SCENARIOS,
    chooseSavePath: async () => null,
  }).handlers;
}

const trainee = { name: 'Alex Example', id: 'alex-01' };
const SEED = 5;

/** A mortgage closing that crashed after `count` records (cut where the time moves on). */
async function crashedSession(): Promise<{
  dataFolder: string;
  attemptId: string;
  scenario: Scenario;
  all: ReadonlyArray<SessionRecord>;
  written: ReadonlyArray<SessionRecord>;
  journal: string;
}> {
  const first = testHandlers({ newSeed: () => SEED });
  const scenario = await first.deps.getScenario('mortgage-closing');
  if (!scenario) throw new Error('no mortgage closing');
  const begun: { attemptId: string } = await call(first.handlers, 'session:begin', {
    scenarioId: 'mortgage-closing',
    mode: 'assessment',
    trainee,
  });
  const all = runSession(scenario, SEED, actionsToInputs(scenario.reference.actions)).log.records;
  let cut = Math.floor(all.length / 2);
  while ((all[cut]?.time ?? 0) === (all[cut - 1]?.time ?? 0)) cut++;
  const written = all.slice(0, cut);
  await call(first.handlers, 'session:append', { attemptId: begun.attemptId, records: written });
  const journal = join(first.deps.dataFolder, 'journals', `${begun.attemptId}.journal.jsonl`);
  return { dataFolder: first.deps.dataFolder, attemptId: begun.attemptId, scenario, all, written, journal };
}

describe('resuming an unfinished session (session:resume)', () => {
  it('goes on in the same attempt and journal after a crash cut the last line, and grades the whole call', async () => {
    const crashed = await crashedSession();
    // The crash cut the next record in the middle of its line.
    const next = JSON.stringify(crashed.all[crashed.written.length]);
    appendFileSync(crashed.journal, next.slice(0, 25));
    const handlers = restart(crashed.dataFolder);
    expect(await call(handlers, 'session:unfinished')).toEqual([
      expect.objectContaining({ attemptId: crashed.attemptId, truncatedTail: true }),
    ]);

    const resumed: {
      attemptId: string;
      scenario: Scenario;
      mode: string;
      trainee: unknown;
      seed: number;
      startedAt: string;
      records: SessionRecord[];
      truncatedTail: boolean;
      damagedLines: number[];
    } = await call(handlers, 'session:resume', { attemptId: crashed.attemptId });
    expect(resumed).toMatchObject({
      attemptId: crashed.attemptId,
      mode: 'assessment',
      trainee,
      seed: SEED,
      truncatedTail: true,
      damagedLines: [],
    });
    expect(resumed.scenario.id).toBe('mortgage-closing');
    expect(resumed.records).toEqual(crashed.written);
    // The cut line stays in the journal, ended by a newline: later records start on their own line.
    const cutLine = crashed.written.length + 2;
    expect(readFileSync(crashed.journal, 'utf8').split('\n')[cutLine - 1]).toBe(next.slice(0, 25));
    // A running session is not listed, resumed twice nor closed from under the trainee.
    expect(await call(handlers, 'session:unfinished')).toEqual([]);
    await expect(call(handlers, 'session:resume', { attemptId: crashed.attemptId })).rejects.toThrow(
      /is running already/,
    );
    await expect(call(handlers, 'session:recover', { attemptId: crashed.attemptId })).rejects.toThrow(
      /still running/,
    );

    // The renderer rebuilds the director from the journal and goes on with the trainee's inputs.
    const rebuilt = resumeDirector(resumed.scenario, resumed.seed, resumed.records);
    expect(rebuilt.time).toBe(crashed.written.at(-1)?.time);
    let state = rebuilt.state;
    const later = actionsToInputs(crashed.scenario.reference.actions).filter(
      (input) => input.time > rebuilt.time,
    );
    expect(later.length).toBeGreaterThan(0);
    for (const input of later) state = applyInput(state, input).state;
    state = advanceTo(state, Number.MAX_SAFE_INTEGER).state;
    expect(state.records).toEqual(crashed.all);
    await call(handlers, 'session:append', {
      attemptId: crashed.attemptId,
      records: state.records.slice(resumed.records.length),
    });
    const summary: { raw: number; max: number; passed: boolean; damagedLines?: number[] } = await call(
      handlers,
      'session:finish',
      { attemptId: crashed.attemptId },
    );
    expect(summary).toMatchObject({ raw: 100, max: 100, passed: true, damagedLines: [cutLine] });
    const stored: { log: { records: SessionRecord[] } } = await call(handlers, 'assessments:get', {
      attemptId: crashed.attemptId,
    });
    expect(stored.log.records).toEqual(crashed.all);
    expect(readdirSync(join(crashed.dataFolder, 'journals'))).toEqual([
      `${crashed.attemptId}.journal.done.jsonl`,
    ]);
    await expect(call(handlers, 'session:resume', { attemptId: crashed.attemptId })).rejects.toThrow(
      /is finished; it cannot go on/,
    );
  });

  it('refuses a journal with a missing record and an unknown attempt, changing nothing on disk', async () => {
    const crashed = await crashedSession();
    const lines = readFileSync(crashed.journal, 'utf8').split('\n');
    // Line 4 (record 3) is lost to damage in the middle of the journal.
    writeFileSync(crashed.journal, [...lines.slice(0, 3), '{"kind":', ...lines.slice(4)].join('\n'));
    const before = readFileSync(crashed.journal, 'utf8');
    const handlers = restart(crashed.dataFolder);
    await expect(call(handlers, 'session:resume', { attemptId: crashed.attemptId })).rejects.toThrow(
      `the journal of attempt ${crashed.attemptId} has no record 3 (the next one is 4); it can only be closed as stopped`,
    );
    expect(readFileSync(crashed.journal, 'utf8')).toBe(before);
    await expect(
      call(handlers, 'session:resume', { attemptId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toThrow('no unfinished session 00000000-0000-4000-8000-000000000000');
    const bad = await dispatch(handlers, 'session:resume', { attemptId: 'x' }, true);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    // Closing it as stopped still works.
    const summary: { passed: boolean; damagedLines?: number[] } = await call(handlers, 'session:recover', {
      attemptId: crashed.attemptId,
    });
    expect(summary.damagedLines).toEqual([4]);
  });

  it('rebuilds the director with the records that were on their way to the journal', async () => {
    const crashed = await crashedSession();
    // Only part of the records of the last moment reached the journal.
    const last = crashed.written.at(-1);
    const sameTime = crashed.written.filter((record) => record.time === last?.time).length;
    const partial = crashed.written.slice(0, crashed.written.length - Math.max(1, sameTime - 1));
    const rebuilt = resumeDirector(crashed.scenario, SEED, partial);
    expect([...partial, ...rebuilt.missing]).toEqual(
      crashed.all.filter((record) => record.time <= (partial.at(-1)?.time ?? 0)),
    );
    // A journal that is not what the scenario plays is refused, naming the record.
    const forged = crashed.written.map((record) =>
      record.seq === 2 ? { ...record, time: record.time + 1 } : record,
    );
    expect(() => resumeDirector(crashed.scenario, SEED, forged)).toThrow(/^record 2 of the journal/);
  });

  it('offers the sessions of a page that reloaded mid-call, in the same app, to resume', async () => {
    const services = testHandlers({ newSeed: () => SEED });
    const { handlers } = services;
    const begun: { attemptId: string } = await call(handlers, 'session:begin', {
      scenarioId: 'mortgage-closing',
      mode: 'practice',
      trainee,
    });
    const scenario = await services.deps.getScenario('mortgage-closing');
    if (!scenario) throw new Error('no mortgage closing');
    const records = runSession(scenario, SEED, actionsToInputs(scenario.reference.actions)).log.records;
    await call(handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(0, 12) });
    expect(await call(handlers, 'session:unfinished')).toEqual([]);
    // The page reloads: main lets its running sessions go.
    await services.sessions.release();
    await expect(
      call(handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(12, 13) }),
    ).rejects.toThrow(/no running session/);
    expect(await call(handlers, 'session:unfinished')).toEqual([
      expect.objectContaining({ attemptId: begun.attemptId, records: 12 }),
    ]);
    const resumed: { records: SessionRecord[] } = await call(handlers, 'session:resume', {
      attemptId: begun.attemptId,
    });
    expect(resumed.records).toEqual(records.slice(0, 12));
    await call(handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(12) });
    const summary: { raw: number; max: number } = await call(handlers, 'session:finish', {
      attemptId: begun.attemptId,
    });
    expect(summary).toMatchObject({ raw: 100, max: 100 });
  });
});
