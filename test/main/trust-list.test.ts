import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, keyIdOf, TrustListSchema } from '@shared/scoring/signature';
import { describe, expect, it, vi } from 'vitest';
import { gradeCommand } from '../../src/cli/commands/grade';
import { dispatch } from '../../src/main/ipc/dispatch';
import { keyFileOf } from '../../src/main/signing/keys';
import { trustFileOf } from '../../src/main/signing/trust-list';
import { bundledScenario, gradedAssessment } from '../support/assessments';
import { testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

const mortgage = bundledScenario('mortgage-closing');
type Handlers = ReturnType<typeof testHandlers>['handlers'];

async function call<T = never>(handlers: Handlers, channel: string, payload?: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, payload, true);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function refusal(handlers: Handlers, channel: string, payload?: unknown) {
  const result = await dispatch(handlers, channel, payload, true);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)}`);
  return result.error;
}

function ownPublicKey(dataFolder: string): string {
  return (JSON.parse(readFileSync(keyFileOf(dataFolder), 'utf8')) as { publicKey: string }).publicKey;
}

/** Every file of the keys folder: no temporary file is ever left beside the list. */
function keysFolder(dataFolder: string): string[] {
  return readdirSync(join(dataFolder, 'keys')).sort();
}

describe('the trust list channels', () => {
  it('lists the installation key and an empty list on a fresh data folder, and writes nothing', async () => {
    const { handlers, deps } = testHandlers();
    const view = await call<{ own: { publicKey: string; keyId: string }; keys: unknown[] }>(
      handlers,
      'trust:list',
    );
    const own = ownPublicKey(deps.dataFolder);
    expect(view).toEqual({ own: { publicKey: own, keyId: keyIdOf(own) }, keys: [] });
    expect(existsSync(trustFileOf(deps.dataFolder))).toBe(false);
  });

  it('refuses bad payloads with the field named and changes nothing on disk', async () => {
    const { handlers, deps } = testHandlers();
    const lab = generateKeyPair().publicKey;
    const cases: ReadonlyArray<[string, unknown, RegExp]> = [
      ['trust:add', { publicKey: 'abc', label: 'Lab 1' }, /publicKey/],
      ['trust:add', { publicKey: lab.toUpperCase(), label: 'Lab 1' }, /publicKey/],
      ['trust:add', { publicKey: lab, label: '   ' }, /label/],
      ['trust:add', { publicKey: lab, label: 'Lab\u202e 1' }, /label: must not contain control characters/],
      ['trust:add', { publicKey: lab, label: 'Lab 1', trusted: true }, /trusted|Unrecognized/],
      ['trust:add', { publicKey: lab }, /label/],
      ['trust:remove', { publicKey: 42 }, /publicKey/],
      ['trust:import', { file: { name: 'keys.json' } }, /file\.text/],
      ['trust:export', { scope: 'own' }, /label/],
      ['trust:export', { scope: 'everything' }, /scope/],
    ];
    for (const [channel, payload, message] of cases) {
      const error = await refusal(handlers, channel, payload);
      expect(error.code, `${channel} ${JSON.stringify(payload)}`).toBe('invalid-payload');
      expect(error.message).toMatch(message);
    }
    expect(existsSync(trustFileOf(deps.dataFolder))).toBe(false);
  });

  it('adds, renames and removes keys, each change written atomically in the format grade --trust reads', async () => {
    const { handlers, deps } = testHandlers();
    const [a, b] = [generateKeyPair().publicKey, generateKeyPair().publicKey];
    await call(handlers, 'trust:add', { publicKey: a, label: ' Lab 1 ' });
    // Two changes at once are made one after the other: neither is lost.
    await Promise.all([
      call(handlers, 'trust:add', { publicKey: b, label: 'Lab 2' }),
      call(handlers, 'trust:add', { publicKey: a, label: 'Lab 1, seat 4' }),
    ]);
    const text = readFileSync(trustFileOf(deps.dataFolder), 'utf8');
    expect(TrustListSchema.parse(JSON.parse(text))).toEqual({
      keys: [
        { publicKey: a, label: 'Lab 1, seat 4' },
        { publicKey: b, label: 'Lab 2' },
      ],
    });
    expect(keysFolder(deps.dataFolder)).toEqual(['installation-key.json', 'trusted-keys.json']);
    const view = await call<{ keys: Array<{ keyId: string }> }>(handlers, 'trust:remove', { publicKey: a });
    expect(view.keys).toEqual([{ publicKey: b, keyId: keyIdOf(b), label: 'Lab 2' }]);
    expect(JSON.parse(readFileSync(trustFileOf(deps.dataFolder), 'utf8'))).toEqual({
      keys: [{ publicKey: b, label: 'Lab 2' }],
    });
  });

  it('refuses to trust its own key or to remove a key that is not there, and leaves the file as it was', async () => {
    const { handlers, deps } = testHandlers();
    const lab = generateKeyPair().publicKey;
    await call(handlers, 'trust:add', { publicKey: lab, label: 'Lab 1' });
    const before = readFileSync(trustFileOf(deps.dataFolder), 'utf8');
    const own = ownPublicKey(deps.dataFolder);
    expect((await refusal(handlers, 'trust:add', { publicKey: own, label: 'Me' })).message).toBe(
      'trust:add: this is the key of this installation; its assessments are trusted already',
    );
    const stranger = generateKeyPair().publicKey;
    expect((await refusal(handlers, 'trust:remove', { publicKey: stranger })).message).toBe(
      `trust:remove: the key ${stranger} is not in the trust list`,
    );
    expect(readFileSync(trustFileOf(deps.dataFolder), 'utf8')).toBe(before);
  });

  it('imports a keys.json: new keys added, known ones and its own key skipped; a bad one refused with a clear error', async () => {
    const { handlers, deps } = testHandlers();
    const [a, b] = [generateKeyPair().publicKey, generateKeyPair().publicKey];
    await call(handlers, 'trust:add', { publicKey: a, label: 'Lab 1' });
    const before = readFileSync(trustFileOf(deps.dataFolder), 'utf8');
    const bad: ReadonlyArray<[string, string]> = [
      ['{ not json', 'keys.json: not JSON ('],
      [JSON.stringify({ keys: [{ publicKey: b }] }), 'keys.json: not a trust list ($.keys.0.label:'],
      [
        JSON.stringify({ keys: [{ publicKey: 'zz', label: 'Lab 2' }] }),
        'keys.json: not a trust list ($.keys.0.publicKey:',
      ],
      [JSON.stringify([{ publicKey: b, label: 'Lab 2' }]), 'keys.json: not a trust list ($:'],
      [
        JSON.stringify({ keys: [{ publicKey: b, label: 'Lab\u0007 2' }] }),
        'must not contain control characters',
      ],
    ];
    for (const [text, message] of bad) {
      const error = await refusal(handlers, 'trust:import', { file: { name: 'keys.json', text } });
      expect(error.code).toBe('failed');
      expect(error.message).toContain(message);
      expect(readFileSync(trustFileOf(deps.dataFolder), 'utf8')).toBe(before);
    }
    const own = ownPublicKey(deps.dataFolder);
    const answer = await call<{ status: string; added: number }>(handlers, 'trust:import', {
      file: {
        name: 'lab.keys.json',
        text: JSON.stringify({
          keys: [
            { publicKey: a, label: 'Another name for Lab 1' },
            { publicKey: own, label: 'Me' },
            { publicKey: b, label: 'Lab 2' },
          ],
        }),
      },
    });
    expect(answer).toMatchObject({ status: 'imported', added: 1 });
    expect(JSON.parse(readFileSync(trustFileOf(deps.dataFolder), 'utf8'))).toEqual({
      keys: [
        { publicKey: a, label: 'Lab 1' },
        { publicKey: b, label: 'Lab 2' },
      ],
    });
  });

  it('names a damaged trust file and does not replace it', async () => {
    const { handlers, deps } = testHandlers();
    mkdirSync(join(deps.dataFolder, 'keys'), { recursive: true });
    writeFileSync(trustFileOf(deps.dataFolder), '{"keys": [{"publicKey": "nope"}]}');
    const error = await refusal(handlers, 'trust:list');
    expect(error.message).toContain(`${trustFileOf(deps.dataFolder)}: not a trust list ($.keys.0.publicKey:`);
    expect(error.message).toContain('fix or remove the file');
    await refusal(handlers, 'trust:add', { publicKey: generateKeyPair().publicKey, label: 'Lab 1' });
    expect(readFileSync(trustFileOf(deps.dataFolder), 'utf8')).toBe('{"keys": [{"publicKey": "nope"}]}');
  });

  it("exports this installation's key as a keys.json that grade --trust accepts for its assessments", async () => {
    const exports = mkdtempSync(join(tmpdir(), 'cct-trust-export-'));
    const { handlers, deps, assessments } = testHandlers({
      chooseSavePath: async ({ defaultName }) => join(exports, defaultName),
    });
    const assessment = gradedAssessment(mortgage);
    const stored = await assessments.save(assessment);
    const saved = await call<{ status: string; path: string }>(handlers, 'trust:export', {
      scope: 'own',
      label: 'Lab 2, seat 4',
    });
    expect(saved.status).toBe('saved');
    const own = ownPublicKey(deps.dataFolder);
    expect(JSON.parse(readFileSync(saved.path, 'utf8'))).toEqual({
      keys: [{ publicKey: own, label: 'Lab 2, seat 4' }],
    });
    const lines: string[] = [];
    const code = await gradeCommand.run(['--json', '--trust', saved.path, stored], (line) =>
      lines.push(line),
    );
    expect(JSON.parse(lines.join('\n')).files[0]).toMatchObject({
      consistent: true,
      signature: 'valid',
      signedBy: keyIdOf(own),
      trusted: true,
      trustedAs: 'Lab 2, seat 4',
    });
    expect(code).toBe(0);
    // The whole list exports in the same format.
    const lab = generateKeyPair().publicKey;
    await call(handlers, 'trust:add', { publicKey: lab, label: 'Lab 1' });
    const list = await call<{ path: string }>(handlers, 'trust:export', { scope: 'list' });
    expect(JSON.parse(readFileSync(list.path, 'utf8'))).toEqual({
      keys: [{ publicKey: lab, label: 'Lab 1' }],
    });
  });
});
