import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_IMPORT_BYTES } from '@shared/library-contract';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { filesUnder, libraryApp, OGG, WAV } from '../support/library';

vi.mock('electron', () => ({}));

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** A user scenario from the three-party template whose first line plays a clip. */
async function scenarioWithClip(app: ReturnType<typeof libraryApp>, title = 'Shared handover') {
  const { id } = await app.call('scenarios:create', { template: 'three-party', title });
  const value = (await app.call('scenarios:open', { id })).value as {
    script: Array<{ id: string; effects: Array<{ say?: { clip?: string } }> }>;
  };
  const say = value.script.find((s) => s.id === 'caller-explains')?.effects[0]?.say;
  if (say) say.clip = 'lines/caller-hello.wav';
  expect((await app.call('scenarios:save', { id, value })).status).toBe('saved');
  await app.call('clips:put', { scenarioId: id, clip: 'lines/caller-hello.wav', base64: b64(WAV) });
  return id;
}

/** A pack whose scenario is a valid one of the library and whose other entries are given. */
function packWith(scenarioText: string, entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync({
    'pack.json': strToU8(JSON.stringify({ type: 'conference-call-trainer/scenario-pack', formatVersion: 1 })),
    'scenario.json': strToU8(scenarioText),
    ...entries,
  });
}

