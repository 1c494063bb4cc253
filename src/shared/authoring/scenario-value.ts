/**
 * A scenario file's value read for the checks: migrated and parsed by the schema, but without the
 * checks beyond it, so that a scenario whose reference the engine refuses can still be checked
 * and shown with what stands in the way.
 */
import { type Finding, jsonPath } from '../scenario/format/findings';
import { migrateScenario } from '../scenario/format/migrate';
import { type Scenario, ScenarioSchema } from '../scenario/format/schema';

/** The scenario of a file's value, or the findings that say why there is none. */
export type CheckableScenario =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly findings: ReadonlyArray<Finding> };

/** Reads a scenario file's value for the checks (see the module comment). Never throws. */
export function checkableScenario(value: unknown): CheckableScenario {
  try {
    const migration = migrateScenario(value);
    const errors = migration.findings.filter((f) => f.severity === 'error');
    if (migration.document === null || errors.length > 0) return { ok: false, findings: errors };
    const parsed = ScenarioSchema.safeParse(migration.document);
    if (parsed.success) return { ok: true, scenario: parsed.data };
    return {
      ok: false,
      findings: parsed.error.issues.map((issue) => ({
        path: jsonPath(issue.path.filter((k): k is string | number => typeof k !== 'symbol')),
        severity: 'error' as const,
        code: 'invalid-value' as const,
        rule: null,
        message: issue.message,
      })),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      findings: [{ path: '$', severity: 'error', code: 'internal-error', rule: null, message }],
    };
  }
}
