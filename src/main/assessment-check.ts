import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AssessmentCheck, ImportedAssessment } from '@shared/ipc';
import type { Scenario } from '@shared/scenario';
import { type Assessment, AssessmentSchema } from '@shared/scoring/assessment';
import { verifyAssessment } from '@shared/scoring/grade';

/** Finds a library scenario by id and, when given, by content hash. */
export type FindScenarioVersion = (id: string, hash?: string) => Promise<Scenario | undefined>;

/**
 * Re-grades an assessment against the library: the exact version it names (by hash) must be
 * there for it to be verified; a scenario of that id in another version, or none, is reported.
 */
export async function checkAssessment(
  assessment: Assessment,
  findScenario: FindScenarioVersion,
): Promise<AssessmentCheck> {
  const exact = await findScenario(assessment.scenario.id, assessment.scenario.hash);
  if (exact === undefined) {
    const other = await findScenario(assessment.scenario.id);
    return other === undefined
      ? {
          status: 'unknown-scenario',
          problems: [`the library has no scenario "${assessment.scenario.id}"`],
        }
      : {
          status: 'other-version',
          problems: [
            `taken on version ${assessment.scenario.version} (${assessment.scenario.hash}); the library has version ${other.version}`,
          ],
        };
  }
  const verification = verifyAssessment(assessment, exact, { now: Date.now() });
  return {
    status: verification.verified ? 'verified' : 'tampered',
    problems: verification.problems.map((problem) => problem.message),
  };
}

/** Parses one assessment file's text; a bad file gives an error naming the file and the JSON path. */
export function parseAssessmentText(
  name: string,
  text: string,
): { ok: true; assessment: Assessment } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `${name}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const parsed = AssessmentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? `$.${issue.path.map(String).join('.')}` : '$';
    return { ok: false, error: `${name}: not a valid assessment (${path}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, assessment: parsed.data };
}

/** Validates and re-grades files given as name and text; every file gets an answer. */
export async function importAssessmentTexts(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  findScenario: FindScenarioVersion,
): Promise<ReadonlyArray<ImportedAssessment>> {
  const results: ImportedAssessment[] = [];
  for (const file of files) {
    const parsed = parseAssessmentText(file.name, file.text);
    if (!parsed.ok) {
      results.push({ ok: false, name: file.name, error: parsed.error });
      continue;
    }
    try {
      const check = await checkAssessment(parsed.assessment, findScenario);
      results.push({ ok: true, name: file.name, assessment: parsed.assessment, check });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ ok: false, name: file.name, error: `${file.name}: cannot be re-graded (${message})` });
    }
  }
  return results;
}

/** Reads the files at these paths and imports them; an unreadable file is listed with its error. */
export async function importAssessmentPaths(
  paths: ReadonlyArray<string>,
  findScenario: FindScenarioVersion,
): Promise<ReadonlyArray<ImportedAssessment>> {
  const results: ImportedAssessment[] = [];
  for (const path of paths) {
    const name = basename(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      results.push({ ok: false, name, error: `${name}: cannot be read (${code})` });
      continue;
    }
    results.push(...(await importAssessmentTexts([{ name, text }], findScenario)));
  }
  return results;
}