describe('scenario packs', () => {
  it('exports a scenario with its clips as one zip that another copy of the app imports and plays', async () => {
    const trainer = libraryApp();
    const id = await scenarioWithClip(trainer);
    const target = join(trainer.sandbox, 'out', 'handover.zip');
    mkdirSync(join(trainer.sandbox, 'out'));
    let suggested = '';
    const exporter = libraryApp({
      dataFolder: trainer.dataFolder,
      chooseSavePath: async ({ defaultName }) => {
        suggested = defaultName;
        return target;
      },
    });
    expect(await exporter.call('scenarios:export', { id, format: 'pack' })).toEqual({
      status: 'saved',
      path: target,
    });
    expect(suggested).toBe(`${id}.scenario-pack.zip`);
    expect(Object.keys(unzipSync(readFileSync(target))).sort()).toEqual([
      'clips/lines/caller-hello.wav',
      'pack.json',
      'scenario.json',
    ]);

    const colleague = libraryApp({ chooseOpenPath: async () => target });
    const imported = await colleague.call('scenarios:import', { from: 'dialog' });
    expect(imported).toMatchObject({
      status: 'imported',
      scenario: { id },
      clips: ['lines/caller-hello.wav'],
    });
    expect((await colleague.call('scenarios:list')).find((s) => s.id === id)?.source).toBe('user');
    const clip = await colleague.call('clips:get', { scenarioId: id, clip: 'lines/caller-hello.wav' });
    expect(clip.mime).toBe('audio/wav');
    expect(Buffer.from(clip.base64, 'base64').equals(Buffer.from(WAV))).toBe(true);
    expect((await colleague.call('scenarios:open', { id })).clips).toEqual([
      { name: 'lines/caller-hello.wav', present: true },
    ]);
  }, 30_000);

  it('exports a bundled scenario as its JSON file; a cancelled dialog writes nothing', async () => {
    const sandboxFile: string[] = [];
    const app = libraryApp({
      chooseSavePath: async ({ defaultName }) => {
        sandboxFile.push(defaultName);
        return null;
      },
    });
    expect(await app.call('scenarios:export', { id: 'warm-transfer-swap', format: 'scenario' })).toEqual({
      status: 'cancelled',
    });
    expect(sandboxFile).toEqual(['warm-transfer-swap.json']);
    // Only the installation's signing key, made at start (issue 14), may be there.
    expect(filesUnder(app.sandbox).filter((file) => !file.startsWith('data/keys/'))).toEqual([]);
  });

  it.each([
    ['clips/../../evil.wav', /points outside|not a clip name/],
    ['clips/../scenarios/evil.wav', /points outside|not a clip name/],
    ['clips//etc/evil.wav', /not a clip name|empty/],
    ['clips/con.wav', /reserved device name/],
    ['clips/lines/aux.ogg', /reserved device name/],
    ['clips/EVIL.WAV', /not a clip name/],
    ['clips/a\u0000.wav', /not a clip name|NUL/],
    ['../evil.json', /not part of a scenario pack/],
    ['/etc/cron.d/evil', /not part of a scenario pack/],
  ])('refuses a pack with the hostile entry %j and writes nothing', async (entry, problem) => {
    const author = libraryApp();
    const id = await scenarioWithClip(author);
    const text = readFileSync(join(author.dataFolder, 'scenarios', `${id}.json`), 'utf8');
    const pack = packWith(text, { 'clips/lines/caller-hello.wav': WAV, [entry]: WAV });
    const app = libraryApp();
    const answer = await app.call('scenarios:import', { from: 'file', name: 'pack.zip', base64: b64(pack) });
    expect(answer.status).toBe('invalid');
    if (answer.status === 'invalid') {
      expect(answer.problems.map((p) => p.message).join('\n')).toMatch(problem);
    }
    expect(existsSync(app.dataFolder)).toBe(false);
    expect(readdirSync(app.sandbox)).toEqual([]);
  });

  it('refuses clips that are not audio, are named as another type, or are too large', async () => {
    const author = libraryApp();
    const id = await scenarioWithClip(author);
    const text = readFileSync(join(author.dataFolder, 'scenarios', `${id}.json`), 'utf8');
    const cases: Array<[Record<string, Uint8Array>, RegExp]> = [
      [{ 'clips/lines/caller-hello.wav': strToU8('MZ\u0090 not audio') }, /not a WAV, MP3 or Ogg/],
      [{ 'clips/lines/caller-hello.wav': OGG }, /named \.wav but its content is OGG/],
      [{ 'clips/lines/caller-hello.wav': new Uint8Array(0) }, /is empty/],
      [
        { 'clips/lines/caller-hello.wav': new Uint8Array(3 * 1024 * 1024).fill(0x52) },
        /at most 2097152 bytes/,
      ],
    ];
    for (const [entries, problem] of cases) {
      const app = libraryApp();
      const answer = await app.call('scenarios:import', {
        from: 'file',
        name: 'p.zip',
        base64: b64(packWith(text, entries)),
      });
      expect(answer.status).toBe('invalid');
      if (answer.status === 'invalid') expect(answer.problems.map((p) => p.message).join()).toMatch(problem);
      expect(existsSync(app.dataFolder)).toBe(false);
    }
  });

  it('refuses a pack without a scenario, with a foreign manifest, or that is not a zip', async () => {
    const app = libraryApp();
    const noScenario = zipSync({ 'clips/a.wav': WAV });
    const foreign = zipSync({
      'pack.json': strToU8('{"type":"something-else"}'),
      'scenario.json': strToU8('{}'),
    });
    const truncated = packWith('{}', { 'clips/a.wav': WAV }).slice(0, 60);
    const crowded = packWith(
      '{}',
      Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`clips/c${i}.ogg`, OGG])),
    );
    for (const [bytes, problem] of [
      [crowded, /more than 108 entries/],
      [noScenario, /scenario\.json.*missing|is missing/],
      [foreign, /not the manifest of a scenario pack/],
      [truncated, /not a readable zip file/],
    ] as const) {
      const answer = await app.call('scenarios:import', { from: 'file', name: 'p.zip', base64: b64(bytes) });
      expect(answer.status).toBe('invalid');
      if (answer.status === 'invalid') {
        expect(answer.problems.map((p) => `${p.entry} ${p.message}`).join()).toMatch(problem);
      }
    }
    expect(existsSync(app.dataFolder)).toBe(false);
  });

  it('a pack import that fails while writing leaves neither clips nor scenario behind', async () => {
    const author = libraryApp();
    const id = await scenarioWithClip(author);
    const text = readFileSync(join(author.dataFolder, 'scenarios', `${id}.json`), 'utf8');
    const app = libraryApp();
    mkdirSync(app.dataFolder);
    // A file where the scenarios folder should be: the clips are written, the scenario cannot be.
    writeFileSync(join(app.dataFolder, 'scenarios'), 'in the way');
    const base64 = b64(packWith(text, { 'clips/lines/caller-hello.wav': WAV }));
    expect((await app.refused('scenarios:import', { from: 'file', name: 'p.zip', base64 })).code).toBe(
      'failed',
    );
    expect(filesUnder(app.dataFolder).filter((file) => !file.startsWith('keys/'))).toEqual(['scenarios']);
  });
});

