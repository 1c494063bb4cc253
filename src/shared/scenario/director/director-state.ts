/**
 * The director's state: an immutable value holding the call, the clock, the log so far and
 * everything scheduled. Every director function takes one and returns the next.
 */
import type { ConferenceState, PartyId } from '../../conference';
import type { Scenario } from '../format/schema';
import type { Cue, Millis, SessionRecord } from './session-types';

/** What a dialled party does when its delay is over (CCP-3). */
export type DialOutcome = 'answer' | 'reject' | 'no-answer' | 'busy' | 'fail';

/** Fields every scheduled thing has: when it is due and its place among things due at once. */
interface TimerBase {
  /** Simulated time (ms) the timer is due. */
  readonly time: Millis;
  /** The order of scheduling; breaks ties between timers of equal time and rank. */
  readonly order: number;
}

/** Something the director has scheduled. */
export type DirectorTimer =
  /** A dialled party (or the offered primary agent) answers, rejects, ... the leg created at `dialledAt`. */
  | (TimerBase & {
      readonly kind: 'outcome';
      readonly party: PartyId;
      readonly dialledAt: Millis;
      readonly outcome: DialOutcome;
    })
  /** A party on hold since `heldSince` complains, or hangs up, if still held by then. */
  | (TimerBase & {
      readonly kind: 'hold-complaint' | 'hold-hang-up';
      readonly party: PartyId;
      readonly heldSince: Millis;
    })
  /** A script step fires. */
  | (TimerBase & { readonly kind: 'step'; readonly step: string })
  /** An `onHoldFor` step fires if the party has been on hold since `heldSince` all along. */
  | (TimerBase & {
      readonly kind: 'hold-step';
      readonly step: string;
      readonly party: PartyId;
      readonly heldSince: Millis;
    })
  /** The scenario's `endAfter` time. */
  | (TimerBase & { readonly kind: 'end' });

/**
 * The rank of a timer among timers due at the same moment: the parties' own reactions first,
 * then the script, then the end of the session.
 */
export function timerRank(timer: DirectorTimer): number {
  switch (timer.kind) {
    case 'outcome':
    case 'hold-complaint':
    case 'hold-hang-up':
      return 0;
    case 'step':
    case 'hold-step':
      return 1;
    case 'end':
      return 2;
  }
}

/** Whether timer `a` is due before timer `b`: by time, then rank, then scheduling order. */
export function dueBefore(a: DirectorTimer, b: DirectorTimer): boolean {
  if (a.time !== b.time) return a.time < b.time;
  const rank = timerRank(a) - timerRank(b);
  return rank !== 0 ? rank < 0 : a.order < b.order;
}

/** The director of one session. Immutable. */
export interface DirectorState {
  readonly scenario: Scenario;
  readonly seed: number;
  /** The trainee's party id (`call.trainee`). */
  readonly trainee: PartyId;
  /** The call now. */
  readonly conference: ConferenceState;
  /** The session clock: the time the director has been advanced to (ms). */
  readonly time: Millis;
  /** Every record so far, in order; `seq` is the 1-based position. */
  readonly records: ReadonlyArray<SessionRecord>;
  /** What is scheduled, in the order it will fire. */
  readonly timers: ReadonlyArray<DirectorTimer>;
  /** The `order` the next timer gets. */
  readonly nextOrder: number;
  /** Steps that have fired or are scheduled to: each fires once. */
  readonly armedSteps: ReadonlyArray<string>;
  /** Steps that have fired. */
  readonly firedSteps: ReadonlyArray<string>;
  /** How many times each party has been dialled (or offered the contact): the key of its delay draw. */
  readonly dials: Readonly<Record<PartyId, number>>;
  /** Steps due but blocked that fire once nothing blocks them (`ifBlocked: wait`). */
  readonly waitingSteps: ReadonlyArray<string>;
  /** Parties the trainee has consulted privately (for step requirements). */
  readonly consulted: ReadonlyArray<PartyId>;
  /** Parties talking privately with the trainee now, since when (ms). */
  readonly privateSince: Readonly<Record<PartyId, Millis>>;
  /** Whether the trainee left the call themselves (an accepted `leave`). */
  readonly traineeLeft: boolean;
  /** Whether the session has ended (the last record is an `end` record). */
  readonly ended: boolean;
}

/** What a director function returns: the next state and what happened on the way. */
export interface DirectorResult {
  readonly state: DirectorState;
  /** The records added, in order. */
  readonly records: ReadonlyArray<SessionRecord>;
  /** The cues to play, in order. */
  readonly cues: ReadonlyArray<Cue>;
}
