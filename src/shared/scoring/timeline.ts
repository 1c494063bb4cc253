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
  step,
} from '../conference';
import type { SessionLog, SessionRecord } from '../scenario/director/session-types';

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
