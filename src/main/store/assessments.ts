import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AssessmentCheck, AssessmentSummary } from '@shared/ipc';
import type { Scenario } from '@shared/scenario';
import { type Assessment, AssessmentSchema } from '@shared/scoring/assessment';
import { verifyAssessment } from '@shared/scoring/grade';
import { checkSignature, type KeyPair, signDocument } from '@shared/scoring/signature';
import { nodeVerify } from '../signing/verify';
import { writeFileAtomic } from '../storage/atomic';

/** What re-checking a stored assessment found. */
export type Integrity = NonNullable<AssessmentSummary['integrity']>;

/** The summary the results list shows. */
export function summarise(
  assessment: Assessment,
  scenarioTitle = assessment.scenario.title,
  integrity?: Integrity,
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
    ...(integrity === undefined ? {} : { integrity }),
  };
}

/** What the store signs and re-checks with; without it, files are neither signed nor checked. */
export interface AssessmentTrust {
  /** The installation's key pair (made on first start). */
  readonly keys: () => Promise<KeyPair>;
  /** The scenario an assessment was taken on, by id and content hash. */
  readonly findScenario: (id: string, hash: string) => Promise<Scenario | undefined>;
  /**
   * Re-grades an assessment (the overview's checker, which remembers its verdicts), so that a
   * stored file listed and then checked for the overview is replayed once; without it, here.
   */
  readonly check?: (assessment: Assessment) => Promise<AssessmentCheck>;
}

/**
 * The stored assessments of a folder: one `<attemptId>.json` each, signed with the
 * installation's key, written atomically, never overwritten; re-checked before every use.
 */
export class AssessmentStore {
  private readonly checked = new Map<string, Integrity>();
  /** The parsed documents of the texts read last: the overview lists, gets and verifies each file. */
  private readonly parsed = new Map<string, Assessment>();

  constructor(
    readonly folder: string,
    private readonly trust?: AssessmentTrust,
  ) {}

  /** The file of an attempt. */
  pathOf(attemptId: string): string {
    return join(this.folder, `${attemptId}.json`);
  }

  /** Stores a new assessment, signed over its canonical JSON; refuses to replace an existing one. */
  async save(assessment: Assessment): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    const path = this.pathOf(assessment.attemptId);
    const exists = await readFile(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new Error(`an assessment of attempt ${assessment.attemptId} is already stored`);
    // Signed as it will be read back: through the schema and JSON.
    const document = AssessmentSchema.parse(JSON.parse(JSON.stringify(assessment)));
    const stored = this.trust ? signDocument(document, await this.trust.keys()) : document;
    await writeFileAtomic(path, `${JSON.stringify(stored, null, 2)}\n`);
    return path;
  }

  /**
   * Re-checks a stored assessment (remembered by the hash of its text): `verified` when it is
   * consistent (`verifyAssessment`) and signed by this installation's key, `tampered` when it
   * is not, `unverifiable` when its scenario is gone. Without `trust`, every file is `verified`.
   */
  async integrityOf(assessment: Assessment, text: string): Promise<Integrity> {
    if (!this.trust) return 'verified';
    const key = bytesToHex(sha256(utf8ToBytes(text)));
    const known = this.checked.get(key);
    if (known !== undefined) return known;
    const own = await this.trust.keys();
    const signature = checkSignature(assessment, nodeVerify);
    let integrity: Integrity;
    if (signature.status !== 'valid' || signature.publicKey !== own.publicKey) integrity = 'tampered';
    else if (this.trust.check) {
      const { status } = await this.trust.check(assessment);
      integrity = status === 'verified' ? 'verified' : status === 'tampered' ? 'tampered' : 'unverifiable';
    } else {
      const scenario = await this.trust.findScenario(assessment.scenario.id, assessment.scenario.hash);
      if (!scenario) integrity = 'unverifiable';
      else
        integrity = verifyAssessment(assessment, scenario, { now: Date.now() }).verified
          ? 'verified'
          : 'tampered';
    }
    this.checked.set(key, integrity);
    return integrity;
  }

  private async read(path: string): Promise<{ assessment: Assessment; text: string }> {
    const text = await readFile(path, 'utf8');
    const key = createHash('sha256').update(text, 'utf8').digest('hex');
    const known = this.parsed.get(key);
    if (known !== undefined) return { assessment: known, text };
    const parsed = AssessmentSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${path}: not a valid assessment (${issue?.path.join('.') || '(root)'}: ${issue?.message})`,
      );
    }
    if (this.parsed.size >= 500) this.parsed.clear();
    this.parsed.set(key, parsed.data);
    return { assessment: parsed.data, text };
  }

  /**
   * Reads one stored assessment, checked against the schema and re-checked (`integrityOf`):
   * a file changed outside the app is refused as tampered, so it is never shown or exported.
   */
  async get(attemptId: string): Promise<Assessment> {
    const path = this.pathOf(attemptId);
    let read: { assessment: Assessment; text: string };
    try {
      read = await this.read(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`no stored assessment of attempt ${attemptId}`);
      throw error;
    }
    const integrity = await this.integrityOf(read.assessment, read.text);
    if (integrity === 'tampered') {
      throw new Error(
        `the stored assessment of attempt ${attemptId} was changed outside the app (tampered); it is not shown or exported`,
      );
    }
    return read.assessment;
  }

  /** Every readable stored assessment, newest first, each with its integrity; unreadable files are skipped. */
  async list(): Promise<ReadonlyArray<AssessmentSummary>> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const summaries: AssessmentSummary[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      const read = await this.read(join(this.folder, name)).catch(() => null);
      if (read === null) continue;
      const integrity = await this.integrityOf(read.assessment, read.text);
      summaries.push(summarise(read.assessment, undefined, integrity));
    }
    return summaries.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }
}
