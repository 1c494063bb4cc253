/**
 * The replay's picture of a session, computed by playing the log through the conference engine
 * (`buildTimeline` in src/shared): lanes, bands, markers and the state at any instant. Nothing
 * here decides a rule; states, refusals and who hears whom all come from src/shared.
 */
import { type ConferenceState, hearing, type LogEntry, type PartyId } from '@shared/conference';
import { type Cue, conferenceConfigOf, cuesOf, type Scenario, type SessionLog } from '@shared/scenario';
import { buildTimeline, spanOf, type Timeline } from '@shared/scoring/timeline';

/** What a lane shows for a stretch of time. */
export type BandState = 'connecting' | 'connected' | 'hold' | 'muted' | 'disconnected';

/** One lane: a party of the scenario. */
export interface Lane {
  readonly party: PartyId;
  readonly name: string;
  readonly kind: 'caller' | 'agent' | 'external';
  readonly trainee: boolean;
}

/** A stretch of one lane in one state. */
export interface Band {
  readonly party: PartyId;
  readonly state: BandState;
  readonly from: number;
  readonly to: number;
}

/** An action or scripted event, as the engine re-derived it. */
export interface EventMarker {
  readonly seq: number;
  readonly time: number;
  readonly entry: LogEntry;
  /** Whether the trainee took it. */
  readonly byTrainee: boolean;
}

/** A line a party said, or a goal shown. */
export type TopMarker =
  | {
      readonly kind: 'line';
      readonly seq: number;
      readonly time: number;
      readonly party: PartyId;
      readonly text: string;
    }
  | {
      readonly kind: 'goal';
      readonly seq: number;
      readonly time: number;
      readonly goal: string;
      readonly text: string;
    };

/** The whole picture of a session. */
export interface ReplayModel {
  readonly lanes: ReadonlyArray<Lane>;
  readonly bands: ReadonlyArray<Band>;
  readonly events: ReadonlyArray<EventMarker>;
  readonly top: ReadonlyArray<TopMarker>;
  readonly endTime: number;
  readonly timeline: Timeline;
  /** Every cue the session played, in order, derived from the log as the director derives them. */
  readonly cues: ReadonlyArray<Cue>;
  /** What the cue player needs of the scenario to play the cues. */
  readonly sound: {
    readonly country: string;
    readonly language: 'en' | 'de';
    readonly scenarioId: string;
    readonly trainee: PartyId;
  };
}

/** One leg at an instant. */
export interface LegAtInstant {
  readonly party: PartyId;
  readonly state: BandState;
}

/** What the replay shows at one instant. */
export interface Instant {
  readonly time: number;
  readonly state: ConferenceState;
  readonly legs: ReadonlyArray<LegAtInstant>;
  /** Listener → the parties they hear (from the engine's `hearing`). */
  readonly hears: Readonly<Record<PartyId, ReadonlyArray<PartyId>>>;
  /** The lines said in the seconds up to this instant, oldest first. */
  readonly captions: ReadonlyArray<Extract<TopMarker, { kind: 'line' }>>;
  /** The goal shown last before this instant. */
  readonly goal: Extract<TopMarker, { kind: 'goal' }> | null;
}

/** How long a line stays among the captions of an instant. */
export const CAPTION_WINDOW_MS = 10_000;

function bandStateOf(leg: ConferenceState['legs'][number]): BandState {
  if (leg.state === 'connected' && leg.muted) return 'muted';
  return leg.state;
}

