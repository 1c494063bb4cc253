/**
 * One judge per criterion kind: a pure function of the scenario, the timeline and the run's
 * mode that says whether the criterion is met and which records show it.
 */
import { hears, type LogEntry, legOf } from '../conference';
import { evaluateCondition, matchesPattern } from '../scenario/format/conditions';
import type { Criterion } from '../scenario/format/rubric';
import type { Scenario } from '../scenario/format/schema';
import type { EventPattern } from '../scenario/format/vocabulary';
import type { AnswerResult } from './assessment';
import type { Evidence } from './result';
import { spanOf, type Timeline, type TimelinePoint } from './timeline';

/** Whether the run was practice (coached) or assessment (scored like the CCP). */
export type RunMode = 'practice' | 'assessment';

/** What a judge needs besides the criterion. */
export interface JudgeContext {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly answers: ReadonlyArray<AnswerResult>;
  readonly mode: RunMode;
}

/** A judge's verdict. */
export interface Verdict {
  readonly met: boolean;
  readonly evidence: ReadonlyArray<Evidence>;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function describeEntry(entry: LogEntry): string {
  const target = entry.target ? ` ${entry.target}` : '';
  const outcome =
    entry.result.status === 'refused' ? ` (refused: ${entry.result.reason}, ${entry.result.rule})` : '';
  return `${entry.actor}: ${entry.type}${target}${outcome}`;
}

function evidenceOf(point: TimelinePoint, note?: string): Evidence {
  return {
    seq: point.seq,
    time: point.time,
    note: note ?? (point.entry ? describeEntry(point.entry) : 'start'),
  };
}

function entries(timeline: Timeline): ReadonlyArray<TimelinePoint & { readonly entry: LogEntry }> {
  return timeline.points.filter(
    (point): point is TimelinePoint & { entry: LogEntry } => point.entry !== null,
  );
}

function firstMatch(
  timeline: Timeline,
  pattern: EventPattern,
): (TimelinePoint & { entry: LogEntry }) | undefined {
  return entries(timeline).find((point) => matchesPattern(pattern, point.entry));
}

/** Judges one criterion. */
export function judge(criterion: Criterion, context: JudgeContext): Verdict {
  const { timeline, scenario } = context;
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
      const met =
        matches.length >= atLeast && (criterion.atMost === undefined || matches.length <= criterion.atMost);
      return { met, evidence: matches.map((point) => evidenceOf(point)) };
    }
    case 'order': {
      const before = firstMatch(timeline, criterion.before);
      const after = firstMatch(timeline, criterion.after);
      const evidence = [before, after].filter((p) => p !== undefined).map((point) => evidenceOf(point));
      return { met: before !== undefined && after !== undefined && before.seq < after.seq, evidence };
    }
    case 'consulted-before-join':
      return judgeConsult(criterion.party, criterion.seconds * 1000, context);
    case 'hold-discipline':
      return judgeHold(criterion, context);
    case 'privacy': {
      const heard = timeline.points.find((point) =>
        hears(point.state, criterion.listener, criterion.speaker),
      );
      return heard
        ? { met: false, evidence: [evidenceOf(heard, `${criterion.listener} hears ${criterion.speaker}`)] }
        : { met: true, evidence: [] };
    }
    case 'state-reached': {
      const limit = criterion.before ? firstMatch(timeline, criterion.before) : undefined;
      const by = criterion.bySeconds === undefined ? Number.POSITIVE_INFINITY : criterion.bySeconds * 1000;
      const reached = timeline.points.find(
        (point) =>
          point.time <= by &&
          (limit === undefined || point.seq < limit.seq) &&
          evaluateCondition(criterion.condition, point.state),
      );
      return reached ? { met: true, evidence: [evidenceOf(reached)] } : { met: false, evidence: [] };
    }
    case 'final-state': {
      const point = finalPoint(context);
      return { met: evaluateCondition(criterion.condition, point.state), evidence: [evidenceOf(point)] };
    }
    case 'answer-correct': {
      const answer = context.answers.find((candidate) => candidate.question === criterion.question);
      const record = [...timeline.records]
        .reverse()
        .find((r) => r.kind === 'answer' && r.question === criterion.question);
      const evidence = record
        ? [
            {
              seq: record.seq,
              time: record.time,
              note: `answered "${answer?.given ?? ''}", correct: "${answer?.correctAnswer ?? ''}"`,
            },
          ]
        : [];
      return { met: answer?.correct === true, evidence };
    }
    case 'refused-attempts': {
      const refused = entries(timeline).filter(
        (point) => point.entry.actor === trainee && point.entry.result.status === 'refused',
      );
      // A practice run coaches: refused attempts are explained there, and cost nothing.
      const met = context.mode === 'practice' || refused.length <= criterion.max;
      return { met, evidence: refused.map((point) => evidenceOf(point)) };
    }
    case 'time-limit':
      return {
        met: timeline.endTime <= criterion.seconds * 1000,
        evidence: [
          {
            seq: timeline.records.at(-1)?.seq ?? 0,
            time: timeline.endTime,
            note: `ended at ${seconds(timeline.endTime)}`,
          },
        ],
      };
  }
}

