import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionRecord } from '@shared/scenario';
import { actionsToInputs, runSession } from '@shared/scenario';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { verifyAssessment } from '@shared/scoring/grade';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createServices } from '../../src/main/services';
import { testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

async function call(
  handlers: ReturnType<typeof testHandlers>['handlers'],
  channel: string,
  payload?: unknown,
) {
  const result = await dispatch(handlers, channel, payload, true);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as never;
}

async function referenceRecords(
  services: ReturnType<typeof testHandlers>,
  seed: number,
): Promise<SessionRecord[]> {
  const scenario = await services.deps.getScenario('mortgage-closing');
  if (!scenario) throw new Error('no mortgage closing');
  return [...runSession(scenario, seed, actionsToInputs(scenario.reference.actions)).log.records];
}

const trainee = { name: 'Alex Example', id: 'alex-01' };

describe('a session from begin to stored assessment', () => {
  it('journals every record, re-grades in main and stores a verifiable assessment', async () => {
    const services = testHandlers();
    const { handlers, deps } = services;
    const begun: { attemptId: string; seed: number } = await call(handlers, 'session:begin', {
      scenarioId: 'mortgage-closing',
      mode: 'assessment',
      trainee,
    });
    const records = await referenceRecords(services, begun.seed);
    await call(handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(0, 10) });
    // Every record is on disk as soon as append answers.
    const journal = join(deps.dataFolder, 'journals', `${begun.attemptId}.journal.jsonl`);
    expect(readFileSync(journal, 'utf8').trimEnd().split('\n')).toHaveLength(11);
    await call(handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(10) });
    const summary: { raw: number; max: number; passed: boolean } = await call(handlers, 'session:finish', {
      attemptId: begun.attemptId,
    });
    expect(summary).toMatchObject({ raw: 100, max: 100, passed: true, trainee: 'Alex Example' });
    const stored = AssessmentSchema.parse(
      JSON.parse(readFileSync(join(deps.dataFolder, 'assessments', `${begun.attemptId}.json`), 'utf8')),
    );
    const scenario = await deps.getScenario('mortgage-closing');
    expect(scenario && verifyAssessment(stored, scenario).verified).toBe(true);
    expect(readdirSync(join(deps.dataFolder, 'journals'))).toEqual([`${begun.attemptId}.journal.done.jsonl`]);
    const list: unknown[] = await call(handlers, 'assessments:list');
    expect(list).toHaveLength(1);
    const opened: { attemptId: string } = await call(handlers, 'assessments:get', {
      attemptId: begun.attemptId,
    });
    expect(opened.attemptId).toBe(begun.attemptId);
  });

  it('never trusts the renderer: forged records are replaced by the replay of the trainee’s inputs', async () => {
    const services = testHandlers();
    const { handlers } = services;
    const begun: { attemptId: string; seed: number } = await call(handlers, 'session:begin', {
      scenarioId: 'mortgage-closing',
      mode: 'assessment',
      trainee,
    });
    const records = await referenceRecords(services, begun.seed);
    // Only the trainee's accept and leave: the renderer claims everyone joined anyway.
    const forged = records.filter(
      (r) => r.kind !== 'event' || r.entry.actor !== 'trainee' || ['accept'].includes(r.entry.type),
    );
    const renumbered = forged.map((r, i) => ({ ...r, seq: i + 1 }));
    await call(handlers, 'session:append', { attemptId: begun.attemptId, records: renumbered });
    const summary: { raw: number; passed: boolean } = await call(handlers, 'session:finish', {
      attemptId: begun.attemptId,
    });
    expect(summary.passed).toBe(false);
    expect(summary.raw).toBeLessThan(50);
  });

  it('refuses records out of order and records of the wrong shape, writing nothing', async () => {
    const services = testHandlers();
    const { handlers, deps } = services;
    const begun: { attemptId: string; seed: number } = await call(handlers, 'session:begin', {
      scenarioId: 'mortgage-closing',
      mode: 'practice',
      trainee,
    });
    const records = await referenceRecords(services, begun.seed);
    const journal = join(deps.dataFolder, 'journals', `${begun.attemptId}.journal.jsonl`);
    const before = readFileSync(journal, 'utf8');
    await expect(
      call(handlers, 'session:append', { attemptId: begun.attemptId, records: records.slice(1, 3) }),
    ).rejects.toThrow('records[0].seq is 2; the next record of this attempt is 1');
    const bad = await dispatch(
      handlers,
      'session:append',
      { attemptId: begun.attemptId, records: [{ kind: 'event', seq: 1 }] },
      true,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/records\.0\./);
    expect(readFileSync(journal, 'utf8')).toBe(before);
    await expect(
      call(handlers, 'session:append', {
        attemptId: '00000000-0000-4000-8000-000000000000',
        records: records.slice(0, 1),
      }),
    ).rejects.toThrow(/no running session/);
    await expect(
      call(handlers, 'session:begin', { scenarioId: 'nope', mode: 'practice', trainee }),
    ).rejects.toThrow(/no scenario "nope"/);
  });
});

