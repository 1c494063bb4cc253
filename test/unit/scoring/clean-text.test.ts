import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeLine, escapeUnsafeText, isCleanLine, isCleanText } from '@shared/clean-text';
import { ipcContract } from '@shared/ipc';
import { ScenarioSchema } from '@shared/scenario';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { describe, expect, it } from 'vitest';
import { runCliText } from '../../support/cli';

const root = join(__dirname, '../../..');
const fixture = join(root, 'test/fixtures/assessments/mortgage-closing.reference.json');
const ESC = '\u001b';
const RLO = '\u202e';
// Printed raw, either would let a file drive the terminal or reorder the text after it.
function rawUnsafe(text: string): boolean {
  return [...text].some((c) => {
    const n = c.codePointAt(0) as number;
    return (
      (n < 0x20 && n !== 0x0a && n !== 0x09) ||
      (n >= 0x7f && n <= 0x9f) ||
      (n >= 0x2028 && n <= 0x202e) ||
      (n >= 0x2066 && n <= 0x2069)
    );
  });
}

describe('clean text: names and free text refuse control characters and bidi overrides', () => {
  it.each([
    ['ESC', `Alex${ESC}[2K`],
    ['a C1 CSI', 'Alex\u009b2K'],
    ['a right-to-left override', `Alex${RLO}sey`],
    ['a left-to-right isolate', 'Alex\u2066x'],
    ['a line break', 'Alex\nverified yes'],
    ['a line separator', 'Alex\u2028x'],
    ['NUL', 'Alex\u0000'],
  ])('a name with %s is refused', (_, name) => {
    expect(isCleanLine(name)).toBe(false);
  });

  it('accepts names in any script, and free text with line breaks and tabs', () => {
    expect(isCleanLine('Zoë Müller-Łukasiewicz')).toBe(true);
    expect(isCleanLine('محمد علي')).toBe(true);
    expect(isCleanLine('山田 太郎')).toBe(true);
    expect(isCleanText('First line\n\tsecond line')).toBe(true);
    expect(isCleanText(`bad${RLO}`)).toBe(false);
  });

  it('the assessment schema refuses a forged trainee name or id, naming the field', () => {
    const assessment = JSON.parse(readFileSync(fixture, 'utf8'));
    expect(AssessmentSchema.safeParse(assessment).success).toBe(true);
    for (const edit of [
      (a: typeof assessment) => {
        a.trainee.name = `Eve${ESC}[1A${ESC}[2K`;
      },
      (a: typeof assessment) => {
        a.trainee.id = `x${RLO}`;
      },
      (a: typeof assessment) => {
        a.scenario.title = `T${ESC}]0;x\u0007`;
      },
    ]) {
      const copy = structuredClone(assessment);
      edit(copy);
      const parsed = AssessmentSchema.safeParse(copy);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(
        'must not contain control characters or bidirectional overrides',
      );
    }
  });

  it('session:begin refuses a trainee name with a bidi override', () => {
    const request = ipcContract['session:begin'].request;
    const base = { scenarioId: 'mortgage-closing', mode: 'assessment' as const };
    expect(request.safeParse({ ...base, trainee: { name: 'Alex' } }).success).toBe(true);
    expect(request.safeParse({ ...base, trainee: { name: `Alex${RLO}` } }).success).toBe(false);
    expect(request.safeParse({ ...base, trainee: { name: 'Alex', id: `1${ESC}` } }).success).toBe(false);
  });

  it('the scenario schema refuses a party name or a line with control characters', () => {
    const scenario = JSON.parse(
      readFileSync(join(root, 'resources/scenarios/mortgage-closing.json'), 'utf8'),
    );
    expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
    const named = structuredClone(scenario);
    named.parties[0].name = `Sam${RLO}`;
    expect(ScenarioSchema.safeParse(named).success).toBe(false);
    const titled = structuredClone(scenario);
    titled.title = `Title${ESC}[31m`;
    expect(ScenarioSchema.safeParse(titled).success).toBe(false);
  });
});

describe('clean text: the CLI escapes what it prints from a file', () => {
  it('escapes control characters and bidi overrides as \\u escapes, keeping JSON valid', () => {
    const escaped = escapeUnsafeText(JSON.stringify({ name: `a${RLO}b\u009b` }));
    expect(escaped).toBe('{"name":"a\\u202eb\\u009b"}');
    expect(JSON.parse(escaped)).toEqual({ name: `a${RLO}b\u009b` });
    expect(escapeLine('two\nlines')).toBe('two\\nlines');
  });

  it('grade refuses a forged name with one escaped line, and nothing raw reaches the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cct-clean-'));
    const forged = JSON.parse(readFileSync(fixture, 'utf8'));
    forged.trainee.name = `Eve  verified yes${ESC}[1A${ESC}[2K${RLO}`;
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const graded = await runCliText(['grade', join(dir, 'forged.json')]);
    expect(graded.code).toBe(2);
    expect(graded.err).toContain('trainee.name');
    expect(rawUnsafe(graded.err)).toBe(false);
    expect(rawUnsafe(graded.out)).toBe(false);
  });

  it('caller-id prints a name from its input with the bidi override escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cct-clean-'));
    const situation = JSON.parse(
      readFileSync(join(root, 'test/fixtures/caller-id/au-block-pass-through.json'), 'utf8'),
    );
    situation.transfer.callerId.name = `Acme${RLO}evil`;
    writeFileSync(join(dir, 's.json'), JSON.stringify(situation));
    const result = await runCliText(['caller-id', join(dir, 's.json')]);
    expect(result.code, result.err).toBe(0);
    expect(rawUnsafe(result.out)).toBe(false);
    expect(JSON.parse(result.out).name).toBe(`Acme${RLO}evil`);
  });
});