/** The point at which the trainee's leg ended (after it had connected), else the last point. */
export function finalPoint(context: JudgeContext): TimelinePoint {
  const trainee = context.scenario.call.trainee;
  let connected = false;
  for (const point of context.timeline.points) {
    const leg = legOf(point.state, trainee);
    if (leg?.state === 'connected' || leg?.state === 'hold') connected = true;
    if (connected && leg?.state === 'disconnected') return point;
  }
  return context.timeline.points.at(-1) as TimelinePoint;
}

function judgeConsult(party: string, minimumMs: number, context: JudgeContext): Verdict {
  const { timeline, scenario } = context;
  const trainee = scenario.call.trainee;
  const caller = scenario.parties.find((p) => p.kind === 'caller')?.id ?? 'caller';
  const points = timeline.points;
  const connectedIndex = points.findIndex((point, index) => {
    const before = index > 0 ? legOf(points[index - 1]?.state ?? point.state, party)?.state : undefined;
    return legOf(point.state, party)?.state === 'connected' && before !== 'connected';
  });
  if (connectedIndex < 0) return { met: false, evidence: [] };
  const connected = points[connectedIndex] as TimelinePoint;
  const joinIndex = points.findIndex(
    (point, index) =>
      index > connectedIndex && point.entry?.type === 'join' && point.entry.result.status === 'accepted',
  );
  if (joinIndex < 0)
    return { met: false, evidence: [evidenceOf(connected, `${party} connected, never joined`)] };
  const join = points[joinIndex] as TimelinePoint;
  let talkedMs = 0;
  for (let index = connectedIndex; index < joinIndex; index++) {
    const point = points[index] as TimelinePoint;
    if (hears(point.state, caller, party)) {
      return { met: false, evidence: [evidenceOf(point, `${caller} heard ${party} before the join`)] };
    }
    if (hears(point.state, trainee, party) && hears(point.state, party, trainee)) {
      const span = spanOf(timeline, index);
      talkedMs += Math.min(span.to, join.time) - span.from;
    }
  }
  return {
    met: talkedMs >= minimumMs,
    evidence: [
      evidenceOf(connected, `${party} connected`),
      evidenceOf(join, `joined after ${seconds(talkedMs)} of private consultation`),
    ],
  };
}

function judgeHold(
  criterion: Extract<Criterion, { kind: 'hold-discipline' }>,
  { timeline, scenario }: JudgeContext,
): Verdict {
  const parties = criterion.party ? [criterion.party] : scenario.parties.map((p) => p.id);
  const evidence: Evidence[] = [];
  let met = true;
  for (const party of parties) {
    let start: { time: number; seq: number } | null = null;
    let longest = 0;
    let total = 0;
    const close = (time: number) => {
      if (start === null) return;
      const length = time - start.time;
      longest = Math.max(longest, length);
      total += length;
      if (criterion.maxStretchSeconds !== undefined && length > criterion.maxStretchSeconds * 1000) {
        met = false;
        evidence.push({
          seq: start.seq,
          time: start.time,
          note: `${party} on hold for ${seconds(length)} in one stretch`,
        });
      }
      start = null;
    };
    for (const point of timeline.points) {
      const onHold = legOf(point.state, party)?.state === 'hold';
      if (onHold && start === null) start = { time: point.time, seq: point.seq };
      if (!onHold) close(point.time);
    }
    close(Math.max(timeline.endTime, timeline.points.at(-1)?.time ?? 0));
    if (criterion.maxTotalSeconds !== undefined && total > criterion.maxTotalSeconds * 1000) {
      met = false;
      evidence.push({ seq: 0, time: 0, note: `${party} on hold for ${seconds(total)} in total` });
    }
  }
  return { met, evidence };
}
