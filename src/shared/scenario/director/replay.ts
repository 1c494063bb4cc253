/**
 * One session = scenario + seed + log. The trainee's inputs are recovered from a log, played
 * again with the log's seed, and the records compared: a log that replays to the same records
 * is the session it claims to be; an edited or out-of-date one is found out.
 */
import type { AddVia, PartyId } from '../../conference';
import { sameJson } from '../../digest';
import type { Scenario, TimedAction } from '../format/schema';
import { runSession } from './director';
import { isAgentActionName } from './director-events';
import type { Millis, SessionLog, SessionOutcome, SessionRecord, TraineeInput } from './session-types';

/** How the trainee names the route of an `add`. */
type TraineeVia =
  | { readonly quickConnect: string }
  | { readonly numberPad: string; readonly country?: string };

/** The trainee's `via` of a route the log records; the director never records a flow route for the trainee. */
function viaOf(via: AddVia | null): TraineeVia | undefined {
  if (via === null) return undefined;
  if (via.kind === 'quick-connect') return { quickConnect: via.name };
  if (via.kind === 'number-pad')
    return { numberPad: via.number, ...(via.country === undefined ? {} : { country: via.country }) };
  return undefined;
}

/**
 * The trainee's inputs recovered from a log: every event the trainee acted (accepted or
 * refused: a refused attempt is part of the session), every answer, and a stop. The director
 * never acts for the trainee, so the events whose actor is the trainee are exactly their inputs.
 */
export function inputsOf(log: SessionLog, trainee: PartyId): ReadonlyArray<TraineeInput> {
  const inputs: TraineeInput[] = [];
  for (const r of log.records) {
    if (r.kind === 'event') {
      const { entry } = r;
      if (entry.actor !== trainee || !isAgentActionName(entry.type)) continue;
      const via = viaOf(entry.via);
      inputs.push({
        kind: 'action',
        time: r.time,
        action: entry.type,
        ...(entry.target === null ? {} : { target: entry.target }),
        ...(via === undefined ? {} : { via }),
        ...(entry.digits === null ? {} : { digits: entry.digits }),
      });
    } else if (r.kind === 'answer') {
      inputs.push({ kind: 'answer', time: r.time, question: r.question, value: r.value });
    } else if (r.kind === 'end' && r.reason === 'stopped') {
      inputs.push({ kind: 'stop', time: r.time });
    }
  }
  return inputs;
}

/** Where a replay first departs from the log. */
export type SessionDivergence =
  /** The log is of another scenario, or another version of it. */
  | {
      readonly kind: 'scenario';
      readonly recorded: { readonly id: string; readonly version: string };
      readonly replayed: { readonly id: string; readonly version: string };
    }
  /** The first record that differs; `null` on the side that has no record at that `seq`. */
  | {
      readonly kind: 'record';
      readonly seq: number;
      readonly recorded: SessionRecord | null;
      readonly replayed: SessionRecord | null;
    };

/** The outcome of replaying a log. */
export interface SessionReplay {
  /** Whether the replay gave exactly the recorded records. */
  readonly identical: boolean;
  /** The first divergence, or `null` when identical. */
  readonly divergence: SessionDivergence | null;
  /** The session as this code plays it from the log's seed and inputs. */
  readonly replayed: SessionOutcome;
}

function sameRecord(a: SessionRecord | undefined, b: SessionRecord | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameJson(a, b);
}

/**
 * Replays a log against its scenario: the log's seed and the trainee's inputs recovered from
 * it (`inputsOf`) are played again (`runSession`) and every record is compared with the
 * recorded one as JSON. A log that does not end with an `end` record (an interrupted session)
 * is replayed up to the time of its last record only.
 */
export function replaySession(scenario: Scenario, log: SessionLog): SessionReplay {
  const last = log.records.at(-1);
  const interrupted = last !== undefined && last.kind !== 'end';
  const until: Millis | undefined = interrupted ? last.time : undefined;
  const replayed = runSession(
    scenario,
    log.seed,
    inputsOf(log, scenario.call.trainee),
    until === undefined ? {} : { until },
  );
  if (log.scenarioId !== scenario.id || log.scenarioVersion !== scenario.version) {
    return {
      identical: false,
      divergence: {
        kind: 'scenario',
        recorded: { id: log.scenarioId, version: log.scenarioVersion },
        replayed: { id: scenario.id, version: scenario.version },
      },
      replayed,
    };
  }
  const theirs = log.records;
  const ours = replayed.log.records;
  const length = Math.max(theirs.length, ours.length);
  for (let i = 0; i < length; i++) {
    const recorded = theirs[i];
    const again = ours[i];
    if (!sameRecord(recorded, again)) {
      return {
        identical: false,
        divergence: { kind: 'record', seq: i + 1, recorded: recorded ?? null, replayed: again ?? null },
        replayed,
      };
    }
  }
  return { identical: true, divergence: null, replayed };
}

/**
 * The trainee's inputs for a list of timed actions (a reference solution, an actions file):
 * seconds become milliseconds, `via` is kept, answers become answer inputs. Throws a
 * `RangeError` naming the index of an action that is a scripted event (`answer`, `hang-up`,
 * ...), which is no action of the trainee's.
 */
export function actionsToInputs(actions: ReadonlyArray<TimedAction>): ReadonlyArray<TraineeInput> {
  return actions.map((action, index): TraineeInput => {
    const time = Math.round(action.at * 1000);
    if ('answer' in action) {
      return { kind: 'answer', time, question: action.answer.question, value: action.answer.value };
    }
    if (!isAgentActionName(action.action)) {
      throw new RangeError(
        `actions[${index}].action: "${action.action}" is a scripted event, not a trainee action`,
      );
    }
    return {
      kind: 'action',
      time,
      action: action.action,
      ...(action.target === undefined ? {} : { target: action.target }),
      ...(action.via === undefined ? {} : { via: action.via }),
      ...(action.digits === undefined ? {} : { digits: action.digits }),
    };
  });
}
