import type { Scenario, SessionLog, SessionRecord } from '@shared/scenario';
import { replaySession } from '@shared/scenario';
import type { Assessment } from '@shared/scoring/assessment';
import { createAssessment } from '@shared/scoring/grade';
import type { JournalHeader } from '../storage/journal';

/** Everything grading a session needs: plain data, so that it can be sent to a worker thread. */
export interface GradeJob {
  readonly scenario: Scenario;
  readonly header: JournalHeader;
  readonly records: ReadonlyArray<SessionRecord>;
  readonly endedAt: string;
  readonly app: { readonly name: string; readonly version: string };
}

/** A log that ends with an `end` record (an interrupted one is closed as stopped). */
function closed(log: SessionLog): SessionLog {
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

/**
 * Grades a journal's records: the trainee's inputs are taken from them and played again, so the
 * assessment's log and score are this code's, whatever the renderer sent. Linear in records.
 */
export function gradeSession(job: GradeJob): Assessment {
  const { scenario, header } = job;
  const recorded: SessionLog = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed: header.seed,
    records: job.records,
  };
  const log = closed(replaySession(scenario, recorded).replayed.log);
  return createAssessment({
    scenario,
    log,
    trainee: header.trainee,
    attemptId: header.attemptId,
    mode: header.mode,
    startedAt: header.startedAt,
    endedAt: job.endedAt,
    app: job.app,
  });
}