/** Builds the replay picture of a session log of this scenario. */
export function buildReplayModel(scenario: Scenario, log: SessionLog): ReplayModel {
  const timeline = buildTimeline(conferenceConfigOf(scenario), log);
  const trainee = scenario.call.trainee;
  const lanes: Lane[] = scenario.parties.map((party) => ({
    party: party.id,
    name: party.name,
    kind: party.kind,
    trainee: party.id === trainee,
  }));
  const bands: Band[] = [];
  const open = new Map<PartyId, { state: BandState; from: number }>();
  const close = (party: PartyId, to: number) => {
    const current = open.get(party);
    if (current !== undefined && to > current.from)
      bands.push({ party, state: current.state, from: current.from, to });
    open.delete(party);
  };
  timeline.points.forEach((point, index) => {
    const { from } = spanOf(timeline, index);
    for (const leg of point.state.legs) {
      const state = bandStateOf(leg);
      const current = open.get(leg.party);
      if (current?.state === state) continue;
      close(leg.party, from);
      open.set(leg.party, { state, from });
    }
  });
  const end = Math.max(timeline.endTime, timeline.points.at(-1)?.time ?? 0);
  for (const party of [...open.keys()]) close(party, end);
  bands.sort((a, b) => a.from - b.from);

  const events: EventMarker[] = [];
  for (const point of timeline.points) {
    if (point.entry === null) continue;
    events.push({
      seq: point.seq,
      time: point.time,
      entry: point.entry,
      byTrainee: point.entry.actor === trainee,
    });
  }
  const goalText = new Map(scenario.goals.map((goal) => [goal.id, goal.text]));
  const top: TopMarker[] = [];
  for (const record of log.records) {
    if (record.kind === 'line') {
      top.push({ kind: 'line', seq: record.seq, time: record.time, party: record.party, text: record.text });
    } else if (record.kind === 'goal') {
      top.push({
        kind: 'goal',
        seq: record.seq,
        time: record.time,
        goal: record.goal,
        text: goalText.get(record.goal) ?? record.goal,
      });
    }
  }
  return {
    lanes,
    bands,
    events,
    top,
    endTime: end,
    timeline,
    cues: logCues(timeline, trainee),
    sound: {
      country: scenario.call.instance.country,
      language: scenario.language,
      scenarioId: scenario.id,
      trainee,
    },
  };
}

/** The cues of a session: each record's, from the call before and after it (`cuesOf`). */
function logCues(timeline: Timeline, trainee: PartyId): ReadonlyArray<Cue> {
  const points = timeline.points;
  const start = points[0]?.state;
  if (start === undefined) return [];
  let before: ConferenceState = start;
  const cues: Cue[] = [...cuesOf(null, start, null, trainee, 0)];
  let next = 1;
  for (const record of timeline.records) {
    let after: ConferenceState = before;
    if (record.kind === 'event') {
      after = points[next]?.state ?? before;
      next++;
    }
    cues.push(...cuesOf(before, after, record, trainee, record.time));
    before = after;
  }
  return cues;
}

/** The index of the last timeline point at or before `time` (0, the start, if none). */
export function pointIndexAt(model: ReplayModel, time: number): number {
  const points = model.timeline.points;
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((points[mid]?.time ?? 0) <= time) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Everything the replay shows at an instant, from the engine's state after the last event before it. */
export function instantAt(model: ReplayModel, time: number): Instant {
  const point = model.timeline.points[pointIndexAt(model, time)] ?? model.timeline.points[0];
  if (point === undefined) throw new Error('a timeline always has its starting point');
  const state = point.state;
  const captions = model.top.filter(
    (marker): marker is Extract<TopMarker, { kind: 'line' }> =>
      marker.kind === 'line' && marker.time <= time && marker.time > time - CAPTION_WINDOW_MS,
  );
  let goal: Extract<TopMarker, { kind: 'goal' }> | null = null;
  for (const marker of model.top) if (marker.kind === 'goal' && marker.time <= time) goal = marker;
  return {
    time,
    state,
    legs: state.legs.map((leg) => ({ party: leg.party, state: bandStateOf(leg) })),
    hears: hearing(state),
    captions: captions.slice(-3),
    goal,
  };
}

/** The times the arrow keys step between: every record's time, without repeats, in order. */
export function stopTimes(model: ReplayModel): ReadonlyArray<number> {
  const times = new Set<number>([0, model.endTime]);
  for (const record of model.timeline.records) times.add(record.time);
  return [...times].sort((a, b) => a - b);
}
