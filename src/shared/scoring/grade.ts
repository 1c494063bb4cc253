/**
 * Building an assessment from a session, and re-grading one: the log is replayed through the
 * director and re-scored, and every stored part is compared with what the code computes now.
 */

import { contentHash, sameJson } from '../digest';
import { replaySession } from '../scenario/director/replay';
import type { SessionLog } from '../scenario/director/session-types';
import type { Scenario } from '../scenario/format/schema';
import { ASSESSMENT_FORMAT_VERSION, ASSESSMENT_TYPE, type Assessment } from './assessment';
import type { RunMode } from './judge';
import { scoreSession } from './scorer';

const hashes = new WeakMap<Scenario, string>();

/**
 * The content hash of a scenario as loaded (defaults filled in), which assessments record.
 * Remembered per scenario object: grading many assessments of one scenario hashes it once.
 */
export function scenarioHash(scenario: Scenario): string {
  let hash = hashes.get(scenario);
  if (hash === undefined) {
    hash = contentHash(scenario);
    hashes.set(scenario, hash);
  }
  return hash;
}

/** What it takes to write an assessment besides the scenario and the log. */
export interface AssessmentInput {
  readonly scenario: Scenario;
  readonly log: SessionLog;
  readonly trainee: { readonly name: string; readonly id?: string };
  readonly attemptId: string;
  readonly mode: RunMode;
  /** Wall-clock start, UTC ISO 8601 with milliseconds. */
  readonly startedAt: string;
  /** Wall-clock end; the start plus the session's simulated duration when not given. */
  readonly endedAt?: string;
  readonly app: { readonly name: string; readonly version: string };
}

/** The simulated duration of a session: the time of its last record. */
export function sessionDuration(log: SessionLog): number {
  return log.records.at(-1)?.time ?? 0;
}

/** Grades a session and returns its assessment document. */
export function createAssessment(input: AssessmentInput): Assessment {
  const { scenario, log } = input;
  const scored = scoreSession(scenario, log, input.mode);
  const durationMs = Math.round(sessionDuration(log));
  const endedAt = input.endedAt ?? new Date(Date.parse(input.startedAt) + durationMs).toISOString();
  return {
    type: ASSESSMENT_TYPE,
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    app: { name: input.app.name, version: input.app.version },
    scenario: {
      id: scenario.id,
      version: scenario.version,
      hash: scenarioHash(scenario),
      title: scenario.title,
      language: scenario.language,
      traineeParty: scenario.call.trainee,
    },
    trainee: input.trainee.id === undefined ? { name: input.trainee.name } : { ...input.trainee },
    attemptId: input.attemptId,
    mode: input.mode,
    seed: log.seed,
    startedAt: input.startedAt,
    endedAt,
    durationMs,
    log,
    result: scored.result,
    answers: [...scored.answers],
  };
}

/** No assessment starts before 2000. */
const EARLIEST = Date.UTC(2000, 0, 1);
/** How far a stored time may lie ahead of the checking machine's clock (clocks drift). */
const CLOCK_SLACK_MS = 10 * 60 * 1000;

/** What the caller knows beyond the file: the checking machine's clock, to refuse times in the future. */
export interface VerifyOptions {
  /** Milliseconds since the epoch, now; without it, times are checked only against each other. */
  readonly now?: number;
}

/** One way a stored assessment differs from what the code computes from its own log. */
export type VerificationProblem =
  | { readonly kind: 'scenario-hash'; readonly message: string }
  | { readonly kind: 'log'; readonly message: string; readonly seq: number | null }
  | { readonly kind: 'score'; readonly message: string }
  | { readonly kind: 'criteria'; readonly message: string; readonly criteria: ReadonlyArray<string> }
  | { readonly kind: 'answers'; readonly message: string }
  | { readonly kind: 'metadata'; readonly message: string };

/** The verdict of re-grading one assessment. */
export interface Verification {
  /**
   * Consistent: the log ends with its end record and replays exactly, the times agree with it,
   * the scenario's metadata are those of the scenario with its hash, and the stored score,
   * criteria and answers are what the scorer computes now. Says nothing of who made the file.
   */
  readonly verified: boolean;
  readonly problems: ReadonlyArray<VerificationProblem>;
  /** The result computed now from the log. */
  readonly recomputed: ReturnType<typeof scoreSession>;
}

