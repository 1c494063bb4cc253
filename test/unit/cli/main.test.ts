import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/io';
import type { runCli } from '../../../src/cli/main';
import { runCliText } from '../../support/cli';

const identity = { name: 'conference-call-trainer', version: '1.2.3' };

const run = (args: string[], commands?: Parameters<typeof runCli>[3]) =>
  runCliText(args, { identity, commands });

describe('the CLI', () => {
  it('prints usage for --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: npm run cli -- <command>');
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, out: '1.2.3' });
  });

  it('answers an unknown command with exit code 2 and a hint', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('error: unknown command "frobnicate". Run with --help to list the commands.');
  });

  it('reports a UsageError as one line with exit code 2, no stack trace', async () => {
    const failing = {
      name: 'check',
      summary: 'checks',
      help: 'check <file>',
      run: () => {
        throw new UsageError('input.json: field "a.b" is required');
      },
    };
    const result = await run(['check', 'x'], [failing]);
    expect(result).toMatchObject({ code: 2, err: 'error: input.json: field "a.b" is required' });
    expect(result.err).not.toContain('    at ');
  });

  it('runs as a real process through npm run cli', () => {
    const root = join(__dirname, '../../..');
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', '--help'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run cli');
  });
});
