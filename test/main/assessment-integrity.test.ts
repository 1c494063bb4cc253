import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionsToInputs, runSession } from '@shared/scenario';
import { checkSignature } from '@shared/scoring/signature';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { keyFileOf, loadOrCreateKeyPair } from '../../src/main/signing/keys';
import { testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

type Services = ReturnType<typeof testHandlers>;

async function call(services: Services, channel: string, payload?: unknown) {
  const result = await dispatch(services.handlers, channel, payload, true);
  return result;
}

async function finishedAttempt(services: Services): Promise<string> {
  const begun = await call(services, 'session:begin', {
    scenarioId: 'mortgage-closing',
    mode: 'assessment',
    trainee: { name: 'Alex Example' },
  });
  if (!begun.ok) throw new Error(begun.error.message);
  const { attemptId, seed } = begun.value as { attemptId: string; seed: number };
  const scenario = await services.deps.getScenario('mortgage-closing');
  if (!scenario) throw new Error('no scenario');
  const records = runSession(scenario, seed, actionsToInputs(scenario.reference.actions)).log.records;
  expect((await call(services, 'session:append', { attemptId, records })).ok).toBe(true);
  expect((await call(services, 'session:finish', { attemptId })).ok).toBe(true);
  return attemptId;
}

describe('authentic assessments in the app: a key per installation, every stored file signed', () => {
  it('makes the key pair in the data folder on first start, readable by the user only, and keeps it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cct-keys-'));
    const first = await loadOrCreateKeyPair(folder);
    expect(existsSync(keyFileOf(folder))).toBe(true);
    expect(statSync(keyFileOf(folder)).mode & 0o077).toBe(0);
    expect(await loadOrCreateKeyPair(folder)).toEqual(first);
    writeFileSync(keyFileOf(folder), '{"algorithm":"Ed25519","publicKey":"00","secretKey":"00"}');
    await expect(loadOrCreateKeyPair(folder)).rejects.toThrow('not an Ed25519 key pair of this app');
  });

  it("signs a finished session's assessment with the installation's key", async () => {
    const services = testHandlers();
    const attemptId = await finishedAttempt(services);
    const stored = JSON.parse(
      readFileSync(join(services.deps.dataFolder, 'assessments', `${attemptId}.json`), 'utf8'),
    );
    const keys = JSON.parse(readFileSync(keyFileOf(services.deps.dataFolder), 'utf8'));
    expect(checkSignature(stored)).toMatchObject({ status: 'valid', publicKey: keys.publicKey });
    const list = await call(services, 'assessments:list');
    expect(list.ok && list.value).toEqual([expect.objectContaining({ attemptId, integrity: 'verified' })]);
  });
});

describe('never trust a stored file: list, get and export re-check it', () => {
  it('an assessment edited on disk is listed as tampered and is neither shown nor exported', async () => {
    const exported: string[] = [];
    const services = testHandlers({
      chooseSavePath: async () => {
        const path = join(mkdtempSync(join(tmpdir(), 'cct-export-')), 'out.json');
        exported.push(path);
        return path;
      },
    });
    const attemptId = await finishedAttempt(services);
    const path = join(services.deps.dataFolder, 'assessments', `${attemptId}.json`);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    stored.trainee.name = 'Someone Else';
    writeFileSync(path, JSON.stringify(stored, null, 2));

    const list = await call(services, 'assessments:list');
    expect(list.ok && list.value).toEqual([
      expect.objectContaining({ attemptId, trainee: 'Someone Else', integrity: 'tampered' }),
    ]);
    const get = await call(services, 'assessments:get', { attemptId });
    expect(get.ok).toBe(false);
    expect(!get.ok && get.error.message).toContain('changed outside the app (tampered)');
    const xapi = await call(services, 'assessments:export', { attemptId, format: 'xapi' });
    expect(xapi.ok).toBe(false);
    expect(exported.filter((file) => existsSync(file))).toEqual([]);
  });

  it('an unsigned assessment dropped into the folder is tampered, even when consistent', async () => {
    const services = testHandlers();
    const attemptId = await finishedAttempt(services);
    const path = join(services.deps.dataFolder, 'assessments', `${attemptId}.json`);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    delete stored.signature;
    writeFileSync(path, JSON.stringify(stored, null, 2));
    const list = await call(services, 'assessments:list');
    expect(list.ok && list.value).toEqual([expect.objectContaining({ integrity: 'tampered' })]);
  });
});
