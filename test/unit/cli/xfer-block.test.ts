import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliLines } from '../../support/cli';

const root = join(__dirname, '../../..');
const fixture = (name: string): string => join(root, 'test/fixtures/xfer-block', name);
const run = (...args: string[]) => runCliLines(args);

interface Event {
  readonly type: string;
  readonly atMs: number;
  readonly rule: string;
  readonly [key: string]: unknown;
}

type Output =
  | {
      readonly kind: 'simulated';
      readonly branch: string | null;
      readonly timeline: ReadonlyArray<Event>;
      readonly callerReturnsToFlow: boolean;
      readonly callerId: { readonly number: string | null; readonly rule: string } | null;
      readonly explanation: { readonly en: string; readonly de: string };
    }
  | {
      readonly kind: 'invalid-configuration';
      readonly findings: ReadonlyArray<{
        readonly rule: string;
        readonly code: string;
        readonly field: string;
      }>;
    };

describe('cli xfer-block', () => {
  it('documents the input format in --help', async () => {
    const { code, out } = await run('xfer-block', '--help');
    expect(code).toBe(0);
    for (const word of [
      'instance',
      'block',
      'flowType',
      'transferVia',
      'timeoutSeconds',
      'resumeFlowAfterDisconnect',
      'dtmf',
      'callerId',
      'channel',
      'caller',
      'stays',
      'hangs-up',
      'externalParty',
      'answers',
      'hangsUpAfterSeconds',
      'never-answers',
      'busy',
      'fails',
      '750 ms',
      '200 ms apart',
      'Exit codes',
    ]) {
      expect(out).toContain(word);
    }
  });

  it('prints the README example: Success, the DTMF digits and pauses, and the caller back in the flow', async () => {
    const { code, out, err } = await run('xfer-block', fixture('au-success-dtmf-resume.json'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Output;
    if (result.kind !== 'simulated') throw new Error('expected a simulation');
    expect(result.branch).toBe('success');
    expect(result.callerReturnsToFlow).toBe(true);
    expect(result.timeline.map((e) => [e.type, e.atMs])).toEqual([
      ['dialling', 0],
      ['answered', 4000],
      ['branch', 4000],
      ['dtmf-digit', 4000],
      ['dtmf-pause', 4200],
      ['dtmf-digit', 4950],
      ['dtmf-pause', 5150],
      ['dtmf-digit', 5900],
      ['dtmf-digit', 6100],
      ['dtmf-digit', 6300],
      ['disconnected', 99_000],
      ['caller-returned-to-flow', 99_000],
    ]);
    expect(result.callerId).toMatchObject({ number: '+61291234567', rule: 'CID-5' });
    expect(result.explanation.de).toContain('Flow nach Trennen fortsetzen');
  });

  it.each([
    { file: 'us-timeout-never-answers.json', branch: 'timeout', returns: false, last: 'branch' },
    { file: 'de-busy.json', branch: 'call-failed', returns: false, last: 'branch' },
    { file: 'gb-chat-error.json', branch: 'error', returns: false, last: 'branch' },
    { file: 'us-caller-hangs-up.json', branch: 'success', returns: false, last: 'call-ended' },
  ])('simulates $file', async ({ file, branch, returns, last }) => {
    const result = await run('xfer-block', fixture(file));
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    const output = JSON.parse(result.out) as Output;
    if (output.kind !== 'simulated') throw new Error('expected a simulation');
    expect(output.branch).toBe(branch);
    expect(output.callerReturnsToFlow).toBe(returns);
    expect(output.timeline.at(-1)?.type).toBe(last);
  });

  it('reports a block with configuration errors with their fields and rules, exit code 1', async () => {
    const result = await run('xfer-block', fixture('invalid-block.json'));
    expect(result.code).toBe(1);
    const output = JSON.parse(result.out) as Output;
    if (output.kind !== 'invalid-configuration') throw new Error('expected configuration errors');
    expect(output.findings.map((f) => [f.rule, f.code, f.field])).toEqual([
      ['XFER-2', 'flow-type-not-allowed', 'block.flowType'],
      ['XFER-3', 'timeout-out-of-range', 'block.timeoutSeconds'],
      ['XFER-3', 'dtmf-invalid-characters', 'block.dtmf'],
    ]);
  });

  it.each([
    {
      file: 'broken-missing-behaviour.json',
      message:
        "broken-missing-behaviour.json: externalParty.behaviour: Invalid discriminator value. Expected 'answers'",
    },
    {
      file: 'broken-negative-seconds.json',
      message: 'broken-negative-seconds.json: caller.afterSeconds: must be 0 or more seconds',
    },
    {
      file: 'broken-missing-block-field.json',
      message: 'broken-missing-block-field.json: block.timeoutSeconds: missing (expected number)',
    },
    { file: 'no-such-file.json', message: 'no-such-file.json: file not found' },
  ])('refuses $file with one line naming the field, exit code 2', async ({ file, message }) => {
    const result = await run('xfer-block', fixture(file));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^error: /);
    expect(result.err[0]).toContain(message);
    expect(result.err[0]).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('refuses a caller-id situation, naming the fields it lacks', async () => {
    const result = await run('xfer-block', join(root, 'test/fixtures/caller-id/au-block-pass-through.json'));
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain('block: missing (expected object)');
  });

  it('refuses a missing argument with exit code 2', async () => {
    const result = await run('xfer-block');
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      'error: xfer-block takes files: <situation.json> [more.json ...] (see xfer-block --help)',
    ]);
  });

  it('runs as a real process: npx tsx src/cli/index.ts xfer-block <fixture>', () => {
    const child = spawnSync(
      'npx',
      ['tsx', 'src/cli/index.ts', 'xfer-block', 'test/fixtures/xfer-block/us-timeout-never-answers.json'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ kind: 'simulated', branch: 'timeout' });
  }, 60_000);
});
