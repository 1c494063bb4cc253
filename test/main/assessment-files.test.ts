import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { bundledScenario, gradedAssessment, MORTGAGE_MISTAKES } from '../support/assessments';
import { testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

const mortgage = bundledScenario('mortgage-closing');

async function call(
  handlers: ReturnType<typeof testHandlers>['handlers'],
  channel: string,
  payload?: unknown,
) {
  const result = await dispatch(handlers, channel, payload, true);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as never;
}

describe('stored assessments: verify and export all', () => {
  it('verifies a stored assessment and reports another version of the scenario', async () => {
    const services = testHandlers();
    const good = gradedAssessment(mortgage);
    const older = {
      ...gradedAssessment(mortgage),
      scenario: { ...good.scenario, version: '0.9.0', hash: `sha256:${'0'.repeat(64)}` },
    };
    await services.assessments.save(good);
    await services.assessments.save(older);
    expect(await call(services.handlers, 'assessments:verify', { attemptId: good.attemptId })).toMatchObject({
      status: 'verified',
      problems: [],
      signature: { status: 'valid' },
    });
    const check: { status: string; problems: string[] } = await call(
      services.handlers,
      'assessments:verify',
      {
        attemptId: older.attemptId,
      },
    );
    expect(check.status).toBe('other-version');
    expect(check.problems[0]).toContain('taken on version 0.9.0');
  });

  it('exports a filtered list as one file of assessments and one of xAPI statements', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cct-export-'));
    const services = testHandlers({ chooseSavePath: async ({ defaultName }) => join(folder, defaultName) });
    const a = gradedAssessment(mortgage);
    const b = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES });
    for (const assessment of [a, b]) await services.assessments.save(assessment);
    const ids = [a.attemptId, b.attemptId];
    const saved: { status: string; path: string; count: number } = await call(
      services.handlers,
      'assessments:export-all',
      {
        attemptIds: ids,
        format: 'assessment',
      },
    );
    expect(saved).toEqual({ status: 'saved', path: join(folder, 'assessments.json'), count: 2 });
    const documents = JSON.parse(readFileSync(saved.path, 'utf8')) as unknown[];
    expect(documents.map((document) => AssessmentSchema.parse(document).attemptId)).toEqual(ids);
    const xapi: { path: string } = await call(services.handlers, 'assessments:export-all', {
      attemptIds: ids,
      format: 'xapi',
    });
    const statements = JSON.parse(readFileSync(xapi.path, 'utf8')) as unknown[];
    expect(statements.length).toBeGreaterThan(2);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
  });

  it('refuses an import by dialog where the host has none, naming the reason', async () => {
    const services = testHandlers();
    await expect(call(services.handlers, 'assessments:import-files', {})).rejects.toThrow(
      'this host has no open dialog',
    );
    const answer: { status: string; files: Array<{ ok: boolean; error?: string }> } = await call(
      services.handlers,
      'assessments:import-files',
      { files: [{ name: 'x.json', text: '[]' }] },
    );
    expect(answer.files[0]).toMatchObject({
      ok: false,
      error: 'x.json: not a valid assessment ($: Invalid input: expected object, received array)',
    });
  });
});

describe('re-gradings remembered by content hash', () => {
  it('answers a file imported again from memory, with the same verdict, and re-grades a changed copy', async () => {
    const services = testHandlers();
    const good = gradedAssessment(mortgage);
    const tampered = { ...good, result: { ...good.result, raw: good.result.raw - 10 } };
    const files = [
      { name: 'good.json', text: JSON.stringify(good) },
      { name: 'tampered.json', text: JSON.stringify(tampered) },
    ];
    const statuses = async (batch: typeof files) => {
      const answer: { files: Array<{ ok: boolean; check?: { status: string } }> } = await call(
        services.handlers,
        'assessments:import-files',
        { files: batch },
      );
      return answer.files.map((file) => file.check?.status);
    };
    expect(await statuses(files)).toEqual(['verified', 'tampered']);
    expect(await statuses(files)).toEqual(['verified', 'tampered']);
    // The same name with other content is another file: graded afresh.
    const edited = { ...good, result: { ...good.result, passed: !good.result.passed } };
    expect(await statuses([{ name: 'good.json', text: JSON.stringify(edited) }])).toEqual(['tampered']);
    expect(await statuses([{ name: 'good.json', text: JSON.stringify(good) }])).toEqual(['verified']);
  });

  it('a stored file changed on disk after it was checked is tampered, though its first verdict is remembered', async () => {
    const services = testHandlers();
    const good = gradedAssessment(mortgage);
    const path = await services.assessments.save(good);
    expect(await call(services.handlers, 'assessments:verify', { attemptId: good.attemptId })).toMatchObject({
      status: 'verified',
    });
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...stored, trainee: { name: 'Someone Else' } }, null, 2));
    const listed: Array<{ integrity?: string }> = await call(services.handlers, 'assessments:list');
    expect(listed.map((summary) => summary.integrity)).toEqual(['tampered']);
    await expect(
      call(services.handlers, 'assessments:verify', { attemptId: good.attemptId }),
    ).rejects.toThrow(/tampered/);
  });
});
