/**
 * The contract between the director, the scorer, the replay view and the CLI: what a session
 * records, what it plays, and what the trainee does. One session = scenario + seed + log.
 */
import type {
  AgentActionName,
  ConferenceState,
  LogEntry,
  PartyId,
  RefusalReason,
  RuleId,
} from '../../conference';

/** A simulated time in milliseconds since the session started. */
export type Millis = number;

/** One record of the session log, in the order things happened. `seq` is 1-based and gapless. */
export type SessionRecord =
  /** An action or scripted event that went through the conference model, accepted or refused. */
  | { readonly kind: 'event'; readonly seq: number; readonly time: Millis; readonly entry: LogEntry }
  /** A script step fired. */
  | { readonly kind: 'step'; readonly seq: number; readonly time: Millis; readonly step: string }
  /** A party said a line (shown as a caption, spoken or played). */
  | {
      readonly kind: 'line';
      readonly seq: number;
      readonly time: Millis;
      readonly party: PartyId;
      readonly text: string;
      readonly clip: string | null;
      readonly step: string | null;
    }
  /** A goal was shown to the trainee. */
  | { readonly kind: 'goal'; readonly seq: number; readonly time: Millis; readonly goal: string }
  /** A question was put to the trainee. */
  | { readonly kind: 'question'; readonly seq: number; readonly time: Millis; readonly question: string }
  /** The trainee answered a question (correctness is judged by the scorer, not recorded). */
  | {
      readonly kind: 'answer';
      readonly seq: number;
      readonly time: Millis;
      readonly question: string;
      readonly value: string;
    }
  /** The session ended. */
  | { readonly kind: 'end'; readonly seq: number; readonly time: Millis; readonly reason: SessionEndReason };

/** Why a session ended. */
export type SessionEndReason =
  /** The trainee left the call and cleared after-call work. */
  | 'trainee-finished'
  /** The contact ended (CONF-14) and the trainee cleared after-call work. */
  | 'contact-ended'
  /** The scenario's `endAfter` time passed. */
  | 'time-up'
  /** The trainee stopped the session. */
  | 'stopped';

/** What the trainee does, at a simulated time: a call-control action, or an answer to a question. */
export type TraineeInput =
  | {
      readonly kind: 'action';
      readonly time: Millis;
      readonly action: AgentActionName;
      readonly target?: PartyId;
      /** For `add`: a quick connect, or a number typed on the pad and the pad's country (CCP-11). */
      readonly via?:
        | { readonly quickConnect: string }
        | { readonly numberPad: string; readonly country?: string };
      readonly digits?: string;
    }
  | { readonly kind: 'answer'; readonly time: Millis; readonly question: string; readonly value: string }
  | { readonly kind: 'stop'; readonly time: Millis };

/** A sound or caption the renderer plays; derived from the records, never stored in the log. */
export type Cue =
  | { readonly cue: 'ring'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'ring-stop'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'ringback'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'ringback-stop'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'busy'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'hold-music-start'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'hold-music-stop'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'join'; readonly time: Millis }
  | { readonly cue: 'leave'; readonly time: Millis; readonly party: PartyId }
  | { readonly cue: 'dtmf'; readonly time: Millis; readonly digit: string }
  | {
      readonly cue: 'line';
      readonly time: Millis;
      readonly party: PartyId;
      readonly text: string;
      readonly clip: string | null;
    }
  | { readonly cue: 'refused'; readonly time: Millis; readonly reason: RefusalReason; readonly rule: RuleId };

/** The log of a whole session: everything needed to replay and re-grade it. */
export interface SessionLog {
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly seed: number;
  readonly records: ReadonlyArray<SessionRecord>;
}

/** A finished (or stopped) session as the director leaves it. */
export interface SessionOutcome {
  readonly log: SessionLog;
  /** The conference state after the last record. */
  readonly final: ConferenceState;
  /** Every cue the session played, in order. */
  readonly cues: ReadonlyArray<Cue>;
  /** Whether the session has ended (an `end` record is the last one). */
  readonly ended: boolean;
}
