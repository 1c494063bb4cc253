import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliLines } from '../../support/cli';

const root = join(__dirname, '../../..');
const fixture = (name: string): string => join(root, 'test/fixtures/replay', name);
const scenarioFile = fixture('warm-transfer.scenario.json');
const run = (...args: string[]) => runCliLines(args);

/** Writes a scratch file and returns its path. */
function scratch(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cct-replay-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Report {
  readonly scenario: { readonly id: string; readonly version: string };
  readonly seed: number;
  readonly ended: boolean;
  readonly endReason: string | null;
  readonly refused: ReadonlyArray<{ action: string; reason: string; rule: string; time: number }>;
  readonly log: {
    readonly seed: number;
    readonly records: ReadonlyArray<{
      kind: string;
      time: number;
      entry?: { actor: string; type: string; result: { status: string; reason?: string; rule?: string } };
    }>;
  };
  readonly phase: string;
  readonly legs: ReadonlyArray<{ party: string; state: string; agent: { status: string } | null }>;
}

const eventLines = (report: Report) =>
  report.log.records
    .filter((r) => r.kind === 'event')
    .map((r) => `${r.time} ${r.entry?.actor} ${r.entry?.type} ${r.entry?.result.status}`);

describe('cli replay', () => {
  it('documents the actions file format and the output in --help', async () => {
    const { code, out } = await run('replay', '--help');
    expect(code).toBe(0);
    for (const word of [
      '<scenario.json> <actions.json> [--seed N]',
      '"seed"',
      '"actions"',
      'bare array',
      '"at"',
      '"action"',
      '"target"',
      '"via"',
      'quickConnect',
      'numberPad',
      '"digits"',
      '"answer"',
      'refused',
      'reason',
      'rule',
      'legs',
      'Exit codes',
      'test/fixtures/replay/warm-transfer.actions.json',
    ]) {
      expect(out).toContain(word);
    }
  });

  it('is listed in the command list', async () => {
    expect((await run('--help')).out).toMatch(/\n {2}replay\s+play timed trainee actions/);
  });

  it('plays the example: every action accepted, every scripted event and line, the final legs', async () => {
    const { code, out, err } = await run('replay', scenarioFile, fixture('warm-transfer.actions.json'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Report;
    expect(report.scenario).toEqual({ id: 'replay-warm-transfer', version: '1.0.0' });
    expect(report.seed).toBe(7);
    expect(report.log.seed).toBe(7);
    expect(report.refused).toEqual([]);
    expect(report).toMatchObject({ ended: true, endReason: 'trainee-finished', phase: 'connected' });
    const lines = eventLines(report);
    expect(lines[0]).toBe('2000 trainee accept accepted');
    expect(lines[1]).toBe('8000 trainee add accepted');
    expect(lines[2]).toMatch(/^\d+ specialist accept accepted$/);
    expect(lines.slice(3)).toEqual([
      '20000 trainee join accepted',
      '30000 trainee leave accepted',
      '35000 trainee clear accepted',
    ]);
    expect(report.log.records.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['event', 'step', 'line', 'goal', 'end']),
    );
    expect(report.legs.map((leg) => `${leg.party}:${leg.state}:${leg.agent?.status ?? '-'}`)).toEqual([
      'caller:connected:-',
      'trainee:disconnected:cleared',
      'specialist:connected:connected',
    ]);
  });

  it('lists a refused action with its reason and rule, and exits 1 (a bare array of actions)', async () => {
    const { code, out } = await run('replay', scenarioFile, fixture('warm-transfer.mistakes.actions.json'));
    expect(code).toBe(1);
    const report = JSON.parse(out) as Report;
    expect(report.seed).toBe(7); // a bare array has no seed: the scenario's reference.seed
    expect(report.refused).toEqual([
      { seq: 5, time: 5000, action: 'swap', target: null, reason: 'swap-unavailable', rule: 'CONF-4' },
    ]);
    expect(eventLines(report)).toContain('5000 trainee swap refused');
  });

  it('--seed overrides the seed; the same seed prints byte-identical output', async () => {
    const actions = fixture('warm-transfer.actions.json');
    const a = await run('replay', scenarioFile, actions, '--seed', '12345');
    const b = await run('replay', scenarioFile, actions, '--seed=12345');
    expect(a.out).toBe(b.out);
    expect((JSON.parse(a.out) as Report).seed).toBe(12345);
    const specialistAt = (out: string) =>
      (JSON.parse(out) as Report).log.records.find((r) => r.entry?.actor === 'specialist')?.time;
    const seeds = ['1', '2', '3', '4', '5', '6'];
    const times = new Set<number | undefined>();
    for (const seed of seeds)
      times.add(specialistAt((await run('replay', scenarioFile, actions, '--seed', seed)).out));
    expect(times.size).toBeGreaterThan(1);
  });

  it.each([
    {
      name: 'malformed JSON',
      file: () => scratch('broken.json', '{"actions": [\n  {"at": 1 "action": "accept"}\n]}'),
      message: /broken\.json: malformed JSON at line 2, column 12/,
    },
    {
      name: 'a wrong field type',
      file: () =>
        scratch(
          'wrong-type.json',
          '{"actions": [{"at": 1, "action": "accept"}, {"at": "soon", "action": "join"}]}',
        ),
      message: /wrong-type\.json: actions\[1\]\.at: .*expected number/,
    },
    {
      name: 'an unknown action',
      file: () => scratch('unknown.json', '[{"at": 1, "action": "transfer"}]'),
      message: /unknown\.json: \[0\]\.action: Invalid option/,
    },
    {
      name: 'an event of another party',
      file: () => scratch('scripted.json', '[{"at": 1, "action": "hang-up"}]'),
      message: /scripted\.json: \[0\]\.action: "hang-up" is an event of another party/,
    },
    {
      name: 'an unknown field',
      file: () => scratch('extra.json', '{"seed": 1, "actions": [], "speed": 2}'),
      message: /extra\.json: \(root\): Unrecognized key: "speed"/,
    },
  ])('refuses an actions file with $name: exit 2, one line naming the field', async ({ file, message }) => {
    const result = await run('replay', scenarioFile, file());
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^error: /);
    expect(result.err[0]).toMatch(message);
    expect(result.err[0]).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('refuses an invalid scenario, naming the JSON path of the first problems', async () => {
    const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
    scenario.parties[2].answer.after = { min: 6, max: 2 };
    delete scenario.call.trainee;
    const file = scratch('bad-scenario.json', JSON.stringify(scenario));
    const result = await run('replay', file, fixture('warm-transfer.actions.json'));
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain('call.trainee: missing (expected string)');
    expect(result.err[0]).toContain('parties[2].answer.after.max: min must not be greater than max');
  });

  it('refuses a scenario of a newer format version, naming formatVersion', async () => {
    const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
    const file = scratch('newer.json', JSON.stringify({ ...scenario, formatVersion: 99 }));
    const result = await run('replay', file, fixture('warm-transfer.actions.json'));
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      `error: ${file}: not a playable scenario: 1:44: error format-version-newer $.formatVersion: format version 99 is newer than this version of the app reads (2); update the app`,
    ]);
  });

  it.each([
    [['replay'], 'replay takes two arguments'],
    [['replay', 'a.json'], 'replay takes two arguments'],
    [['replay', 'a.json', 'b.json', '--seed'], '--seed needs a value'],
    [['replay', 'a.json', 'b.json', '--seed', '-1'], '--seed must be a whole number from 0 to 4294967295'],
    [['replay', 'a.json', 'b.json', '--speed', '2'], 'unknown option --speed'],
    [['replay', 'no-such.json', 'b.json'], 'no-such.json: file not found'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain(message);
  });

  it('runs as a real process: npx tsx src/cli/index.ts replay <scenario> <actions>', () => {
    const child = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/index.ts',
        'replay',
        'test/fixtures/replay/warm-transfer.scenario.json',
        'test/fixtures/replay/warm-transfer.actions.json',
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as Report;
    expect(report).toMatchObject({ ended: true, endReason: 'trainee-finished', refused: [] });
  }, 60_000);

  it('runs as a real process and exits 2 on a malformed actions file, without a stack trace', () => {
    const broken = scratch('broken.json', '[{"at": 1, "action": "accept"');
    const child = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'replay', scenarioFile, broken], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toMatch(/error: .*broken\.json: malformed JSON/);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