describe('recovery after a crash', () => {
  it('lists the unfinished session on the next start and stores what it had', async () => {
    const first = testHandlers({ newSeed: () => 5 });
    const { deps } = first;
    const begun: { attemptId: string } = await call(first.handlers, 'session:begin', {
      scenarioId: 'mortgage-closing',
      mode: 'assessment',
      trainee,
    });
    const records = await referenceRecords(first, 5);
    const half = records.slice(0, Math.floor(records.length / 2));
    await call(first.handlers, 'session:append', { attemptId: begun.attemptId, records: half });
    // The app dies here. A new start over the same data folder:
    const second = createServices({
      appName: 'Conference Call Trainer',
      appVersion: '0.1.0',
      locale: 'en-US',
      dataFolder: deps.dataFolder,
      bundledScenarios: join(__dirname, '../../resources/scenarios'),
      chooseSavePath: async () => null,
    });
    const unfinished: Array<{ attemptId: string; records: number }> = await call(
      second.handlers,
      'session:unfinished',
    );
    expect(unfinished).toEqual([
      expect.objectContaining({ attemptId: begun.attemptId, records: half.length, truncatedTail: false }),
    ]);
    const summary: { passed: boolean } = await call(second.handlers, 'session:recover', {
      attemptId: begun.attemptId,
    });
    expect(summary.passed).toBe(false);
    const stored: { log: { records: SessionRecord[] } } = await call(second.handlers, 'assessments:get', {
      attemptId: begun.attemptId,
    });
    expect(stored.log.records.slice(0, half.length)).toEqual(half);
    expect(stored.log.records.at(-1)).toMatchObject({ kind: 'end', reason: 'stopped' });
    expect(await call(second.handlers, 'session:unfinished')).toEqual([]);
  });
});

describe('exporting', () => {
  it('writes the assessment or its xAPI statements where the user chose, atomically', async () => {
    const chosen: string[] = [];
    const services = testHandlers({
      chooseSavePath: async ({ defaultName }) => {
        const path = join(services.deps.dataFolder, defaultName);
        chosen.push(path);
        return path;
      },
    });
    const { handlers } = services;
    const begun: { attemptId: string; seed: number } = await call(handlers, 'session:begin', {
      scenarioId: 'mortgage-closing',
      mode: 'assessment',
      trainee,
    });
    await call(handlers, 'session:append', {
      attemptId: begun.attemptId,
      records: await referenceRecords(services, begun.seed),
    });
    await call(handlers, 'session:finish', { attemptId: begun.attemptId });
    const saved: { status: string; path: string } = await call(handlers, 'assessments:export', {
      attemptId: begun.attemptId,
      format: 'assessment',
    });
    expect(saved.status).toBe('saved');
    expect(saved.path).toMatch(/mortgage-closing-Alex-Example-[0-9a-f]{8}\.assessment\.json$/);
    expect(AssessmentSchema.safeParse(JSON.parse(readFileSync(saved.path, 'utf8'))).success).toBe(true);
    const xapi: { path: string } = await call(handlers, 'assessments:export', {
      attemptId: begun.attemptId,
      format: 'xapi',
    });
    const statements = JSON.parse(readFileSync(xapi.path, 'utf8')) as Array<{ verb: { id: string } }>;
    expect(statements[0]?.verb.id).toBe('http://adlnet.gov/expapi/verbs/initialized');
    expect(chosen).toHaveLength(2);
  });

  it('writes nothing when the user cancels', async () => {
    const services = testHandlers({ chooseSavePath: async () => null });
    const { handlers, deps } = services;
    const begun: { attemptId: string; seed: number } = await call(handlers, 'session:begin', {
      scenarioId: 'warm-transfer-swap',
      mode: 'practice',
      trainee,
    });
    const scenario = await deps.getScenario('warm-transfer-swap');
    if (!scenario) throw new Error('missing');
    const records = runSession(scenario, begun.seed, actionsToInputs(scenario.reference.actions)).log.records;
    await call(handlers, 'session:append', { attemptId: begun.attemptId, records });
    await call(handlers, 'session:finish', { attemptId: begun.attemptId });
    const before = readdirSync(deps.dataFolder).sort();
    expect(
      await call(handlers, 'assessments:export', { attemptId: begun.attemptId, format: 'assessment' }),
    ).toEqual({
      status: 'cancelled',
    });
    expect(readdirSync(deps.dataFolder).sort()).toEqual(before);
    expect(existsSync(join(deps.dataFolder, 'exports'))).toBe(false);
  });
});
