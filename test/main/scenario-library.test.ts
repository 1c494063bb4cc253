import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { insideFolder, unsafeRelativeName } from '../../src/main/scenario-library/paths';
import { writeFileAtomic } from '../../src/main/storage/atomic';
import { filesUnder, libraryApp, OGG, WAV } from '../support/library';

vi.mock('electron', () => ({}));

const TEMPLATES = ['three-party', 'multiparty', 'secondary-agent', 'transfer-block'] as const;

describe('the user library beside the bundled scenarios', () => {
  it("creates a scenario from each template, valid, listed as the user's beside the bundled ones", async () => {
    const app = libraryApp();
    for (const template of TEMPLATES) {
      const created = await app.call('scenarios:create', { template });
      expect(created.source).toBe('user');
      expect(created.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const opened = await app.call('scenarios:open', { id: created.id });
      expect(opened.readOnly).toBe(false);
      expect((opened.value as { id: string }).id).toBe(created.id);
    }
    const list = await app.call('scenarios:list');
    expect(list.filter((s) => s.source === 'user')).toHaveLength(4);
    expect(list.find((s) => s.id === 'mortgage-closing')?.source).toBe('bundled');
  });

  it('gives a created scenario its title and an id made from it, never one that is taken', async () => {
    const app = libraryApp();
    const first = await app.call('scenarios:create', { template: 'three-party', title: 'Mortgage closing' });
    // The bundled mortgage-closing holds the id the title suggests.
    expect(first.id).toBe('mortgage-closing-2');
    expect(first.title).toBe('Mortgage closing');
    const second = await app.call('scenarios:create', { template: 'three-party', title: 'Mortgage closing' });
    expect(second.id).toBe('mortgage-closing-3');
  });

  it('gives two scenarios created at the same moment two different ids', async () => {
    const app = libraryApp();
    const [a, b] = await Promise.all([
      app.call('scenarios:create', { template: 'three-party', title: 'Same title' }),
      app.call('scenarios:create', { template: 'three-party', title: 'Same title' }),
    ]);
    expect([a.id, b.id].sort()).toEqual(['same-title', 'same-title-2']);
    expect(readdirSync(join(app.dataFolder, 'scenarios')).sort()).toEqual([
      'same-title-2.json',
      'same-title.json',
    ]);
  });

  it('keeps bundled scenarios read-only; duplicate makes an editable copy with a new id', async () => {
    const app = libraryApp();
    const bundled = await app.call('scenarios:open', { id: 'mortgage-closing' });
    expect(bundled.readOnly).toBe(true);
    expect(
      (await app.refused('scenarios:save', { id: 'mortgage-closing', value: bundled.value })).message,
    ).toMatch(/bundled scenario and read-only: duplicate it/);
    expect((await app.refused('scenarios:delete', { id: 'mortgage-closing' })).message).toMatch(/read-only/);
    expect((await app.refused('scenarios:rename', { id: 'mortgage-closing', title: 'X' })).message).toMatch(
      /read-only/,
    );

    const copy = await app.call('scenarios:duplicate', { id: 'mortgage-closing' });
    expect(copy).toMatchObject({ id: 'mortgage-closing-copy', source: 'user' });
    expect(copy.title).toMatch(/\(copy\)$/);
    expect((await app.call('scenarios:duplicate', { id: 'mortgage-closing' })).id).toBe(
      'mortgage-closing-copy-2',
    );
    const opened = await app.call('scenarios:open', { id: copy.id });
    expect(opened.readOnly).toBe(false);
    expect(existsSync(join(app.dataFolder, 'scenarios', 'mortgage-closing-copy.json'))).toBe(true);
  });

  it('saves only a scenario the full validator accepts, and answers with findings at their JSON paths', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'three-party' });
    const file = join(app.dataFolder, 'scenarios', `${id}.json`);
    const before = readFileSync(file, 'utf8');
    const value = JSON.parse(before) as { parties: Array<{ id: string; answer?: { after: number } }> };

    // A party the script names no longer exists: an error, found by the checks beyond the schema.
    const broken = structuredClone(value);
    broken.parties = broken.parties.filter((p) => p.id !== 'specialist');
    const invalid = await app.call('scenarios:save', { id, value: broken });
    expect(invalid.status).toBe('invalid');
    if (invalid.status === 'invalid') {
      expect(invalid.findings.some((f) => f.severity === 'error' && f.path.startsWith('$.'))).toBe(true);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);

    // As text, the findings also carry the line and column.
    const text = before.replace('"after": 3', '"after": -3');
    const fromText = await app.call('scenarios:save', { id, text });
    expect(fromText.status).toBe('invalid');
    if (fromText.status === 'invalid') {
      const f = fromText.findings.find((x) => x.path === '$.parties[2].answer.after');
      expect(f).toMatchObject({ severity: 'error' });
      expect(f?.line).toBeGreaterThan(1);
    }

    const changed = structuredClone(value);
    const specialist = changed.parties.find((p) => p.id === 'specialist');
    if (specialist?.answer) specialist.answer.after = 5;
    const saved = await app.call('scenarios:save', { id, value: changed });
    expect(saved.status).toBe('saved');
    expect(JSON.parse(readFileSync(file, 'utf8')).parties[2].answer.after).toBe(5);
  });

  it('refuses to save a scenario whose id differs from the one it is saved as (rename changes ids)', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'multiparty' });
    const opened = await app.call('scenarios:open', { id });
    const answer = await app.call('scenarios:save', {
      id,
      value: { ...(opened.value as object), id: 'other-id' },
    });
    expect(answer.status).toBe('invalid');
    if (answer.status === 'invalid') expect(answer.findings.map((f) => f.path)).toContain('$.id');
    expect(existsSync(join(app.dataFolder, 'scenarios', 'other-id.json'))).toBe(false);
  });

  it('renames the title and the id; the clips move with the scenario', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'three-party' });
    await app.call('clips:put', {
      scenarioId: id,
      clip: 'lines/hello.wav',
      base64: Buffer.from(WAV).toString('base64'),
    });
    const renamed = await app.call('scenarios:rename', {
      id,
      newId: 'claims-handover',
      title: 'Claims handover',
    });
    expect(renamed).toMatchObject({ id: 'claims-handover', title: 'Claims handover' });
    expect(existsSync(join(app.dataFolder, 'scenarios', `${id}.json`))).toBe(false);
    expect(filesUnder(join(app.dataFolder, 'clips'))).toEqual(['claims-handover/lines/hello.wav']);
    const list = await app.call('scenarios:list');
    expect(list.map((s) => s.id)).toContain('claims-handover');
    expect(list.map((s) => s.id)).not.toContain(id);
    expect(
      (await app.refused('scenarios:rename', { id: 'claims-handover', newId: 'mortgage-closing' })).message,
    ).toMatch(/taken/);
  });
});

