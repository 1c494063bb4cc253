/**
 * The dry run: the reference solution replayed at once on the instant clock and scored, with
 * each of its actions tied to what the engine made of it (accepted, refused, never played).
 */
import type { RefusalReason, RuleId } from '../conference';
import { runSession } from '../scenario/director/director';
import { actionsToInputs } from '../scenario/director/replay';
import type { SessionLog, SessionRecord } from '../scenario/director/session-types';
import type { Scenario, TimedAction } from '../scenario/format/schema';
import type { ScoreResult } from '../scoring/result';
import { scoreSession } from '../scoring/scorer';

/** One timed action of a run (the reference or a recorded test), with the party it names by name. */
export interface RunAction {
  /** Its index in the list of actions. */
  readonly index: number;
  /** Seconds from the start of the session. */
  readonly at: number;
  /** The action (`add`, `join`...), or `answer` for an answer to a question. */
  readonly action: string;
  /** The party it is done to: its id and name; null when none. */
  readonly target: { readonly id: string; readonly name: string } | null;
  /** How an `add` dials: a quick connect's name or a number on the pad; null for the party's own route. */
  readonly via: string | null;
  /** For an answer: the question's id and the value given. */
  readonly answer: { readonly question: string; readonly value: string } | null;
  /** The action in plain English: `add Helen Brooks (Brooks Mortgage Brokers) at 20 s`. */
  readonly text: string;
}

/** An action the engine refused, with why. */
export interface RefusedAction {
  readonly action: RunAction;
  readonly reason: RefusalReason;
  readonly rule: RuleId;
}

/** A run played and scored: the reference (`dryRun`) or a recorded test. */
export interface PlayedRun {
  /** The log, as a trainee's session would record it; null when the actions could not be played. */
  readonly log: SessionLog | null;
  /** The score; null when the actions could not be played. */
  readonly result: ScoreResult | null;
  /** The run's actions, in the order given. */
  readonly actions: ReadonlyArray<RunAction>;
  /** The actions the engine refused, in time order. */
  readonly refusals: ReadonlyArray<RefusedAction>;
  /** The actions never played because the session had ended before their time. */
  readonly notPlayed: ReadonlyArray<RunAction>;
  /** For each record's `seq`, the index of the action that made it (trainee events and answers). */
  readonly actionOfSeq: ReadonlyMap<number, number>;
  /** Why the actions could not be played at all (a scripted event among them); null when they were. */
  readonly error: string | null;
}

/** The reference solution played: `PlayedRun` with the score in short. */
export interface DryRun extends PlayedRun {
  /** Points earned; 0 when the reference could not be played. */
  readonly score: number;
  /** The most points this run could earn (criteria not reached may be left out). */
  readonly max: number;
  readonly passed: boolean;
  /** Whether every counted criterion is met: `score === max` and `max > 0`. */
  readonly fullMarks: boolean;
}

/** A party's name, or its id when the scenario has no such party. */
export function partyName(scenario: Scenario, id: string): string {
  return scenario.parties.find((p) => p.id === id)?.name ?? id;
}

/** One timed action described (see `RunAction`). */
export function describeRunAction(scenario: Scenario, action: TimedAction, index: number): RunAction {
  if ('answer' in action) {
    return {
      index,
      at: action.at,
      action: 'answer',
      target: null,
      via: null,
      answer: { question: action.answer.question, value: action.answer.value },
      text: `answer "${action.answer.value}" to question ${action.answer.question} at ${action.at} s`,
    };
  }
  const target =
    action.target === undefined ? null : { id: action.target, name: partyName(scenario, action.target) };
  const via =
    action.via === undefined
      ? null
      : 'quickConnect' in action.via
        ? action.via.quickConnect
        : action.via.numberPad;
  const words = [action.action, target?.name, via === null ? undefined : `(${via})`, `at ${action.at} s`];
  return {
    index,
    at: action.at,
    action: action.action,
    target,
    via,
    answer: null,
    text: words.filter((w) => w !== undefined).join(' '),
  };
}

/**
 * Plays timed actions with a seed and scores the session, tying each record the trainee made to
 * the action that made it: the director plays the inputs in time order (equal times in the order
 * given) and records exactly one event or answer for each input it plays.
 */
export function playRun(scenario: Scenario, actions: ReadonlyArray<TimedAction>, seed: number): PlayedRun {
  const described = actions.map((a, i) => describeRunAction(scenario, a, i));
  let log: SessionLog;
  try {
    log = runSession(scenario, seed, actionsToInputs(actions)).log;
  } catch (error) {
    return {
      log: null,
      result: null,
      actions: described,
      refusals: [],
      notPlayed: [],
      actionOfSeq: new Map(),
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const ordered = described
    .map((action) => ({ action, time: Math.round(action.at * 1000) }))
    .sort((a, b) => a.time - b.time || a.action.index - b.action.index)
    .map((o) => o.action);
  const trainee = scenario.call.trainee;
  const actionOfSeq = new Map<number, number>();
  const refusals: RefusedAction[] = [];
  let next = 0;
  const take = (record: SessionRecord): RunAction | undefined => {
    const played = ordered[next++];
    if (played !== undefined) actionOfSeq.set(record.seq, played.index);
    return played;
  };
  for (const record of log.records) {
    if (record.kind === 'answer') take(record);
    if (record.kind !== 'event' || record.entry.actor !== trainee) continue;
    const played = take(record);
    const { result } = record.entry;
    if (played !== undefined && result.status === 'refused') {
      refusals.push({ action: played, reason: result.reason, rule: result.rule });
    }
  }
  return {
    log,
    result: scoreSession(scenario, log).result,
    actions: described,
    refusals,
    notPlayed: ordered.slice(next),
    actionOfSeq,
    error: null,
  };
}

/** Replays the reference solution at once (its seed, its actions) and scores it. */
export function dryRun(scenario: Scenario): DryRun {
  const run = playRun(scenario, scenario.reference.actions, scenario.reference.seed);
  const score = run.result?.raw ?? 0;
  const max = run.result?.max ?? 0;
  return {
    ...run,
    score,
    max,
    passed: run.result?.passed ?? false,
    fullMarks: run.result !== null && max > 0 && Math.abs(score - max) < 1e-9,
  };
}
