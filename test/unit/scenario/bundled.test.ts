/**
 * Every bundled scenario tests itself and passes: `validate` (the checks of the app's loader, the
 * scenario's recorded tests, the what-if runs and, for a translation, the parity with its
 * original) finds no error and no warning, and each scenario records at least five runs, good
 * alternatives that must pass and typical mistakes that must fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ScenarioSchema } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import { runCliText } from '../../support/cli';

const DIRECTORY = resolve(import.meta.dirname, '../../../resources/scenarios');
const files = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith('.json'))
  .sort();

interface Report {
  readonly files: ReadonlyArray<{
    readonly valid: boolean;
    readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
    readonly findings: ReadonlyArray<{
      readonly severity: string;
      readonly code: string;
      readonly message: string;
    }>;
  }>;
}

describe('the bundled scenarios test themselves', () => {
  it.each(files)(
    '%s: validate, with its recorded tests and the what-if runs, finds no error and no warning',
    async (name) => {
      const { code, out } = await runCliText(['validate', '--json', join(DIRECTORY, name)]);
      const [report] = (JSON.parse(out) as Report).files;
      const problems = (report?.findings ?? [])
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.severity} ${f.code}: ${f.message}`);
      expect(problems).toEqual([]);
      expect(code).toBe(0);
      expect(report?.counts).toMatchObject({ error: 0, warning: 0 });
    },
  );

  it.each(files)(
    '%s records at least five runs: good alternatives that pass and mistakes that fail',
    (name) => {
      const scenario = ScenarioSchema.parse(JSON.parse(readFileSync(join(DIRECTORY, name), 'utf8')));
      expect(scenario.tests.length).toBeGreaterThanOrEqual(5);
      const passing = scenario.tests.filter((t) => t.expect.passed);
      // The reference itself and at least one other way of doing it right.
      expect(passing.length).toBeGreaterThanOrEqual(2);
      expect(scenario.tests.filter((t) => !t.expect.passed).length).toBeGreaterThanOrEqual(3);
      // One recorded test is the reference, with full marks.
      expect(
        scenario.tests.some(
          (t) =>
            JSON.stringify(t.actions) === JSON.stringify(scenario.reference.actions) &&
            t.expect.score?.min === 1,
        ),
      ).toBe(true);
    },
  );
});
