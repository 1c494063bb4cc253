import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AssessmentCheck, ImportedAssessment } from '@shared/ipc';
import type { Scenario } from '@shared/scenario';
import { type Assessment, AssessmentSchema } from '@shared/scoring/assessment';
import { verifyAssessment } from '@shared/scoring/grade';
import { checkSignature, type Ed25519Verify } from '@shared/scoring/signature';
import { nodeVerify } from './signing/verify';

/** Finds a library scenario by id and, when given, by content hash. */
export type FindScenarioVersion = (id: string, hash?: string) => Promise<Scenario | undefined>;

/**
 * Re-grades an assessment against the library: the exact version it names (by hash) must be
 * there for it to be verified; a scenario of that id in another version, or none, is reported.
 */
export async function checkAssessment(
  assessment: Assessment,
  findScenario: FindScenarioVersion,
  verify: Ed25519Verify = nodeVerify,
): Promise<AssessmentCheck> {
  const signature = checkSignature(assessment, verify);
  const exact = await findScenario(assessment.scenario.id, assessment.scenario.hash);
  if (exact === undefined) {
    const other = await findScenario(assessment.scenario.id);
    return other === undefined
      ? {
          status: 'unknown-scenario',
          problems: [`the library has no scenario "${assessment.scenario.id}"`],
          signature,
        }
      : {
          status: 'other-version',
          problems: [
            `taken on version ${assessment.scenario.version} (${assessment.scenario.hash}); the library has version ${other.version}`,
          ],
          signature,
        };
  }
  const verification = verifyAssessment(assessment, exact, { now: Date.now() });
  return {
    status: verification.verified ? 'verified' : 'tampered',
    problems: verification.problems.map((problem) => problem.message),
    signature,
  };
}

/** The SHA-256 of a text, as hex. */
function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A map that forgets its oldest entries beyond `limit`. */
class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/**
 * Re-grades assessments, remembering each verdict by the content hash of the file: a class
 * opened again, or a stored assessment listed and then shown, is replayed once. A remembered
 * verdict is reused only while the library still has the scenario version it was found against
 * (a verdict is a function of the file's bytes and that scenario's content).
 */
export class AssessmentChecker {
  /** File text hash → the assessment it parses to (the schema check is the costly part). */
  private readonly parsed = new Recent<Assessment>(500);
  /** Document hash → its re-grading against the scenario of its hash. */
  private readonly checks = new Recent<AssessmentCheck>(10_000);

  constructor(
    private readonly findScenario: FindScenarioVersion,
    private readonly verify: Ed25519Verify = nodeVerify,
  ) {}

  /** `checkAssessment`, remembered by the document's content. */
  async check(assessment: Assessment, text = JSON.stringify(assessment)): Promise<AssessmentCheck> {
    const key = sha256Hex(text);
    const known = this.checks.get(key);
    if (known !== undefined) {
      // Only a verdict against the exact scenario version is kept; it holds while that version is here.
      const exact = await this.findScenario(assessment.scenario.id, assessment.scenario.hash);
      if (exact !== undefined) return known;
    }
    const check = await checkAssessment(assessment, this.findScenario, this.verify);
    if (check.status === 'verified' || check.status === 'tampered') this.checks.set(key, check);
    return check;
  }

  /** Validates and re-grades files given as name and text; every file gets an answer. */
  async importTexts(
    files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  ): Promise<ReadonlyArray<ImportedAssessment>> {
    const results: ImportedAssessment[] = [];
    for (const file of files) results.push(await this.importText(file.name, file.text));
    return results;
  }

  private async importText(name: string, text: string): Promise<ImportedAssessment> {
    const key = sha256Hex(text);
    let assessment = this.parsed.get(key);
    if (assessment === undefined) {
      const parsed = parseAssessmentText(name, text);
      if (!parsed.ok) return { ok: false, name, error: parsed.error };
      assessment = parsed.assessment;
      this.parsed.set(key, assessment);
    }
    try {
      return { ok: true, name, assessment, check: await this.check(assessment, text) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, name, error: `${name}: cannot be re-graded (${message})` };
    }
  }

  /** Reads the files at these paths and imports them; an unreadable file is listed with its error. */
  async importPaths(paths: ReadonlyArray<string>): Promise<ReadonlyArray<ImportedAssessment>> {
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
      results.push(await this.importText(name, text));
    }
    return results;
  }
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

/** Validates and re-grades files given as name and text, without remembering; every file gets an answer. */
export function importAssessmentTexts(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  findScenario: FindScenarioVersion,
): Promise<ReadonlyArray<ImportedAssessment>> {
  return new AssessmentChecker(findScenario).importTexts(files);
}

/** Reads the files at these paths and imports them, without remembering. */
export function importAssessmentPaths(
  paths: ReadonlyArray<string>,
  findScenario: FindScenarioVersion,
): Promise<ReadonlyArray<ImportedAssessment>> {
  return new AssessmentChecker(findScenario).importPaths(paths);
}
