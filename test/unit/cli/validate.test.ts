import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliText } from '../../support/cli';

const root = join(__dirname, '../../..');
const valid = (name: string): string => join(root, 'test/fixtures/scenarios/valid', name);
const broken = (name: string): string => join(root, 'test/fixtures/scenarios/broken', name);
const scratch = mkdtempSync(join(tmpdir(), 'cli-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (...args: string[]) => runCliText(args);

interface JsonReport {
  readonly files: ReadonlyArray<{
    readonly file: string;
    readonly valid: boolean;
    readonly scenarioId: string | null;
    readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
    readonly findings: ReadonlyArray<{
      readonly code: string;
      readonly path: string;
      readonly line?: number;
    }>;
    readonly unreadable?: string;
  }>;
  readonly summary: Record<string, number>;
}

describe('cli validate', () => {
  it('documents the findings format, --json and the exit codes in --help', async () => {
    const { code, out } = await run('validate', '--help');
    expect(code).toBe(0);
    for (const word of [
      '--json',
      '<severity> <code> <JSON path>',
      'error',
      'warning',
      'info',
      'Exit codes',
      '5242880',
    ]) {
      expect(out).toContain(word);
    }
  });

  it('is listed in the command list', async () => {
    const { out } = await run('--help');
    expect(out).toMatch(/^ {2}validate +validate scenario files/m);
  });

  it('exits 0 for valid files and says so per file', async () => {
    const files = [valid('three-party-warm-transfer.json'), valid('multiparty-consult.json')];
    const { code, out } = await run('validate', '--no-what-if', ...files);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      ...files.map((file) => `${file}: valid`),
      '2 files checked: 2 valid, 0 errors, 0 warnings, 0 infos',
    ]);
  });

  it('exits 1 on errors and prints each finding with its file, line, column, code, path and rule', async () => {
    const { code, out } = await run(
      'validate',
      '--no-what-if',
      broken('three-party-too-many.json'),
      valid('three-party-secondary.json'),
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /\/broken\/three-party-too-many\.json:\d+:\d+: error too-many-participants \$\.reference\.actions\[3\]: .+ \[CONF-1\]$/m,
    );
    expect(out).toContain('three-party-too-many.json: INVALID (1 error, 1 warning, 0 infos)');
    expect(out.split('\n').at(-1)).toBe('2 files checked: 1 valid, 1 error, 1 warning, 0 infos');
  });

  it('plays the what-if runs by default; --no-what-if skips them; --what-if changes nothing', async () => {
    // The fixture's rubric only counts two actions: a trainee who mashes buttons passes it.
    const file = valid('three-party-warm-transfer.json');
    const byDefault = await run('validate', file);
    expect(byDefault.code).toBe(0);
    expect(byDefault.out).toContain(
      `${file}: warning what-if-passes $.rubric: a trainee who mashes buttons passes with 100%; the rubric should fail this run`,
    );
    expect(await run('validate', '--what-if', file)).toEqual(byDefault);
    const skipped = await run('validate', '--no-what-if', file);
    expect(skipped.out.split('\n')).toEqual([
      `${file}: valid`,
      '1 file checked: 1 valid, 0 errors, 0 warnings, 0 infos',
    ]);
    const help = await run('validate', '--help');
    expect(help.out).toContain('--no-what-if');
  });

  it('gives the line and column of malformed JSON', async () => {
    const { code, out } = await run('validate', broken('malformed-json.json'));
    expect(code).toBe(1);
    expect(out).toContain(
      'broken/malformed-json.json:5:3: error malformed-json $: malformed JSON at line 5, column 3:',
    );
  });

  it('exits 0 with warnings only', async () => {
    const { code, out } = await run('validate', '--no-what-if', broken('cid-9-reserved-name.json'));
    expect(code).toBe(0);
    expect(out).toMatch(
      /warning reserved-sip-characters \$\.call\.instance\.queues\[0\]\.outboundCallerId\.name: .+ \[CID-9\]/,
    );
    expect(out).toContain('cid-9-reserved-name.json: valid (0 errors, 1 warning, 0 infos)');
  });

  it('prints machine-readable JSON with --json', async () => {
    const { code, out } = await run(
      'validate',
      '--json',
      valid('three-party-warm-transfer.json'),
      broken('unknown-queue.json'),
    );
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(report.files.map((f) => [f.valid, f.scenarioId])).toEqual([
      [true, 'fixture-three-party'],
      [false, null],
    ]);
    expect(report.files[1]?.findings[0]).toMatchObject({
      code: 'unknown-queue',
      path: '$.call.queue',
      severity: 'error',
      rule: null,
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(report.summary).toMatchObject({ files: 2, valid: 1, error: 1, unreadable: 0 });
  });

  it('refuses a file over 5 MB without reading it', async () => {
    const big = join(scratch, 'big.json');
    writeFileSync(big, `{${' '.repeat(5 * 1024 * 1024)}}`);
    const { code, out } = await run('validate', big);
    expect(code).toBe(1);
    expect(out).toContain(`${big}: error file-too-large $: the file is ${5 * 1024 * 1024 + 2} bytes`);
  });

  it('exits 2 without files, on an unknown option, and for a file that cannot be read', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate')).err).toContain('at least one scenario file');
    const unknown = await run('validate', '--yaml', valid('three-party-warm-transfer.json'));
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('unknown option --yaml') });
    const nowhere = join(scratch, 'no/such/file.json');
    const missing = await run('validate', valid('three-party-warm-transfer.json'), nowhere);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain(`${nowhere}: cannot read: file not found`);
    expect(missing.out).toContain('three-party-warm-transfer.json: valid');
  });

  it('runs as a real process: npx tsx src/cli/index.ts validate', () => {
    const child = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/index.ts',
        'validate',
        '--json',
        'test/fixtures/scenarios/valid/multiparty-consult.json',
        'test/fixtures/scenarios/broken/reference-refused.json',
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(1);
    const report = JSON.parse(child.stdout) as JsonReport;
    expect(report.files[1]?.findings.map((f) => `${f.code} ${f.path}`)).toContain(
      'reference-action-refused $.reference.actions[1]',
    );
  }, 60_000);
});