/**
 * Re-grades an assessment against its scenario: the scenario must be the one it was taken on
 * (same hash), the log must be exactly what the director produces from its seed and the
 * trainee's inputs, and the stored score, criteria and answers must be what the scorer says now.
 */
export function verifyAssessment(
  assessment: Assessment,
  scenario: Scenario,
  options: VerifyOptions = {},
): Verification {
  const problems: VerificationProblem[] = [];
  const hash = scenarioHash(scenario);
  if (assessment.scenario.hash !== hash) {
    problems.push({
      kind: 'scenario-hash',
      message: `the scenario's hash is ${hash}, the assessment names ${assessment.scenario.hash}`,
    });
  }
  if (assessment.scenario.traineeParty !== scenario.call.trainee || assessment.seed !== assessment.log.seed) {
    problems.push({
      kind: 'metadata',
      message: 'the trainee party or the seed differ from the scenario and the log',
    });
  }
  const meta = assessment.scenario;
  const differs = (['version', 'title', 'language'] as const).filter((key) => meta[key] !== scenario[key]);
  if (differs.length > 0) {
    problems.push({
      kind: 'metadata',
      message: `the scenario's ${differs.join(', ')} in the assessment differ from the scenario with its hash`,
    });
  }
  const last = assessment.log.records.at(-1);
  if (last?.kind !== 'end') {
    // A log cut before a late mistake replays exactly: only its end record says it is whole.
    problems.push({
      kind: 'log',
      seq: null,
      message: 'the log does not end with an end record: it is cut off',
    });
  }
  const started = Date.parse(assessment.startedAt);
  const ended = Date.parse(assessment.endedAt);
  if (started < EARLIEST || ended < started) {
    problems.push({
      kind: 'metadata',
      message: `the times do not agree with the log: started ${assessment.startedAt}, ended ${assessment.endedAt}, ${assessment.durationMs} ms played`,
    });
  } else if (options.now !== undefined && ended > options.now + CLOCK_SLACK_MS) {
    problems.push({
      kind: 'metadata',
      message: `the times lie in the future: started ${assessment.startedAt}, ended ${assessment.endedAt}`,
    });
  }
  const replay = replaySession(scenario, assessment.log);
  if (!replay.identical) {
    const divergence = replay.divergence;
    const seq = divergence?.kind === 'record' ? divergence.seq : null;
    problems.push({
      kind: 'log',
      seq,
      message:
        divergence?.kind === 'scenario'
          ? `the log is of ${divergence.recorded.id} ${divergence.recorded.version}, not ${divergence.replayed.id} ${divergence.replayed.version}`
          : `the log departs from a replay of its own inputs at record ${seq}`,
    });
  }
  const recomputed = scoreSession(scenario, assessment.log, assessment.mode);
  const stored = assessment.result;
  const now = recomputed.result;
  if (
    stored.raw !== now.raw ||
    stored.max !== now.max ||
    stored.scaled !== now.scaled ||
    stored.passed !== now.passed ||
    stored.passMark !== now.passMark
  ) {
    problems.push({
      kind: 'score',
      message: `stored score ${stored.raw}/${stored.max}, recomputed ${now.raw}/${now.max}`,
    });
  }
  const differing = now.criteria
    .filter((criterion) => {
      const old = stored.criteria.find((candidate) => candidate.id === criterion.id);
      return old === undefined || !sameJson(old, criterion);
    })
    .map((criterion) => criterion.id);
  if (differing.length > 0 || stored.criteria.length !== now.criteria.length) {
    problems.push({
      kind: 'criteria',
      message: `criteria differ: ${differing.join(', ') || 'count'}`,
      criteria: differing,
    });
  }
  if (!sameJson(assessment.answers, recomputed.answers)) {
    problems.push({ kind: 'answers', message: 'the stored answers differ from the log' });
  }
  if (assessment.durationMs !== Math.round(sessionDuration(assessment.log))) {
    problems.push({ kind: 'metadata', message: 'the stored duration differs from the log' });
  }
  return { verified: problems.length === 0, problems, recomputed };
}
