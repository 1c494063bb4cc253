/**
 * The director: it plays a scenario's scripted parties against the conference engine on a
 * simulated clock. Pure functions over an immutable `DirectorState`; time is a value passed in.
 *
 * - The app runs a real clock with pause in the renderer: it calls `advanceTo(now)` as time
 *   passes (sleeping until `nextDueTime`), and `applyInput` when the trainee acts.
 * - Tests, the CLI and grading run the instant clock: `runSession` plays a list of inputs to
 *   the end of the session.
 *
 * Either way the records are the same: what happens depends on the scenario, the seed and the
 * trainee's inputs with their times, never on how often the clock was read.
 */
import { initialState } from '../../conference';
import { conferenceConfigOf } from '../format/conference-config';
import type { Scenario } from '../format/schema';
import { cuesOf } from './cues';
import {
  applyEvent,
  armConditions,
  close,
  end,
  open,
  record,
  runDue,
  schedule,
  scheduleReactions,
  type Working,
} from './director-engine';
import { traineeEvent } from './director-events';
import type { DirectorResult, DirectorState } from './director-state';
import { MAX_SEED } from './random';
import type { Millis, SessionLog, SessionOutcome, TraineeInput } from './session-types';

/**
 * A new session of a scenario with a seed (an unsigned 32-bit integer). The contact is offered
 * to the primary agent at time 0: when that is the trainee, their phone rings (the `ring` cue
 * of the result) and the caller waits; when the trainee is secondary, the scripted primary agent
 * takes the call after its answer delay and the script adds the trainee. The `at` steps and the
 * end of the session (`endAfter`) are scheduled; nothing fires until the director is advanced.
 */
export function startDirector(scenario: Scenario, seed: number): DirectorResult {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, not ${seed}`);
  }
  const conference = initialState(conferenceConfigOf(scenario));
  const empty: DirectorState = {
    scenario,
    seed,
    trainee: scenario.call.trainee,
    conference,
    time: 0,
    records: [],
    timers: [],
    nextOrder: 0,
    armedSteps: [],
    firedSteps: [],
    dials: {},
    waitingSteps: [],
    consulted: [],
    privateSince: {},
    traineeLeft: false,
    ended: false,
  };
  const w = open(empty);
  for (const s of scenario.script) {
    if ('at' in s.trigger) {
      w.armed.add(s.id);
      schedule(w, { kind: 'step', time: Math.round(s.trigger.at * 1000), step: s.id });
    }
  }
  schedule(w, { kind: 'end', time: Math.round(scenario.endAfter * 1000) });
  scheduleReactions(w, null);
  armConditions(w);
  w.cues.push(...cuesOf(null, conference, null, w.trainee, 0));
  return close(w);
}

/**
 * Moves the clock forward to `time` (ms), firing every scheduled thing due by then in time
 * order: the parties' reactions (answers, hold complaints and hang-ups) before script steps,
 * script steps before the end of the session, and otherwise in the order they were scheduled.
 * A time before the director's clock changes nothing.
 */
export function advanceTo(state: DirectorState, time: Millis): DirectorResult {
  if (state.ended || time < state.time) return { state, records: [], cues: [] };
  const due = nextDueTime(state);
  if (due === null || due > time) {
    return { state: time === state.time ? state : { ...state, time }, records: [], cues: [] };
  }
  const w = open(state);
  runDue(w, time);
  return close(w);
}

/**
 * Applies one input of the trainee at its time: first advances to it (an input timed before
 * the clock is taken at the clock's time), then
 * - an action goes through the conference's `step` as the trainee's; a refused action is
 *   recorded with its reason and rule and changes nothing (CCP-9);
 * - an answer to a question is recorded (its correctness is the scorer's to judge);
 * - a stop ends the session;
 * and finally fires whatever the input made due at once. An ended session ignores inputs.
 */
export function applyInput(state: DirectorState, input: TraineeInput): DirectorResult {
  if (state.ended) return { state, records: [], cues: [] };
  const w = open(state);
  applyInputTo(w, input);
  return close(w);
}

/** `applyInput` on a working copy: the one implementation the live clock and `runSession` share. */
function applyInputTo(w: Working, input: TraineeInput): void {
  if (w.ended) return;
  const time = Math.max(input.time, w.time);
  runDue(w, time);
  if (w.ended) return;
  switch (input.kind) {
    case 'action':
      applyEvent(w, traineeEvent(w.trainee, input, time));
      break;
    case 'answer':
      record(w, { kind: 'answer', time, question: input.question, value: input.value });
      break;
    case 'stop':
      end(w, 'stopped');
      break;
  }
  runDue(w, time);
}

/** When the next scheduled thing is due (ms), or `null` when the session has ended. */
export function nextDueTime(state: DirectorState): Millis | null {
  if (state.ended) return null;
  return state.timers[0]?.time ?? null;
}

/** The session log of a director state: the scenario, the seed and every record so far. */
export function sessionLogOf(state: DirectorState): SessionLog {
  return {
    scenarioId: state.scenario.id,
    scenarioVersion: state.scenario.version,
    seed: state.seed,
    records: state.records,
  };
}

/** Options of `runSession`. */
export interface RunOptions {
  /**
   * Stop the clock at this time (ms) instead of running to the end of the session: for
   * replaying the log of a session that was interrupted.
   */
  readonly until?: Millis;
}

/**
 * Plays a whole session on the instant clock: the inputs in time order (inputs of equal time
 * in the order given), then the clock runs on until the session ends (the trainee left and
 * cleared, the contact ended and the trainee cleared, a stop, or `endAfter`), or until
 * `options.until`.
 */
export function runSession(
  scenario: Scenario,
  seed: number,
  inputs: ReadonlyArray<TraineeInput>,
  options: RunOptions = {},
): SessionOutcome {
  const start = startDirector(scenario, seed);
  // One working copy for the whole session: closing a copy per input would copy the records
  // so far each time, and a replay would grow with the square of its length.
  const w = open(start.state);
  w.cues.push(...start.cues);
  const ordered = inputs
    .map((input, index) => ({ input, index }))
    .sort((a, b) => a.input.time - b.input.time || a.index - b.index);
  const until = options.until ?? Number.POSITIVE_INFINITY;
  for (const { input } of ordered) {
    if (w.ended || input.time > until) break;
    applyInputTo(w, input);
  }
  while (!w.ended) {
    const due = w.timers[0]?.time;
    if (due === undefined || due > until) break;
    runDue(w, due);
  }
  if (Number.isFinite(until) && !w.ended && until > w.time) runDue(w, until);
  const { state, cues } = close(w);
  return { log: sessionLogOf(state), final: state.conference, cues, ended: state.ended };
}
