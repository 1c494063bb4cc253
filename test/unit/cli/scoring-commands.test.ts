import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { runCliText } from '../../support/cli';

const root = join(__dirname, '../../..');
const fixture = join(root, 'test/fixtures/assessments/mortgage-closing.reference.json');

const cli = (...args: string[]) => runCliText(args);

const scratch = () => mkdtempSync(join(tmpdir(), 'cct-cli-'));

describe('assess + grade: every bundled reference session verifies, a tampered copy does not', () => {
  it('grades the reference sessions of all bundled scenarios as verified', async () => {
    const dir = scratch();
    const files: string[] = [];
    for (const name of readdirScenarios()) {
      const out = join(dir, `${name}.assessment.json`);
      const made = await cli(
        'assess',
        join(root, 'resources/scenarios', name),
        '--reference',
        '--trainee',
        'Ref',
        '--out',
        out,
      );
      expect(made.code, made.err).toBe(0);
      files.push(out);
    }
    const graded = await cli('grade', '--json', ...files);
    expect(graded.code, graded.out).toBe(0);
    const report = JSON.parse(graded.out) as { files: Array<{ verified: boolean; passed: boolean }> };
    expect(report.files).toHaveLength(files.length);
    expect(report.files.every((f) => f.verified && f.passed)).toBe(true);
  });

  it('prints a table and flags an edited score with exit code 1', async () => {
    const dir = scratch();
    const tampered = JSON.parse(readFileSync(fixture, 'utf8'));
    tampered.result.criteria[0].met = false;
    tampered.result.criteria[0].points = 0;
    tampered.result.raw -= tampered.result.criteria[0].weight;
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
    const graded = await cli('grade', fixture, join(dir, 'tampered.json'));
    expect(graded.code).toBe(1);
    const lines = graded.out.split('\n');
    expect(lines[0]).toMatch(
      /^file\s+trainee\s+scenario\s+score\s+passed\s+consistent\s+signed by\s+trusted$/,
    );
    expect(lines[1]).toMatch(
      /Alex Example\s+mortgage-closing 2\.0\.0\s+100\/100 \(100%\)\s+yes\s+yes\s+unsigned\s+-$/,
    );
    expect(lines[2]).toMatch(/NO\s+unsigned\s+-$/);
    expect(graded.out).toContain('score: stored score 92/100, recomputed 100/100');
  });

  it('reports a scenario it cannot find, and a file that is no assessment', async () => {
    const dir = scratch();
    const unknown = JSON.parse(readFileSync(fixture, 'utf8'));
    unknown.scenario.id = 'no-such-scenario';
    writeFileSync(join(dir, 'unknown.json'), JSON.stringify(unknown));
    const graded = await cli('grade', join(dir, 'unknown.json'));
    expect(graded.code).toBe(1);
    expect(graded.out).toContain('scenario no-such-scenario not found; pass its folder with --scenarios');
    writeFileSync(join(dir, 'junk.json'), '{"type":"something else"}');
    const junk = await cli('grade', join(dir, 'junk.json'));
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/junk\.json: .*type/);
    expect((await cli('grade')).code).toBe(2);
  });

  it('finds a scenario in a folder given with --scenarios', async () => {
    const dir = scratch();
    const scenario = JSON.parse(
      readFileSync(join(root, 'test/fixtures/replay/warm-transfer.scenario.json'), 'utf8'),
    );
    writeFileSync(join(dir, 'warm.json'), JSON.stringify(scenario));
    const made = await cli(
      'assess',
      join(dir, 'warm.json'),
      '--reference',
      '--trainee',
      'T',
      '--out',
      join(dir, 'a.json'),
    );
    expect(made.code, made.err).toBe(0);
    expect((await cli('grade', join(dir, 'a.json'))).code).toBe(1);
    expect((await cli('grade', '--scenarios', dir, join(dir, 'a.json'))).code).toBe(0);
  });
});

describe('xapi', () => {
  it('prints statements that validate', async () => {
    const result = await cli('xapi', fixture);
    expect(result.code).toBe(0);
    const statements = JSON.parse(result.out) as unknown[];
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
  });

  it('names the actor by the trainee id on the home page given with --home-page', async () => {
    const result = await cli('xapi', '--home-page', 'https://lms.example.com', fixture);
    expect(result.code, result.err).toBe(0);
    const statements = JSON.parse(result.out) as Array<{ actor: { account: unknown } }>;
    for (const statement of statements) {
      expect(statement.actor.account).toEqual({ homePage: 'https://lms.example.com', name: 'alex-01' });
      expect(validateStatement(statement)).toEqual([]);
    }
    expect(await cli('xapi', '--home-page', 'not a page', fixture)).toMatchObject({ code: 2 });
    expect((await cli('xapi', fixture, '--home-page')).code).toBe(2);
    expect((await cli('xapi', '--homepage', 'https://lms.example.com', fixture)).code).toBe(2);
  });

  it('refuses a missing file and extra arguments', async () => {
    expect(await cli('xapi', '/nowhere.json')).toMatchObject({
      code: 2,
      err: 'error: /nowhere.json: file not found',
    });
    expect((await cli('xapi', fixture, fixture)).code).toBe(2);
  });

  it('runs as a real process', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', 'xapi', fixture],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)[0].verb.id).toBe('http://adlnet.gov/expapi/verbs/initialized');
  }, 60_000);
});

function readdirScenarios(): string[] {
  return readdirSync(join(root, 'resources/scenarios'))
    .filter((name) => name.endsWith('.json'))
    .sort();
}
