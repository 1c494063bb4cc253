/**
 * The call's states through a session, rebuilt from the log's events with the conference
 * engine (the recorded leg snapshots are not trusted: the engine re-derives every state).
 */
import {
  type ConferenceConfig,
  type ConferenceState,
  eventOfEntry,
  initialState,
  type LogEntry,
  legOf,
  step,
} from '../conference';
import type { SessionLog, SessionRecord } from '../scenario/director/session-types';
import { matchesPattern } from '../scenario/format/conditions';
import type { Scenario } from '../scenario/format/schema';
import type { EventPattern } from '../scenario/format/vocabulary';
import type { Notes } from './notes';
import type { Evidence } from './result';

/** The state of the call after one record of the log (or at the start, `seq` 0). */
export interface TimelinePoint {
  readonly seq: number;
  readonly time: number;
  readonly state: ConferenceState;
  /** The conference entry of this point, re-derived by the engine; null for the start. */
  readonly entry: LogEntry | null;
}

/** The session as the scorer reads it. */
export interface Timeline {
  /** The start, then one point per event record, in log order. */
  readonly points: ReadonlyArray<TimelinePoint>;
  /** The time the session ended (its `end` record, else its last record). */
  readonly endTime: number;
  readonly records: ReadonlyArray<SessionRecord>;
}

/** Replays the log's events through the engine and returns every state on the way. */
export function buildTimeline(config: ConferenceConfig, log: SessionLog): Timeline {
  let state = initialState(config);
  const points: TimelinePoint[] = [{ seq: 0, time: 0, state, entry: null }];
  for (const record of log.records) {
    if (record.kind !== 'event') continue;
    const result = step(state, eventOfEntry(record.entry), record.entry.seq);
    state = result.state;
    points.push({ seq: record.seq, time: record.time, state, entry: result.entry });
  }
  const last = log.records.at(-1);
  const end = log.records.find((record) => record.kind === 'end');
  return { points, endTime: end?.time ?? last?.time ?? 0, records: log.records };
}

/** The time from a point until the next point (or the end of the session). */
export function spanOf(timeline: Timeline, index: number): { readonly from: number; readonly to: number } {
  const point = timeline.points[index];
  const next = timeline.points[index + 1];
  const from = point?.time ?? 0;
  return { from, to: next?.time ?? Math.max(from, timeline.endTime) };
}

/** A point of the timeline that carries an entry. */
export type EntryPoint = TimelinePoint & { readonly entry: LogEntry };

/** The points that carry an entry, in log order. */
export function entries(timeline: Timeline): ReadonlyArray<EntryPoint> {
  return timeline.points.filter((point): point is EntryPoint => point.entry !== null);
}

/** The first point whose entry matches a pattern. */
export function firstMatch(timeline: Timeline, pattern: EventPattern): EntryPoint | undefined {
  return entries(timeline).find((point) => matchesPattern(pattern, point.entry));
}

/** Evidence of a point: its entry in words, or the note given. */
export function evidenceOf(point: TimelinePoint, notes: Notes, note?: string): Evidence {
  return {
    seq: point.seq,
    time: point.time,
    note: note ?? (point.entry ? notes.entry(point.entry) : notes.words.start),
  };
}

/**
 * The point at which the trainee left the call (their accepted `leave`) or, when the contact
 * ended without them leaving and they cleared it, the point at which their leg ended. Null when
 * they did neither: a trainee who never left has not finished the call.
 */
export function traineeExit(scenario: Scenario, timeline: Timeline): TimelinePoint | null {
  const trainee = scenario.call.trainee;
  const all = entries(timeline);
  const accepted = (type: string) =>
    all.find(
      (p) => p.entry.actor === trainee && p.entry.type === type && p.entry.result.status === 'accepted',
    );
  const leave = accepted('leave');
  if (leave !== undefined) return leave;
  if (accepted('clear') === undefined) return null;
  let connected = false;
  for (const point of timeline.points) {
    const leg = legOf(point.state, trainee);
    if (leg?.state === 'connected' || leg?.state === 'hold') connected = true;
    if (connected && leg?.state === 'disconnected') return point;
  }
  return null;
}
