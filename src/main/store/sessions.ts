import { mkdir } from 'node:fs/promises';
import type { AssessmentSummary, UnfinishedSession } from '@shared/ipc';
import type { Scenario, SessionLog, SessionRecord } from '@shared/scenario';
import { replaySession, SessionRecordSchema } from '@shared/scenario';
import { createAssessment, scenarioHash } from '@shared/scoring/grade';
import type { RunMode } from '@shared/scoring/judge';
import {
  Journal,
  type JournalHeader,
  journalPath,
  markFinished,
  readJournal,
  unfinishedJournals,
} from '../storage/journal';
import { type AssessmentStore, summarise } from './assessments';

/** What the session store needs from its host. */
export interface SessionStoreDeps {
  readonly journalsFolder: string;
  readonly assessments: AssessmentStore;
  /** Finds a library scenario by id (and content hash, when given). */
  readonly findScenario: (id: string, hash?: string) => Promise<Scenario | undefined>;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly newSeed: () => number;
  readonly app: { readonly name: string; readonly version: string };
}

interface OpenSession {
  readonly header: JournalHeader;
  readonly journal: Journal;
  lastSeq: number;
}

/**
 * Sessions on disk: each attempt has a journal that receives the renderer's records as they
 * happen; finishing re-plays the trainee's inputs through the director and grades the result
 * in this process, so no score from the renderer is ever trusted.
 */
export class SessionStore {
  private readonly open = new Map<string, OpenSession>();

  constructor(private readonly deps: SessionStoreDeps) {}

  /** Starts an attempt: a journal with its header, flushed before the attempt id is returned. */
  async begin(request: {
    scenarioId: string;
    mode: RunMode;
    trainee: { name: string; id?: string };
    seed?: number;
  }): Promise<{ attemptId: string; seed: number; startedAt: string }> {
    const scenario = await this.deps.findScenario(request.scenarioId);
    if (!scenario) throw new Error(`no scenario "${request.scenarioId}" in the library`);
    await mkdir(this.deps.journalsFolder, { recursive: true });
    const header: JournalHeader = {
      kind: 'header',
      attemptId: this.deps.newId(),
      scenarioId: scenario.id,
      scenarioHash: scenarioHash(scenario),
      seed: request.seed ?? this.deps.newSeed(),
      mode: request.mode,
      trainee: request.trainee.id === undefined ? { name: request.trainee.name } : { ...request.trainee },
      startedAt: this.deps.now().toISOString(),
    };
    const journal = await Journal.create(this.deps.journalsFolder, header);
    this.open.set(header.attemptId, { header, journal, lastSeq: 0 });
    return { attemptId: header.attemptId, seed: header.seed, startedAt: header.startedAt };
  }

  /** Appends records; they must continue the attempt's numbering without a gap. */
  async append(attemptId: string, records: ReadonlyArray<SessionRecord>): Promise<{ written: number }> {
    const session = this.require(attemptId);
    let expected = session.lastSeq + 1;
    for (const [index, record] of records.entries()) {
      if (record.seq !== expected) {
        throw new Error(
          `records[${index}].seq is ${record.seq}; the next record of this attempt is ${expected}`,
        );
      }
      expected++;
    }
    await session.journal.append(records);
    session.lastSeq = expected - 1;
    return { written: records.length };
  }

  /** Ends an open attempt: grades its journal and stores the assessment. */
  async finish(attemptId: string): Promise<AssessmentSummary> {
    const session = this.require(attemptId);
    await session.journal.close();
    this.open.delete(attemptId);
    return this.grade(journalPath(this.deps.journalsFolder, attemptId));
  }

  /** The attempts whose journals were never finished and are not open now. */
  async unfinished(): Promise<ReadonlyArray<UnfinishedSession>> {
    const result: UnfinishedSession[] = [];
    for (const path of await unfinishedJournals(this.deps.journalsFolder)) {
      const contents = await readJournal(path).catch(() => null);
      if (!contents || this.open.has(contents.header.attemptId)) continue;
      result.push({
        attemptId: contents.header.attemptId,
        scenarioId: contents.header.scenarioId,
        trainee: contents.header.trainee.name,
        startedAt: contents.header.startedAt,
        records: contents.lines.length,
        truncatedTail: contents.truncatedTail,
      });
    }
    return result;
  }

  /** Grades an unfinished attempt as it stands (stopped at its last record) and stores it. */
  async recover(attemptId: string): Promise<AssessmentSummary> {
    if (this.open.has(attemptId)) throw new Error(`attempt ${attemptId} is still running`);
    return this.grade(journalPath(this.deps.journalsFolder, attemptId));
  }

  private require(attemptId: string): OpenSession {
    const session = this.open.get(attemptId);
    if (!session) throw new Error(`no running session ${attemptId}`);
    return session;
  }

  private async grade(path: string): Promise<AssessmentSummary> {
    const contents = await readJournal(path);
    const { header } = contents;
    const scenario = await this.deps.findScenario(header.scenarioId, header.scenarioHash);
    if (!scenario)
      throw new Error(`the scenario "${header.scenarioId}" of this attempt is no longer in the library`);
    const records: SessionRecord[] = [];
    for (const line of contents.lines) {
      const parsed = SessionRecordSchema.safeParse(line);
      if (parsed.success) records.push(parsed.data);
    }
    const recorded: SessionLog = {
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      seed: header.seed,
      records,
    };
    // The trainee's inputs are taken from the journal and played again here: the assessment's
    // log and score are this process's, whatever the renderer sent.
    const replayed = replaySession(scenario, recorded).replayed;
    const log = this.closed(replayed.log);
    const assessment = createAssessment({
      scenario,
      log,
      trainee: header.trainee,
      attemptId: header.attemptId,
      mode: header.mode,
      startedAt: header.startedAt,
      endedAt: this.deps.now().toISOString(),
      app: this.deps.app,
    });
    await this.deps.assessments.save(assessment);
    await markFinished(path);
    return summarise(assessment, scenario.title);
  }

  /** A log that ends with an `end` record (an interrupted one is closed as stopped). */
  private closed(log: SessionLog): SessionLog {
    const last = log.records.at(-1);
    if (last?.kind === 'end') return log;
    const end: SessionRecord = {
      kind: 'end',
      seq: (last?.seq ?? 0) + 1,
      time: last?.time ?? 0,
      reason: 'stopped',
    };
    return { ...log, records: [...log.records, end] };
  }
}
