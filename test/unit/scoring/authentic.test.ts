import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment } from '@shared/scoring/assessment';
import { createAssessment } from '@shared/scoring/grade';
import { checkSignature, generateKeyPair, signDocument } from '@shared/scoring/signature';
import { describe, expect, it } from 'vitest';
import { runCliText } from '../../support/cli';
import { loadScenarioFile } from './helpers';

const root = join(__dirname, '../../..');
const fixture = join(root, 'test/fixtures/assessments/mortgage-closing.reference.json');
const lab = generateKeyPair();
const home = generateKeyPair();

interface GradedFile {
  file: string;
  consistent: boolean;
  signature: string;
  signedBy: string | null;
  trusted: boolean | null;
  problems: Array<{ kind: string; message: string }>;
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cct-authentic-'));
  const trust = join(dir, 'keys.json');
  writeFileSync(trust, JSON.stringify({ keys: [{ publicKey: lab.publicKey, label: 'Lab 2, seat 4' }] }));
  const write = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
    return join(dir, name);
  };
  return { dir, trust, write };
}

async function grade(trust: string, ...files: string[]): Promise<{ code: number; files: GradedFile[] }> {
  const result = await runCliText(['grade', '--json', '--trust', trust, ...files]);
  expect(result.err).toBe('');
  return { code: result.code, files: (JSON.parse(result.out) as { files: GradedFile[] }).files };
}

const original = (): Assessment => JSON.parse(readFileSync(fixture, 'utf8')) as Assessment;

describe('authentic assessments: consistent, signed by, trusted', () => {
  it('a file signed by a registered lab key is consistent, signed and trusted', async () => {
    const { trust, write } = setup();
    const signed = signDocument(original(), lab);
    expect(checkSignature(signed)).toMatchObject({ status: 'valid' });
    const { code, files } = await grade(trust, write('lab.json', signed));
    expect(files[0]).toMatchObject({ consistent: true, signature: 'valid', trusted: true });
    expect(files[0]?.signedBy).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(code).toBe(0);
  });

  it('a signed file relabelled to another trainee, attempt or app is signature INVALID, never trusted', async () => {
    const { trust, write } = setup();
    const edits: Array<(a: Assessment) => void> = [
      (a) => {
        a.trainee = { name: 'Someone Else', id: 'E-999' };
      },
      (a) => {
        a.attemptId = '0b8e7f40-1111-4222-8333-444455556666';
      },
      (a) => {
        a.app = { name: 'other-app', version: '9.9.9' };
      },
    ];
    for (const edit of edits) {
      const forged = signDocument(original(), lab);
      edit(forged);
      const { code, files } = await grade(trust, write('forged.json', forged));
      expect(files[0]).toMatchObject({ signature: 'invalid', signedBy: null, trusted: false });
      expect(code).toBe(1);
    }
  });

  it('a minted assess --reference file is consistent but unsigned, and never trusted', async () => {
    const { dir, trust } = setup();
    const out = join(dir, 'minted.json');
    const scenario = join(root, 'resources/scenarios/mortgage-closing.json');
    const made = await runCliText(['assess', scenario, '--reference', '--trainee', 'Anyone', '--out', out]);
    expect(made.code, made.err).toBe(0);
    const table = await runCliText(['grade', out]);
    expect(table.out.split('\n')[1]).toMatch(/yes\s+yes\s+unsigned\s+-$/);
    const { code, files } = await grade(trust, out);
    expect(files[0]).toMatchObject({ consistent: true, signature: 'unsigned', trusted: false });
    expect(code).toBe(1);
  });

  it('a re-moded file (assessment → practice, score recomputed) and re-signed by another key is not trusted', async () => {
    const { trust, write } = setup();
    const scenario = loadScenarioFile('resources/scenarios/mortgage-closing.json');
    const base = original();
    const practice = createAssessment({
      scenario,
      log: base.log,
      trainee: base.trainee,
      attemptId: base.attemptId,
      mode: 'practice',
      startedAt: base.startedAt,
      endedAt: base.endedAt,
      app: base.app,
    });
    const { files } = await grade(trust, write('home.json', signDocument(practice, home)));
    expect(files[0]).toMatchObject({ consistent: true, signature: 'valid', trusted: false });
  });

  it('a log cut before its end record, recomputed, is not consistent', async () => {
    const { trust, write } = setup();
    const scenario = loadScenarioFile('resources/scenarios/mortgage-closing.json');
    const base = original();
    const records = base.log.records.filter((r) => r.kind !== 'end');
    const cut = createAssessment({
      scenario,
      log: { ...base.log, records: records.slice(0, Math.floor(records.length * 0.8)) },
      trainee: base.trainee,
      attemptId: base.attemptId,
      mode: base.mode,
      startedAt: base.startedAt,
      app: base.app,
    });
    const { files } = await grade(trust, write('cut.json', signDocument(cut, lab)));
    expect(files[0]?.consistent).toBe(false);
    expect(files[0]?.trusted).toBe(false);
    expect(files[0]?.problems.map((p) => p.message)).toContain(
      'the log does not end with an end record: it is cut off',
    );
  });

  it('impossible times and another scenario title are not consistent', async () => {
    const { trust, write } = setup();
    const times = original();
    times.startedAt = '2030-01-01T00:00:00.000Z';
    times.endedAt = '1999-01-01T00:00:00.000Z';
    const titled = original();
    titled.scenario.title = 'Another title';
    const { files } = await grade(
      trust,
      write('times.json', signDocument(times, lab)),
      write('titled.json', signDocument(titled, lab)),
    );
    expect(files.map((f) => f.consistent)).toEqual([false, false]);
    expect(files[0]?.problems[0]?.message).toContain('the times do not agree with the log');
    expect(files[1]?.problems[0]?.message).toContain("the scenario's title");
  });

  it('times in the future of the checking machine are not consistent, even in order', async () => {
    const { trust, write } = setup();
    const future = original();
    const shift = Date.UTC(2099, 0, 1) - Date.parse(future.startedAt);
    future.startedAt = new Date(Date.parse(future.startedAt) + shift).toISOString();
    future.endedAt = new Date(Date.parse(future.endedAt) + shift).toISOString();
    const { files } = await grade(trust, write('future.json', signDocument(future, lab)));
    expect(files[0]?.consistent).toBe(false);
    expect(files[0]?.problems.map((p) => p.message)).toEqual([
      `the times lie in the future: started ${future.startedAt}, ended ${future.endedAt}`,
    ]);
  });

  it('xapi refuses a file that is not consistent unless --force, and says so', async () => {
    const { write } = setup();
    const edited = original();
    edited.result.raw = 50;
    const file = write('edited.json', edited);
    const refused = await runCliText(['xapi', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('not consistent (score: stored score 50/100');
    expect(refused.err).toContain('Add --force to convert it anyway');
    expect((await runCliText(['xapi', '--force', file])).code).toBe(0);
  });
});
