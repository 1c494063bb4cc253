/**
 * One judge per criterion kind: a pure function of the scenario, the timeline and the run's
 * mode that says whether the criterion is met, not met, or not reached (it did not apply), which
 * records show it, and the facts its feedback may name.
 */
import { hears, legOf } from '../conference';
import { evaluateCondition, matchesPattern } from '../scenario/format/conditions';
import type { Applicability, Criterion } from '../scenario/format/rubric';
import type { Scenario } from '../scenario/format/schema';
import type { EventPattern } from '../scenario/format/vocabulary';
import type { AnswerResult } from './assessment';
import { judgeConsult, judgeHold, judgePartyKept } from './judge-calls';
import { type Notes, notesFor } from './notes';
import type { CriterionStatus, Evidence } from './result';
import { entries, evidenceOf, firstMatch, type Timeline, type TimelinePoint, traineeExit } from './timeline';

/** Whether the run was practice (coached) or assessment (scored like the CCP). */
export type RunMode = 'practice' | 'assessment';

/** What a judge needs besides the criterion. */
export interface JudgeContext {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly answers: ReadonlyArray<AnswerResult>;
  readonly mode: RunMode;
  readonly notes: Notes;
  /** The point at which the trainee left (or, after the contact ended, cleared); null if never. */
  readonly exit: TimelinePoint | null;
}

/** A judge's verdict. */
export interface Verdict {
  readonly status: CriterionStatus;
  readonly evidence: ReadonlyArray<Evidence>;
  /** Facts the feedback may name (`{refusals}`, `{longestHold}`, ...), in the scenario's language. */
  readonly facts?: Readonly<Record<string, string>>;
}

/** The context of a run, for `judge`. */
export function judgeContext(
  scenario: Scenario,
  timeline: Timeline,
  answers: ReadonlyArray<AnswerResult>,
  mode: RunMode,
): JudgeContext {
  return {
    scenario,
    timeline,
    answers,
    mode,
    notes: notesFor(scenario),
    exit: traineeExit(scenario, timeline),
  };
}

const met = (evidence: ReadonlyArray<Evidence> = [], facts?: Record<string, string>): Verdict => ({
  status: 'met',
  evidence,
  ...(facts ? { facts } : {}),
});
const notMet = (evidence: ReadonlyArray<Evidence> = [], facts?: Record<string, string>): Verdict => ({
  status: 'not-met',
  evidence,
  ...(facts ? { facts } : {}),
});
const NOT_REACHED: Verdict = { status: 'not-reached', evidence: [] };

/** The points up to the trainee's exit (all of them when the trainee never left). */
function pointsUntilExit(context: JudgeContext): ReadonlyArray<TimelinePoint> {
  const exit = context.exit;
  return exit === null ? context.timeline.points : context.timeline.points.filter((p) => p.seq <= exit.seq);
}

/** Whether an explicit `appliesWhen` holds: the state was reached and/or the event logged before the exit. */
export function applies(applicability: Applicability, context: JudgeContext): boolean {
  const points = pointsUntilExit(context);
  const { reached, event } = applicability;
  if (reached !== undefined && !points.some((p) => evaluateCondition(reached, p.state))) return false;
  if (event !== undefined && !points.some((p) => p.entry !== null && matchesPattern(event, p.entry)))
    return false;
  return true;
}

