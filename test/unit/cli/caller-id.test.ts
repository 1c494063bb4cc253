import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliLines } from '../../support/cli';

const root = join(__dirname, '../../..');
const fixture = (name: string): string => join(root, 'test/fixtures/caller-id', name);
const run = (...args: string[]) => runCliLines(args);

interface Output {
  readonly number: string | null;
  readonly formattedNumber: string | null;
  readonly name: string | null;
  readonly rule: string;
  readonly source: { readonly kind: string };
  readonly explanation: { readonly en: string; readonly de: string };
  readonly warnings: ReadonlyArray<{
    readonly rule: string;
    readonly code: string;
    readonly severity: string;
    readonly field: string | null;
    readonly explanation: { readonly en: string; readonly de: string };
  }>;
}

describe('cli caller-id', () => {
  it('documents the input format in --help', async () => {
    const { code, out } = await run('caller-id', '--help');
    expect(code).toBe(0);
    for (const word of [
      'instance',
      'country',
      'claimedNumbers',
      'outboundCountries',
      'queues',
      'outboundCallerId',
      'outboundWhisperFlow',
      'callPhoneNumber',
      'routingProfiles',
      'outboundQueue',
      'quickConnects',
      'external-quick-connect',
      'activeCall',
      'number-pad',
      'transfer-to-phone-number-block',
      'transferVia',
      'callerNumber',
      'Exit codes',
    ]) {
      expect(out).toContain(word);
    }
  });

  it('is listed by the top-level --help', async () => {
    const { out } = await run('--help');
    expect(out).toMatch(/caller-id\s+which caller ID/);
  });

  it('prints the README example: a pass-through in Australia with CID-6 and CID-7 warnings', async () => {
    const { code, out, err } = await run('caller-id', fixture('au-block-pass-through.json'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Output;
    expect(result).toMatchObject({
      number: '+61412345678',
      formattedNumber: '+61 412 345 678',
      name: 'Acme Home Loans',
      rule: 'CID-5',
      source: { kind: 'caller-pass-through' },
    });
    expect(result.warnings.map((w) => [w.rule, w.code, w.severity, w.field])).toEqual([
      ['CID-6', 'caller-number-passed-through', 'warning', 'transfer.callerNumber'],
      ['CID-7', 'au-not-provided-by-instance', 'warning', 'transfer.callerNumber'],
    ]);
    for (const warning of result.warnings) {
      expect(warning.explanation.en).toMatch(/\S/);
      expect(warning.explanation.de).toMatch(/\S/);
    }
  });

  it.each([
    { file: 'au-block-configured-did.json', code: 0, rule: 'CID-5', number: '+61291234567', warnings: [] },
    {
      file: 'uk-quick-connect-active-call.json',
      code: 0,
      rule: 'CID-1',
      number: '020 7946 0000',
      warnings: ['CID-8'],
    },
    {
      file: 'us-quick-connect-idle-whisper.json',
      code: 0,
      rule: 'CID-3',
      number: '+18005550100',
      warnings: [],
    },
    { file: 'de-number-pad.json', code: 0, rule: 'CID-4', number: '+4930901820', warnings: [] },
    {
      file: 'us-country-not-allowed.json',
      code: 1,
      rule: 'CID-5',
      number: '+12065550100',
      warnings: ['CID-10'],
    },
  ])('resolves $file', async ({ file, code, rule, number, warnings }) => {
    const result = await run('caller-id', fixture(file));
    expect(result.code).toBe(code);
    expect(result.err).toEqual([]);
    const output = JSON.parse(result.out) as Output;
    expect(output.rule).toBe(rule);
    expect(output.number).toBe(number);
    expect(output.warnings.map((w) => w.rule)).toEqual(warnings);
  });

  it.each([
    {
      file: 'broken-missing-transfer.json',
      message: 'broken-missing-transfer.json: transfer: missing (expected object)',
    },
    {
      file: 'broken-unknown-queue.json',
      message:
        'broken-unknown-queue.json: transfer.activeCall.queue: no queue named "Loans" in instance.queues',
    },
    {
      file: 'broken-country-uk.json',
      message: 'broken-country-uk.json: instance.country: expected an ISO 3166-1 alpha-2 country code',
    },
    {
      file: 'broken-claimed-number.json',
      message:
        'broken-claimed-number.json: instance.claimedNumbers[0].number: expected a valid phone number in E.164 form',
    },
    { file: 'broken-malformed.json', message: 'broken-malformed.json: malformed JSON at line 6, column 3' },
    { file: 'no-such-file.json', message: 'no-such-file.json: file not found' },
  ])('refuses $file with one line naming the field, exit code 2', async ({ file, message }) => {
    const result = await run('caller-id', fixture(file));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^error: /);
    expect(result.err[0]).toContain(message);
    expect(result.err[0]).not.toContain('\n');
    expect(result.err[0]).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it.each([{ args: [] }, { args: ['--json'] }])('refuses $args with exit code 2', async ({ args }) => {
    const result = await run('caller-id', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      'error: caller-id takes files: <situation.json> [more.json ...] (see caller-id --help)',
    ]);
  });

  it('runs as a real process: npx tsx src/cli/index.ts caller-id <fixture>', async () => {
    const file = 'test/fixtures/caller-id/au-block-pass-through.json';
    const child = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'caller-id', file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(0);
    const inProcess = await run('caller-id', fixture('au-block-pass-through.json'));
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse(inProcess.out));
    expect(child.stderr).not.toContain('error:');
  }, 60_000);

  it('runs as a real process and exits with 2 on a broken input, without a stack trace', () => {
    const file = 'test/fixtures/caller-id/broken-unknown-queue.json';
    const child = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'caller-id', file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    const errorLines = child.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errorLines).toEqual([
      'error: test/fixtures/caller-id/broken-unknown-queue.json: transfer.activeCall.queue: no queue named "Loans" in instance.queues',
    ]);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
