import { mkdir, stat } from 'node:fs/promises';
import type { AssessmentSummary, ResumedSession, UnfinishedSession } from '@shared/ipc';
import type { Scenario, SessionRecord } from '@shared/scenario';
import { SessionRecordSchema } from '@shared/scenario';
import { scenarioHash } from '@shared/scoring/grade';
import type { RunMode } from '@shared/scoring/judge';
import { type Grader, gradeInThread } from '../grading/grader';
import {
  finishedPath,
  Journal,
  type JournalContents,
  type JournalHeader,
  type JournalWriter,
  journalPath,
  markFinished,
  normaliseAttemptId,
  readJournal,
  unfinishedJournals,
} from '../storage/journal';
import { type AssessmentStore, summarise } from './assessments';

/** The most bytes of JSON one record may take (a line's text, a question's answer...). */
export const MAX_RECORD_BYTES = 16 * 1024;
/**
 * The most records one session's journal may hold: far more than any real session, few enough
 * to grade in seconds, and below the 100,000 a stored log may hold, leaving room for the records
 * the replay closes a session with.
 */
export const MAX_SESSION_RECORDS = 90_000;

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
  /** How journals write; tests give one that fails like a full disk. */
  readonly journalWriter?: JournalWriter;
  /** Where finished and recovered sessions are graded; in this thread when not given. */
  readonly grade?: Grader;
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
  /** The last operation queued on each attempt: append, finish and recover run one at a time. */
  private readonly queues = new Map<string, Promise<unknown>>();

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
    const journal = await Journal.create(this.deps.journalsFolder, header, this.deps.journalWriter);
    this.open.set(header.attemptId, { header, journal, lastSeq: 0 });
    return { attemptId: header.attemptId, seed: header.seed, startedAt: header.startedAt };
  }

  /**
   * Appends records; they must continue the attempt's numbering without a gap. All or nothing:
   * when the journal cannot be written none of the records is kept, so the same batch may be
   * sent again.
   */
  append(attemptId: string, records: ReadonlyArray<SessionRecord>): Promise<{ written: number }> {
    const id = normaliseAttemptId(attemptId);
    return this.serial(id, async () => {
      const session = this.require(id);
      let expected = session.lastSeq + 1;
      for (const [index, record] of records.entries()) {
        if (record.seq !== expected) {
          throw new Error(
            `records[${index}].seq is ${record.seq}; the next record of this attempt is ${expected}`,
          );
        }
        const bytes = Buffer.byteLength(JSON.stringify(record), 'utf8');
        if (bytes > MAX_RECORD_BYTES) {
          throw new Error(
            `records[${index}] is ${bytes} bytes of JSON; a record may take at most ${MAX_RECORD_BYTES}`,
          );
        }
        expected++;
      }
      if (expected - 1 > MAX_SESSION_RECORDS) {
        throw new Error(
          `a session may hold at most ${MAX_SESSION_RECORDS} records; this batch would make ${expected - 1}`,
        );
      }
      await session.journal.append(records);
      session.lastSeq = expected - 1;
      return { written: records.length };
    });
  }

  /**
   * Ends an attempt: grades its journal and stores the assessment. Finishing an attempt that is
   * finished already answers with its stored assessment again.
   */
  finish(attemptId: string): Promise<AssessmentSummary> {
    const id = normaliseAttemptId(attemptId);
    return this.serial(id, async () => {
      const session = this.open.get(id);
      if (!session) return this.finishedSummary(id);
      await session.journal.close();
      this.open.delete(id);
      return this.grade(journalPath(this.deps.journalsFolder, id));
    });
  }

  /** The attempts whose journals were never finished and are not open now, with what is damaged in them. */
  async unfinished(): Promise<ReadonlyArray<UnfinishedSession>> {
    const result: UnfinishedSession[] = [];
    for (const path of await unfinishedJournals(this.deps.journalsFolder)) {
      const contents = await readJournal(path).catch(() => null);
      if (!contents || this.open.has(contents.header.attemptId)) continue;
      const { records, damagedLines } = recordsOf(contents);
      result.push({
        attemptId: contents.header.attemptId,
        scenarioId: contents.header.scenarioId,
        trainee: contents.header.trainee.name,
        startedAt: contents.header.startedAt,
        records: records.length,
        truncatedTail: contents.truncatedTail,
        damagedLines: [...damagedLines],
      });
    }
    return result;
  }

  /** Grades an unfinished attempt as it stands (stopped at its last record) and stores it. */
  recover(attemptId: string): Promise<AssessmentSummary> {
    const id = normaliseAttemptId(attemptId);
    return this.serial(id, async () => {
      if (this.open.has(id)) throw new Error(`attempt ${id} is still running`);
      return this.grade(journalPath(this.deps.journalsFolder, id));
    });
  }

  /**
   * Opens an unfinished attempt again to go on with it: its journal takes further records after
   * its last complete one. Answers with what the renderer needs to rebuild the session: the
   * scenario it was taken on, the header's mode, trainee, seed and start, and the journal's
   * records so far, with what was cut off or damaged. Refused for an attempt that is running in
   * this app, that is finished, whose scenario is gone, or whose records have a gap or an end.
   */
  resume(attemptId: string): Promise<ResumedSession> {
    const id = normaliseAttemptId(attemptId);
    return this.serial(id, async () => {
      if (this.open.has(id)) throw new Error(`attempt ${id} is running already`);
      const finished = await stat(finishedPath(this.deps.journalsFolder, id)).then(
        () => true,
        () => false,
      );
      if (finished) throw new Error(`attempt ${id} is finished; it cannot go on`);
      const path = journalPath(this.deps.journalsFolder, id);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) throw new Error(`no unfinished session ${id}`);
      const contents = await readJournal(path);
      const { header } = contents;
      const scenario = await this.deps.findScenario(header.scenarioId, header.scenarioHash);
      if (!scenario) {
        throw new Error(
          `the scenario "${header.scenarioId}" of attempt ${id} is no longer in the library in the version it was taken on`,
        );
      }
      const { records, damagedLines } = recordsOf(contents);
      for (const [index, record] of records.entries()) {
        if (record.seq !== index + 1) {
          throw new Error(
            `the journal of attempt ${id} has no record ${index + 1} (the next one is ${record.seq}); it can only be closed as stopped`,
          );
        }
      }
      const last = records.at(-1);
      if (last?.kind === 'end') {
        throw new Error(`the session of attempt ${id} ended at record ${last.seq}; close it to grade it`);
      }
      const journal = await Journal.reopen(path, this.deps.journalWriter);
      this.open.set(id, { header, journal, lastSeq: records.length });
      return {
        attemptId: id,
        scenario,
        mode: header.mode,
        trainee: { ...header.trainee },
        seed: header.seed,
        startedAt: header.startedAt,
        records,
        truncatedTail: contents.truncatedTail,
        damagedLines,
      };
    });
  }

  /**
   * The page that played the running sessions has gone (it reloaded or crashed): each journal is
   * closed once the operations queued on it have settled, and its attempt is unfinished again,
   * to be resumed or closed as stopped.
   */
  async release(): Promise<void> {
    await Promise.all(
      [...this.open.keys()].map((id) =>
        this.serial(id, async () => {
          const session = this.open.get(id);
          if (!session) return;
          this.open.delete(id);
          await session.journal.close();
        }),
      ),
    );
  }

  private require(attemptId: string): OpenSession {
    const session = this.open.get(attemptId);
    if (!session) throw new Error(`no running session ${attemptId}`);
    return session;
  }

  /** Runs `task` after every operation queued on the attempt before it has settled. */
  private serial<T>(attemptId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(attemptId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(attemptId, settled);
    void settled.then(() => {
      if (this.queues.get(attemptId) === settled) this.queues.delete(attemptId);
    });
    return next;
  }

  /** The stored assessment of a finished attempt, as `finish` answered the first time. */
  private async finishedSummary(attemptId: string): Promise<AssessmentSummary> {
    const done = await stat(finishedPath(this.deps.journalsFolder, attemptId)).then(
      () => true,
      () => false,
    );
    if (!done) throw new Error(`no running session ${attemptId}`);
    const assessment = await this.deps.assessments.get(attemptId);
    const scenario = await this.deps.findScenario(assessment.scenario.id, assessment.scenario.hash);
    return summarise(assessment, scenario?.title);
  }

  private async grade(path: string): Promise<AssessmentSummary> {
    const contents = await readJournal(path);
    const { header } = contents;
    const scenario = await this.deps.findScenario(header.scenarioId, header.scenarioHash);
    if (!scenario)
      throw new Error(`the scenario "${header.scenarioId}" of this attempt is no longer in the library`);
    const { records, damagedLines } = recordsOf(contents);
    // Replay and scoring run in the grader (a worker thread in the app): linear in records, and
    // never on the thread that answers the window.
    const assessment = await (this.deps.grade ?? gradeInThread)({
      scenario,
      header,
      records,
      endedAt: this.deps.now().toISOString(),
      app: this.deps.app,
    });
    await this.deps.assessments.save(assessment);
    await markFinished(path);
    const summary = summarise(assessment, scenario.title);
    return damagedLines.length === 0 ? summary : { ...summary, damagedLines: [...damagedLines] };
  }
}

/**
 * The records of a journal and the numbers of the lines that are not records: lines that are not
 * JSON, and JSON lines that are not session records. Graded sessions and the list of unfinished
 * ones report them; none is dropped without saying so.
 */
function recordsOf(contents: JournalContents): { records: SessionRecord[]; damagedLines: number[] } {
  const records: SessionRecord[] = [];
  const damagedLines = [...contents.damagedLines];
  for (const { line, value } of contents.lines) {
    const parsed = SessionRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else damagedLines.push(line);
  }
  if (records.length > MAX_SESSION_RECORDS) {
    throw new Error(
      `the journal holds ${records.length} records; a session may hold at most ${MAX_SESSION_RECORDS}`,
    );
  }
  return { records, damagedLines: damagedLines.sort((a, b) => a - b) };
}