describe('the trash', () => {
  it('moves a deleted scenario and its clips to the trash and restores them', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'secondary-agent' });
    await app.call('clips:put', {
      scenarioId: id,
      clip: 'greeting.ogg',
      base64: Buffer.from(OGG).toString('base64'),
    });
    const trashed = await app.call('scenarios:delete', { id });
    expect(trashed.id).toBe(id);
    expect((await app.call('scenarios:list')).map((s) => s.id)).not.toContain(id);
    expect(await app.call('scenarios:trash')).toEqual([trashed]);
    expect((await app.refused('clips:get', { scenarioId: id, clip: 'greeting.ogg' })).message).toMatch(
      /no scenario/,
    );

    const restored = await app.call('scenarios:restore', { trashId: trashed.trashId });
    expect(restored).toMatchObject({ id, source: 'user' });
    expect(restored.renamedFrom).toBeUndefined();
    expect(await app.call('scenarios:trash')).toEqual([]);
    const clip = await app.call('clips:get', { scenarioId: id, clip: 'greeting.ogg' });
    expect(clip.mime).toBe('audio/ogg');
    expect(Buffer.from(clip.base64, 'base64')).toEqual(Buffer.from(OGG));
  });

  it('restores under a new id when the old one was taken meanwhile', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'three-party', title: 'Handover' });
    const trashed = await app.call('scenarios:delete', { id });
    await app.call('scenarios:create', { template: 'multiparty', title: 'Handover' });
    const restored = await app.call('scenarios:restore', { trashId: trashed.trashId });
    expect(restored).toMatchObject({ id: 'handover-restored', renamedFrom: 'handover' });
    expect((await app.call('scenarios:list')).map((s) => s.id)).toEqual(
      expect.arrayContaining(['handover', 'handover-restored']),
    );
  });

  it('refuses a trash id that is not one the library gave', async () => {
    const app = libraryApp();
    expect((await app.refused('scenarios:restore', { trashId: '../scenarios' })).code).toBe(
      'invalid-payload',
    );
    expect((await app.refused('scenarios:restore', { trashId: 'nothing-here' })).message).toMatch(
      /nothing in the trash/,
    );
  });
});