describe('importing scenario files', () => {
  it('answers malformed JSON with the line and column, and writes nothing', async () => {
    const app = libraryApp();
    const answer = await app.call('scenarios:import', {
      from: 'file',
      name: 'broken.json',
      base64: b64('{\n  "type": "conference-call-trainer/scenario",\n  "id": oops\n}'),
    });
    expect(answer.status).toBe('invalid');
    if (answer.status === 'invalid')
      expect(answer.findings[0]).toMatchObject({ code: 'malformed-json', line: 3 });
    expect(existsSync(app.dataFolder)).toBe(false);
  });

  it('answers a scenario with errors with its findings, and bytes that are no text with a problem', async () => {
    const app = libraryApp();
    const bundled = JSON.parse(
      readFileSync(join(__dirname, '../../resources/scenarios/warm-transfer-swap.json'), 'utf8'),
    );
    bundled.id = 'my-swap';
    bundled.call.mode = 'six-party';
    const answer = await app.call('scenarios:import', {
      from: 'file',
      name: 's.json',
      base64: b64(JSON.stringify(bundled)),
    });
    expect(answer.status).toBe('invalid');
    if (answer.status === 'invalid') expect(answer.findings.map((f) => f.path)).toContain('$.call.mode');
    const binary = await app.call('scenarios:import', {
      from: 'file',
      name: 'photo.jpg',
      base64: b64(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xc3, 0x28])),
    });
    expect(binary).toMatchObject({ status: 'invalid', problems: [{ entry: 'photo.jpg' }] });
    expect(existsSync(app.dataFolder)).toBe(false);
  });

  it('refuses oversized imports: in the payload, and from the open dialog without reading them whole', async () => {
    const app = libraryApp();
    const huge = 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 8);
    expect(
      (await app.refused('scenarios:import', { from: 'file', name: 'big.json', base64: huge })).code,
    ).toBe('invalid-payload');
    const bigFile = join(app.sandbox, 'big.json');
    writeFileSync(bigFile, Buffer.alloc(MAX_IMPORT_BYTES + 1000, 0x20));
    const fromDialog = libraryApp({ chooseOpenPath: async () => bigFile });
    const answer = await fromDialog.call('scenarios:import', { from: 'dialog' });
    expect(answer).toMatchObject({ status: 'invalid', problems: [{ entry: '(file)' }] });
    if (answer.status === 'invalid') expect(answer.problems[0]?.message).toMatch(/at most 6291456 bytes/);
  });

  it('a cancelled open dialog imports nothing', async () => {
    const app = libraryApp();
    expect(await app.call('scenarios:import', { from: 'dialog' })).toEqual({ status: 'cancelled' });
  });
});

describe('an id clash on import asks: keep both or replace', () => {
  async function twice() {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'multiparty', title: 'Closing call' });
    const text = readFileSync(join(app.dataFolder, 'scenarios', `${id}.json`), 'utf8');
    const edited = text.replace('"title": "Closing call"', '"title": "Closing call, edited"');
    const answer = await app.call('scenarios:import', { from: 'file', name: 'c.json', base64: b64(edited) });
    return { app, id, answer };
  }

  it('asks, and keeps both under a new id', async () => {
    const { app, id, answer } = await twice();
    expect(answer).toMatchObject({
      status: 'clash',
      id,
      existing: { id, title: 'Closing call', source: 'user' },
      incomingTitle: 'Closing call, edited',
      canReplace: true,
    });
    if (answer.status !== 'clash') return;
    const kept = await app.call('scenarios:import-resolve', { token: answer.token, choice: 'keep-both' });
    expect(kept).toMatchObject({ status: 'imported', scenario: { id: `${id}-2` }, renamedFrom: id });
    const titles = (await app.call('scenarios:list')).filter((s) => s.source === 'user').map((s) => s.title);
    expect(titles.sort()).toEqual(['Closing call', 'Closing call, edited']);
    // The token is spent.
    expect(
      (await app.refused('scenarios:import-resolve', { token: answer.token, choice: 'replace' })).message,
    ).toMatch(/no longer waiting/);
  });

  it('replaces, moving the old scenario to the trash where it can be restored', async () => {
    const { app, id, answer } = await twice();
    if (answer.status !== 'clash') return expect.fail('expected a clash');
    const replaced = await app.call('scenarios:import-resolve', { token: answer.token, choice: 'replace' });
    expect(replaced).toMatchObject({ status: 'imported', scenario: { id, title: 'Closing call, edited' } });
    if (replaced.status !== 'imported') return;
    const trash = await app.call('scenarios:trash');
    expect(trash).toEqual([
      expect.objectContaining({ trashId: replaced.replacedToTrash, id, title: 'Closing call' }),
    ]);
    const restored = await app.call('scenarios:restore', { trashId: trash[0]?.trashId ?? '' });
    expect(restored).toMatchObject({ id: `${id}-restored`, title: 'Closing call', renamedFrom: id });
  });

  it('never replaces a bundled scenario: only keep both', async () => {
    const app = libraryApp();
    const text = readFileSync(join(__dirname, '../../resources/scenarios/warm-transfer-swap.json'), 'utf8');
    const answer = await app.call('scenarios:import', { from: 'file', name: 'w.json', base64: b64(text) });
    expect(answer).toMatchObject({ status: 'clash', existing: { source: 'bundled' }, canReplace: false });
    if (answer.status !== 'clash') return;
    expect(
      (await app.refused('scenarios:import-resolve', { token: answer.token, choice: 'replace' })).message,
    ).toMatch(/bundled scenario and cannot be replaced/);
    const again = await app.call('scenarios:import', { from: 'file', name: 'w.json', base64: b64(text) });
    if (again.status !== 'clash') return expect.fail('expected a clash');
    expect(await app.call('scenarios:import-resolve', { token: again.token, choice: 'cancel' })).toEqual({
      status: 'cancelled',
    });
    expect(existsSync(join(app.dataFolder, 'scenarios'))).toBe(false);
  });
});
