/**
 * Resuming an interrupted session: the trainee's inputs recovered from its journal are played
 * through the director again, up to the time of the journal's last record, and the director is
 * left there to go on live. The journal's records must be exactly what this replay records.
 */
import { sameJson } from '../../digest';
import type { Scenario } from '../format/schema';
import { advanceTo, applyInput, startDirector } from './director';
import type { DirectorState } from './director-state';
import { inputsOf } from './replay';
import type { Cue, Millis, SessionRecord } from './session-types';

/** The director of an interrupted session, rebuilt to where its journal stops. */
export interface ResumedDirector {
  /** The director at `time`, ready to go on. */
  readonly state: DirectorState;
  /** The simulated time the session goes on from (ms): the time of the journal's last record. */
  readonly time: Millis;
  /**
   * Records the replay made at that time after the journal's last one (records that were on
   * their way to the journal when the session stopped): the journal is to receive them first.
   */
  readonly missing: ReadonlyArray<SessionRecord>;
  /** Every cue of the session up to `time`, in order. */
  readonly cues: ReadonlyArray<Cue>;
}

/**
 * Rebuilds the director of an interrupted session from its journal's records (in `seq` order,
 * without a gap): the trainee's inputs (`inputsOf`) are applied at their times with the seed,
 * then the clock is moved to the last record's time. Throws an `Error` naming the first record
 * that does not replay (the scenario or the app changed since), and for a session that ended.
 */
export function resumeDirector(
  scenario: Scenario,
  seed: number,
  records: ReadonlyArray<SessionRecord>,
): ResumedDirector {
  const last = records.at(-1);
  if (last?.kind === 'end') throw new Error(`the session ended at record ${last.seq}; it cannot go on`);
  const time = last?.time ?? 0;
  const log = { scenarioId: scenario.id, scenarioVersion: scenario.version, seed, records };
  const started = startDirector(scenario, seed);
  let state = started.state;
  const cues: Cue[] = [...started.cues];
  for (const input of inputsOf(log, scenario.call.trainee)) {
    const result = applyInput(state, input);
    state = result.state;
    cues.push(...result.cues);
  }
  const advanced = advanceTo(state, time);
  state = advanced.state;
  cues.push(...advanced.cues);
  for (const [index, recorded] of records.entries()) {
    const replayed = state.records[index];
    if (replayed === undefined || !sameJson(recorded, replayed)) {
      throw new Error(
        `record ${recorded.seq} of the journal (${recorded.kind} at ${recorded.time} ms) is not what the scenario plays from the journal's inputs: ${
          replayed === undefined
            ? 'the replay has no such record'
            : `the replay has a ${replayed.kind} record there`
        }`,
      );
    }
  }
  if (state.ended) throw new Error(`the session ended at ${time} ms when replayed; it cannot go on`);
  return { state, time, missing: state.records.slice(records.length), cues };
}