/** Judges one criterion (its `appliesWhen` first: a criterion that does not apply is not reached). */
export function judge(criterion: Criterion, context: JudgeContext): Verdict {
  if (criterion.appliesWhen !== undefined && !applies(criterion.appliesWhen, context)) return NOT_REACHED;
  const { timeline, scenario, notes } = context;
  const trainee = scenario.call.trainee;
  switch (criterion.kind) {
    case 'action-used': {
      const pattern: EventPattern = {
        event: criterion.action,
        actor: criterion.actor ?? trainee,
        ...(criterion.target === undefined ? {} : { target: criterion.target }),
      };
      const matches = entries(timeline).filter((point) => matchesPattern(pattern, point.entry));
      const atLeast = criterion.atLeast ?? (criterion.atMost === undefined ? 1 : 0);
      const ok =
        matches.length >= atLeast && (criterion.atMost === undefined || matches.length <= criterion.atMost);
      const evidence = matches.map((point) => evidenceOf(point, notes));
      const facts = { count: String(matches.length) };
      return ok ? met(evidence, facts) : notMet(evidence, facts);
    }
    case 'order': {
      const before = firstMatch(timeline, criterion.before);
      const after = firstMatch(timeline, criterion.after);
      const evidence = [before, after]
        .filter((p) => p !== undefined)
        .map((point) => evidenceOf(point, notes));
      return before !== undefined && after !== undefined && before.seq < after.seq
        ? met(evidence)
        : notMet(evidence);
    }
    case 'consulted-before-join':
      return judgeConsult(criterion.party, criterion.seconds * 1000, context);
    case 'hold-discipline':
      return judgeHold(criterion, context);
    case 'party-kept':
      return judgePartyKept(criterion.party, context);
    case 'privacy': {
      const spoke = timeline.points.some((p) => legOf(p.state, criterion.speaker)?.state === 'connected');
      if (!spoke) return NOT_REACHED;
      const heard = timeline.points.find((point) =>
        hears(point.state, criterion.listener, criterion.speaker),
      );
      const note = notes.words.heard(notes.name(criterion.listener), notes.name(criterion.speaker));
      return heard ? notMet([evidenceOf(heard, notes, note)]) : met();
    }
    case 'state-reached':
      return judgeStateReached(criterion, context);
    case 'final-state': {
      const exit = context.exit;
      if (exit === null) {
        const last = timeline.points.at(-1) as TimelinePoint;
        return notMet([evidenceOf(last, notes, notes.words.notLeft)]);
      }
      const evidence = [evidenceOf(exit, notes)];
      return evaluateCondition(criterion.condition, exit.state) ? met(evidence) : notMet(evidence);
    }
    case 'answer-correct': {
      // A question never put to the trainee is not reached, even if the log carries an answer to
      // it: the console offers only the questions asked, so nothing is scored for one never asked.
      const asked = timeline.records.some((r) => r.kind === 'question' && r.question === criterion.question);
      if (!asked) return NOT_REACHED;
      const answer = context.answers.find((candidate) => candidate.question === criterion.question);
      const record = [...timeline.records]
        .reverse()
        .find((r) => r.kind === 'answer' && r.question === criterion.question);
      const evidence = record
        ? [
            {
              seq: record.seq,
              time: record.time,
              note: notes.words.answered(answer?.given ?? '', answer?.correctAnswer ?? ''),
            },
          ]
        : [];
      return answer?.correct === true ? met(evidence) : notMet(evidence);
    }
    case 'refused-attempts': {
      const refused = entries(timeline).filter(
        (point) => point.entry.actor === trainee && point.entry.result.status === 'refused',
      );
      const evidence = refused.map((point) => evidenceOf(point, notes));
      const facts = {
        count: String(refused.length),
        refusals: evidence.length === 0 ? notes.words.none : evidence.map((e) => e.note).join('; '),
      };
      // A practice run coaches: refused attempts are explained there, and cost nothing.
      return context.mode === 'practice' || refused.length <= criterion.max
        ? met(evidence, facts)
        : notMet(evidence, facts);
    }
    case 'time-limit': {
      const exit = context.exit;
      if (exit === null) return NOT_REACHED;
      const time = criterion.until === 'session-end' ? timeline.endTime : exit.time;
      const note = notes.words.endedAt(notes.duration(time));
      const evidence = [{ seq: exit.seq, time, note }];
      const facts = { time: notes.duration(time) };
      return time <= criterion.seconds * 1000 ? met(evidence, facts) : notMet(evidence, facts);
    }
  }
}

function judgeStateReached(
  criterion: Extract<Criterion, { kind: 'state-reached' }>,
  context: JudgeContext,
): Verdict {
  const { timeline, notes } = context;
  const limit = criterion.before ? firstMatch(timeline, criterion.before) : undefined;
  const start = criterion.after ? firstMatch(timeline, criterion.after) : undefined;
  if (criterion.after !== undefined && start === undefined) return notMet();
  const by = criterion.bySeconds === undefined ? Number.POSITIVE_INFINITY : criterion.bySeconds * 1000;
  const need = (criterion.forSeconds ?? 0) * 1000;
  const points = timeline.points;
  let runStart: TimelinePoint | null = null;
  for (let index = 0; index < points.length; index++) {
    const point = points[index] as TimelinePoint;
    const inWindow =
      point.time <= by &&
      (limit === undefined || point.seq < limit.seq) &&
      (start === undefined || point.seq >= start.seq);
    if (!evaluateCondition(criterion.condition, point.state) || (runStart === null && !inWindow)) {
      runStart = null;
      continue;
    }
    runStart ??= point;
    const until = points[index + 1]?.time ?? Math.max(point.time, timeline.endTime);
    if (until - runStart.time >= need) {
      const note =
        need > 0 ? notes.words.stateHeld(notes.duration(until - runStart.time)) : notes.words.stateReached;
      return met([evidenceOf(runStart, notes, note)]);
    }
  }
  return notMet();
}
