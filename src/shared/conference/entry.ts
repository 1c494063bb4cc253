/**
 * The event log entry: what the scorer, the replay view and the journal read. One entry per
 * event, accepted or refused, with the simulated time, who acted, on whom, the result and the
 * leg states that resulted.
 */
import type {
  AddVia,
  ConferenceEvent,
  ConferenceEventType,
  ConferenceState,
  ContactPhase,
  LegState,
  PartyId,
  RefusalReason,
  RuleId,
} from './types';
import { assertNever } from './types';

/** Whether an event was accepted, or refused with its reason and rule (CCP-9). */
export type EntryResult =
  | { readonly status: 'accepted' }
  | { readonly status: 'refused'; readonly reason: RefusalReason; readonly rule: RuleId };

/** One leg as it stood after an event. */
export interface LegSnapshot {
  readonly party: PartyId;
  readonly state: LegState;
  readonly muted: boolean;
}

/** One event of a session and its outcome. */
export interface LogEntry {
  /** 1-based position in the log. */
  readonly seq: number;
  /** Simulated time (ms). */
  readonly time: number;
  readonly actor: PartyId;
  readonly type: ConferenceEventType;
  readonly target: PartyId | null;
  /** For `add`: the route the event named, or `null` for the party's default route. */
  readonly via: AddVia | null;
  /** For `send-dtmf`: the digits. */
  readonly digits: string | null;
  readonly result: EntryResult;
  /** Every leg after the event (unchanged when refused). */
  readonly legs: ReadonlyArray<LegSnapshot>;
  /** The contact's phase after the event. */
  readonly phase: ContactPhase;
}

/** The target an event names, if any. */
export function targetOf(event: ConferenceEvent): PartyId | undefined {
  return 'target' in event ? event.target : undefined;
}

/** The route an `add` event names, if any. */
export function viaOf(event: ConferenceEvent): AddVia | undefined {
  return event.type === 'add' ? event.via : undefined;
}

/** The log entry for an event and the state that followed it. */
export function makeEntry(
  seq: number,
  event: ConferenceEvent,
  result: EntryResult,
  after: ConferenceState,
): LogEntry {
  return {
    seq,
    time: event.time,
    actor: event.actor,
    type: event.type,
    target: targetOf(event) || null, // an empty target (none given) is recorded as none
    via: viaOf(event) ?? null,
    digits: event.type === 'send-dtmf' ? event.digits : null,
    result,
    legs: after.legs.map((leg) => ({ party: leg.party, state: leg.state, muted: leg.muted })),
    phase: after.phase,
  };
}

/**
 * Builds the event of a type from its parts: a target for the targeted actions (an empty target
 * when none is given, which `check` refuses as `no-such-participant`), a route for `add`, digits
 * for `send-dtmf`, nothing more for the rest. The one place events are assembled.
 */
export function buildEvent(
  actor: PartyId,
  time: number,
  type: ConferenceEventType,
  details: { readonly target?: PartyId; readonly via?: AddVia; readonly digits?: string } = {},
): ConferenceEvent {
  switch (type) {
    case 'hold':
    case 'resume':
    case 'mute':
    case 'unmute':
    case 'disconnect':
      return { type, actor, time, target: details.target ?? '' };
    case 'add':
      return details.via === undefined
        ? { type, actor, time, target: details.target ?? '' }
        : { type, actor, time, target: details.target ?? '', via: details.via };
    case 'send-dtmf':
      return { type, actor, time, digits: details.digits ?? '' };
    case 'accept':
    case 'hold-all':
    case 'join':
    case 'swap':
    case 'leave':
    case 'clear':
    case 'answer':
    case 'reject':
    case 'no-answer':
    case 'busy':
    case 'fail':
    case 'hang-up':
      return { type, actor, time };
    default:
      return assertNever(type);
  }
}

/** The event an entry records, rebuilt for replay. */
export function eventOfEntry(entry: LogEntry): ConferenceEvent {
  return buildEvent(entry.actor, entry.time, entry.type, {
    ...(entry.target === null ? {} : { target: entry.target }),
    ...(entry.via === null ? {} : { via: entry.via }),
    ...(entry.digits === null ? {} : { digits: entry.digits }),
  });
}
