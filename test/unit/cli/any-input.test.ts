import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../src/cli/io';
import { runCliText } from '../../support/cli';

const root = join(__dirname, '../../..');
const scenarioFile = join(root, 'test/fixtures/replay/warm-transfer.scenario.json');
const actionsFile = join(root, 'test/fixtures/replay/warm-transfer.actions.json');
const mistakesFile = join(root, 'test/fixtures/replay/warm-transfer.mistakes.actions.json');
const assessmentFile = join(root, 'test/fixtures/assessments/mortgage-closing.reference.json');
const situationFile = join(root, 'test/fixtures/caller-id/au-block-pass-through.json');
const cli = (...args: string[]) => runCliText(args);
const scratch = () => mkdtempSync(join(tmpdir(), 'cct-input-'));

describe('CLI on any input: only regular files, read with a limit', () => {
  it.each([
    ['replay', [scenarioFile, '/dev/zero']],
    ['replay', ['/dev/zero', actionsFile]],
    ['grade', ['/dev/zero']],
    ['caller-id', ['/dev/urandom']],
    ['xfer-block', ['/dev/zero']],
    ['xapi', ['/dev/urandom']],
    ['assess', ['/dev/zero', '--reference', '--trainee', 'T']],
  ])('%s refuses a device with one line: %j', async (command, args) => {
    const result = await cli(command, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^error: \/dev\/(zero|urandom): not a regular file$/);
  });

  it('refuses a folder and a named pipe without waiting for a writer', async () => {
    const dir = scratch();
    expect((await cli('caller-id', dir)).err).toBe(`error: ${dir}: not a regular file`);
    const fifo = join(dir, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      expect((await cli('grade', fifo)).err).toBe(`error: ${fifo}: not a regular file`);
    }
  });

  it('refuses a file over the limit', async () => {
    const dir = scratch();
    const big = join(dir, 'big.json');
    writeFileSync(big, `[${'0,'.repeat(MAX_INPUT_BYTES / 2)}0]`);
    const result = await cli('caller-id', big);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`the limit is ${MAX_INPUT_BYTES} bytes`);
  });
});

describe('CLI on any input: one guarded JSON reader', () => {
  it('refuses deep nesting in replay and assess with a position, not a stack overflow', async () => {
    const dir = scratch();
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    for (const args of [
      ['replay', scenarioFile, deep],
      ['replay', deep, actionsFile],
      ['assess', deep, '--reference', '--trainee', 'T'],
      ['grade', deep],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/nested more than 64 levels deep|too-deeply-nested/);
    }
  });

  it('refuses an assessment with a key written twice, naming it', async () => {
    const dir = scratch();
    const text = readFileSync(assessmentFile, 'utf8').replace('"raw": 100,', '"raw": 100, "raw": 100,');
    writeFileSync(join(dir, 'twice.json'), text);
    const result = await cli('grade', join(dir, 'twice.json'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/the key \$\.result\.raw occurs twice in its object at line \d+, column \d+/);
  });

  it('refuses invalid UTF-8 with its line and column instead of replacing it', async () => {
    const dir = scratch();
    const bytes = Buffer.concat([Buffer.from('{\n  "a": "x'), Buffer.from([0xff]), Buffer.from('"\n}')]);
    writeFileSync(join(dir, 'latin.json'), bytes);
    const result = await cli('caller-id', join(dir, 'latin.json'));
    expect(result.code).toBe(2);
    expect(result.err).toBe(`error: ${join(dir, 'latin.json')}: not UTF-8 at line 2, column 10 (byte 11)`);
  });

  it('replay refuses a scenario that validate rejects, with the findings', async () => {
    const dir = scratch();
    const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
    scenario.call.primaryAgent = 'caller';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(scenario));
    const validated = await cli('validate', join(dir, 'bad.json'));
    expect(validated.code).toBe(1);
    const result = await cli('replay', join(dir, 'bad.json'), actionsFile);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/bad\.json: not a playable scenario: .*error /);
  });
});

describe('CLI on any input: assess checks its options and never overwrites', () => {
  it.each([
    [['--attempt', 'not-a-uuid'], '--attempt: "not-a-uuid" is not a UUID'],
    [['--started', '1'], '--started: "1" is not an ISO 8601 time with a time zone'],
    [['--started', '2030-01-01T00:00:00'], 'is not an ISO 8601 time with a time zone'],
    [['--started', '1999-12-31T23:59:59Z'], 'is not between the years 2000 and 9999'],
    [['--trainee-id', 'Eve\u001b[2K'], 'trainee.id: must not contain control characters'],
  ])('refuses %j', async (extra, message) => {
    const args = ['assess', scenarioFile, '--reference', '--trainee', 'T', ...extra];
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it('will not overwrite --out without --force, nor write over anything but a regular file', async () => {
    const dir = scratch();
    const out = join(dir, 'a.json');
    const base = ['assess', scenarioFile, '--reference', '--trainee', 'T', '--out'];
    expect((await cli(...base, out)).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    const again = await cli(...base, out);
    expect(again).toMatchObject({ code: 2, err: `error: --out: ${out} exists; add --force to replace it` });
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect((await cli(...base, out, '--force')).code).toBe(0);
    expect((await cli(...base, '/dev/null', '--force')).err).toBe(
      'error: --out: /dev/null exists and is not a regular file',
    );
    expect(existsSync('/dev/null')).toBe(true);
  });
});

describe('CLI on any input: replay lists every refusal, the views, and several files', () => {
  it("lists every party's refusals, and with --views who hears whom and each connection list", async () => {
    const result = await cli('replay', scenarioFile, mistakesFile, '--views');
    const report = JSON.parse(result.out);
    expect(report.refusals.length).toBeGreaterThanOrEqual(report.refused.length);
    for (const refusal of report.refusals) expect(typeof refusal.actor).toBe('string');
    const events = report.log.records.filter((r: { kind: string }) => r.kind === 'event').length;
    expect(report.views).toHaveLength(events + 1);
    const accepted = report.views.find((v: { hears: Record<string, string[]> }) =>
      v.hears.trainee?.includes('caller'),
    );
    expect(accepted.hears.caller).toContain('trainee');
    expect(accepted.connectionLists.trainee.map((item: { party: string }) => item.party)).toContain('caller');
  });

  it('plays several actions files, one JSON line each', async () => {
    const result = await cli('replay', scenarioFile, actionsFile, mistakesFile, '/dev/zero');
    const lines = result.out.split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual([actionsFile, mistakesFile, '/dev/zero']);
    expect(lines[0].refused).toEqual([]);
    expect(lines[2].error).toBe('/dev/zero: not a regular file');
    expect(result.code).toBe(2);
  });

  it('caller-id on several files prints one line each', async () => {
    const result = await cli('caller-id', situationFile, situationFile);
    const lines = result.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] as string).result.rule).toBe('CID-5');
  });

  it('reads - from standard input, as a real process', () => {
    const child = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', 'caller-id', '-'],
      { cwd: root, encoding: 'utf8', input: readFileSync(situationFile, 'utf8') },
    );
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout).rule).toBe('CID-5');
  }, 60_000);
});
