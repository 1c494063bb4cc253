import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssessmentSummary } from '@shared/ipc';
import { type Assessment, AssessmentSchema } from '@shared/scoring/assessment';
import { writeFileAtomic } from '../storage/atomic';

/** The summary the results list shows. */
export function summarise(
  assessment: Assessment,
  scenarioTitle = assessment.scenario.title,
): AssessmentSummary {
  return {
    attemptId: assessment.attemptId,
    scenarioId: assessment.scenario.id,
    scenarioTitle,
    trainee: assessment.trainee.name,
    mode: assessment.mode,
    startedAt: assessment.startedAt,
    raw: assessment.result.raw,
    max: assessment.result.max,
    scaled: assessment.result.scaled,
    passed: assessment.result.passed,
  };
}

/** The stored assessments of a folder: one `<attemptId>.json` each, written atomically, never overwritten. */
export class AssessmentStore {
  constructor(readonly folder: string) {}

  /** The file of an attempt. */
  pathOf(attemptId: string): string {
    return join(this.folder, `${attemptId}.json`);
  }

  /** Stores a new assessment; refuses to replace an existing one. */
  async save(assessment: Assessment): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    const path = this.pathOf(assessment.attemptId);
    const exists = await readFile(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new Error(`an assessment of attempt ${assessment.attemptId} is already stored`);
    await writeFileAtomic(path, `${JSON.stringify(assessment, null, 2)}\n`);
    return path;
  }

  /** Reads one stored assessment, checked against the schema (a damaged file is an error naming it). */
  async get(attemptId: string): Promise<Assessment> {
    const path = this.pathOf(attemptId);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new Error(`no stored assessment of attempt ${attemptId}`);
    }
    const parsed = AssessmentSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${path}: not a valid assessment (${issue?.path.join('.') || '(root)'}: ${issue?.message})`,
      );
    }
    return parsed.data;
  }

  /** Every readable stored assessment, newest first; unreadable files are skipped. */
  async list(): Promise<ReadonlyArray<AssessmentSummary>> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const summaries: AssessmentSummary[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      const parsed = AssessmentSchema.safeParse(
        await readFile(join(this.folder, name), 'utf8').then(
          (text) => JSON.parse(text),
          () => null,
        ),
      );
      if (parsed.success) summaries.push(summarise(parsed.data));
    }
    return summaries.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }
}