describe('no name leaves the library folder', () => {
  const hostile = [
    '../escape',
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'con',
    'a\0b',
    'ok/../../up',
    '',
    'A'.repeat(65),
  ];

  it.each(hostile)('refuses the scenario id %j on every channel that takes one', async (id) => {
    const app = libraryApp();
    for (const channel of [
      'scenarios:open',
      'scenarios:duplicate',
      'scenarios:delete',
      'scenarios:export',
    ] as const) {
      const payload = channel === 'scenarios:export' ? { id, format: 'pack' } : { id };
      expect((await app.refused(channel, payload)).code).toBe('invalid-payload');
    }
    expect((await app.refused('scenarios:save', { id, text: '{}' })).code).toBe('invalid-payload');
    expect((await app.refused('scenarios:rename', { id: 'mortgage-closing', newId: id })).code).toBe(
      'invalid-payload',
    );
    expect((await app.refused('drafts:save', { key: id, scenarioId: null, text: 'x' })).code).toBe(
      'invalid-payload',
    );
    expect(readdirSync(app.sandbox)).toEqual([]);
  });

  it.each([
    '../evil.wav',
    '../../evil.wav',
    '/etc/evil.wav',
    'con.wav',
    'aux/line.ogg',
    'lines/nul.mp3',
    'a\0.wav',
    'lines\\evil.wav',
    'line.exe',
  ])('refuses the clip name %j', async (clip) => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'three-party' });
    const answer = await app.refused('clips:put', {
      scenarioId: id,
      clip,
      base64: Buffer.from(WAV).toString('base64'),
    });
    expect(answer.code === 'invalid-payload' || /reserved device name/.test(answer.message)).toBe(true);
    expect(existsSync(join(app.dataFolder, 'clips'))).toBe(false);
    expect(filesUnder(app.sandbox).every((f) => f.startsWith('data/'))).toBe(true);
  });

  it.each([
    ['../x', /points outside/],
    ['/abs/x', /absolute path/],
    ['C:/x', /absolute path/],
    ['a/../../x', /points outside/],
    ['com1.txt', /reserved device name/],
    ['LPT9', /reserved device name/],
    ['x\0y', /NUL/],
    ['x\u0007', /control character/],
    ['trailing.', /ends with a dot/],
    ['back\\slash', /backslash/],
  ])('names the problem of %j and never resolves it outside the folder', (name, problem) => {
    expect(unsafeRelativeName(name)).toMatch(problem);
    expect(() => insideFolder('/library', name)).toThrow(problem);
  });

  it('accepts ordinary names inside the folder', () => {
    expect(unsafeRelativeName('mortgage/broker-hello.ogg')).toBeNull();
    expect(insideFolder('/library', 'mortgage/broker-hello.ogg')).toBe(
      join('/library', 'mortgage', 'broker-hello.ogg'),
    );
  });

  it('refuses a clip whose content is not the audio its name says', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'three-party' });
    const text = Buffer.from('#!/bin/sh\nrm -rf /\n').toString('base64');
    expect((await app.refused('clips:put', { scenarioId: id, clip: 'a.wav', base64: text })).message).toMatch(
      /not a WAV, MP3 or Ogg audio file/,
    );
    const ogg = Buffer.from(OGG).toString('base64');
    expect((await app.refused('clips:put', { scenarioId: id, clip: 'a.wav', base64: ogg })).message).toMatch(
      /named \.wav but its content is OGG audio/,
    );
  });
});

describe('drafts of the editor', () => {
  it('saves, lists, opens and discards a draft, valid or not', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const app = libraryApp({
      now: () => {
        clock += 1000;
        return new Date(clock);
      },
    });
    await app.call('drafts:save', { key: 'new-1', scenarioId: null, text: '{ "title": "half-writ' });
    await app.call('drafts:save', {
      key: 'mortgage-closing-copy',
      scenarioId: 'mortgage-closing-copy',
      text: '{}',
    });
    const list = await app.call('drafts:list');
    expect(list.map((d) => d.key)).toEqual(['mortgage-closing-copy', 'new-1']);
    expect(await app.call('drafts:open', { key: 'new-1' })).toMatchObject({
      text: '{ "title": "half-writ',
      scenarioId: null,
    });
    expect(await app.call('drafts:discard', { key: 'new-1' })).toEqual({ discarded: true });
    expect(await app.call('drafts:discard', { key: 'new-1' })).toEqual({ discarded: false });
    expect((await app.call('drafts:list')).map((d) => d.key)).toEqual(['mortgage-closing-copy']);
    expect(filesUnder(join(app.dataFolder, 'drafts'))).toEqual(['mortgage-closing-copy.json']);
  });

  it('leaves out a file in the drafts folder that is not a draft', async () => {
    const app = libraryApp();
    mkdirSync(join(app.dataFolder, 'drafts'), { recursive: true });
    writeFileSync(join(app.dataFolder, 'drafts', 'junk.json'), 'not json');
    expect(await app.call('drafts:list')).toEqual([]);
    expect((await app.refused('drafts:open', { key: 'junk' })).message).toMatch(/no draft/);
  });
});

describe('atomic writes', () => {
  it('leaves the old file and no temporary file when the write fails', async () => {
    const app = libraryApp();
    const folder = join(app.dataFolder, 'scenarios');
    mkdirSync(join(folder, 'blocked.json'), { recursive: true });
    await expect(writeFileAtomic(join(folder, 'blocked.json'), 'x'.repeat(100_000))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['blocked.json']);
  });

  it('a save that cannot be written leaves nothing behind in the library', async () => {
    const app = libraryApp();
    const { id } = await app.call('scenarios:create', { template: 'three-party' });
    const value = (await app.call('scenarios:open', { id })).value as Record<string, unknown>;
    // A folder where the new scenario's file would go: the rename over it fails.
    mkdirSync(join(app.dataFolder, 'scenarios', 'fresh-one.json'));
    expect(
      (await app.refused('scenarios:save', { id: 'fresh-one', value: { ...value, id: 'fresh-one' } })).code,
    ).toBe('failed');
    expect(readdirSync(join(app.dataFolder, 'scenarios')).sort()).toEqual(
      ['fresh-one.json', `${id}.json`].sort(),
    );
  });
});
