/**
 * Sessions and replay: a configuration, a state and the log of every event so far. Replaying a
 * log from the initial state reproduces every state exactly; that is what makes an assessment
 * checkable by anyone who has its log.
 */
import type { LogEntry } from './entry';
import { eventOfEntry } from './entry';
import { initialState } from './model';
import { step } from './step';
import type { ConferenceConfig, ConferenceEvent, ConferenceState } from './types';

/** A call in progress with its log. */
export interface ConferenceSession {
  readonly config: ConferenceConfig;
  readonly state: ConferenceState;
  readonly log: ReadonlyArray<LogEntry>;
}

/** A new session: the call offered to the primary agent, an empty log. */
export function startSession(config: ConferenceConfig): ConferenceSession {
  return { config, state: initialState(config), log: [] };
}

/** The session after one more event; the event is logged whether accepted or refused (CCP-9). */
export function advance(session: ConferenceSession, event: ConferenceEvent): ConferenceSession {
  const { state, entry } = step(session.state, event, session.log.length + 1);
  return { config: session.config, state, log: [...session.log, entry] };
}

/** The session after a sequence of events. */
export function runEvents(config: ConferenceConfig, events: Iterable<ConferenceEvent>): ConferenceSession {
  let state = initialState(config);
  const log: LogEntry[] = [];
  for (const event of events) {
    const result = step(state, event, log.length + 1);
    state = result.state;
    log.push(result.entry);
  }
  return { config, state, log };
}

/** Where a replayed entry differs from the recorded one. */
export interface ReplayDivergence {
  readonly seq: number;
  readonly recorded: LogEntry;
  readonly replayed: LogEntry;
}

/** The outcome of a replay. */
export interface ReplayResult {
  /** The state after the last entry. */
  readonly state: ConferenceState;
  /** `states[i]` is the state after entry `i` (`states.length === entries.length`). */
  readonly states: ReadonlyArray<ConferenceState>;
  /** The entries as this code produces them from the recorded events. */
  readonly entries: ReadonlyArray<LogEntry>;
  /** The first entry whose recorded outcome differs from the replayed one, or `null`. */
  readonly divergence: ReplayDivergence | null;
}

/**
 * Replays a log from the initial state: the events the entries record go through `step` again.
 * The recorded results and leg states are compared with the replayed ones, so that a tampered or
 * out-of-date log is detected rather than trusted.
 */
export function replay(config: ConferenceConfig, entries: ReadonlyArray<LogEntry>): ReplayResult {
  let state = initialState(config);
  const states: ConferenceState[] = [];
  const replayed: LogEntry[] = [];
  let divergence: ReplayDivergence | null = null;
  for (const recorded of entries) {
    const result = step(state, eventOfEntry(recorded), recorded.seq);
    state = result.state;
    states.push(state);
    replayed.push(result.entry);
    if (divergence === null && !sameEntry(recorded, result.entry)) {
      divergence = { seq: recorded.seq, recorded, replayed: result.entry };
    }
  }
  return { state, states, entries: replayed, divergence };
}

function sameEntry(a: LogEntry, b: LogEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The CONF-16 warning: Contact Lens recorded a call that reached three or more participants. */
export interface ContactLensWarning {
  readonly rule: 'CONF-16';
  /** The first entry after which three or more participants were on the call. */
  readonly seq: number;
  /** The most participants the call had. */
  readonly peakParticipants: number;
}

/**
 * CONF-16: Contact Lens supports calls of at most two participants. A call that records with it
 * and reaches three or more participants gets a warning.
 */
export function contactLensWarning(
  config: ConferenceConfig,
  log: ReadonlyArray<LogEntry>,
): ContactLensWarning | null {
  if (config.contactLens !== true) return null;
  let first: number | null = null;
  let peak = 0;
  for (const entry of log) {
    const live = entry.legs.filter((leg) => leg.state !== 'disconnected').length;
    if (live > peak) peak = live;
    if (live >= 3 && first === null) first = entry.seq;
  }
  return first === null ? null : { rule: 'CONF-16', seq: first, peakParticipants: peak };
}
