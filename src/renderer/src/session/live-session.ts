import type { Cue, Scenario, SessionRecord, TraineeInput } from '@shared/scenario';
import {
  advanceTo,
  applyInput,
  type DirectorResult,
  type DirectorState,
  nextDueTime,
  startDirector,
} from '@shared/scenario';

/** A monotonic clock in milliseconds (the app passes `performance.now`). */
export type Clock = () => number;

/** Timers, injected so that tests can drive them (the app passes window.setTimeout/clearTimeout). */
export interface Timers {
  readonly set: (callback: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

/** What the live session reports after every change: the new records and cues, and the state. */
export type LiveUpdate = (update: {
  readonly state: DirectorState;
  readonly records: ReadonlyArray<SessionRecord>;
  readonly cues: ReadonlyArray<Cue>;
}) => void;

/** A trainee input without its time: the live session stamps it with the simulated time. */
export type LiveInput = TraineeInput extends infer I
  ? I extends TraineeInput
    ? Omit<I, 'time'>
    : never
  : never;

/** Where a resumed session goes on from: the director rebuilt from its journal, at that time (ms). */
export interface ResumePoint {
  readonly state: DirectorState;
  readonly time: number;
}

/**
 * The director on a real clock, with pause: simulated time runs with the wall clock while the
 * session runs and stands still while it is paused. The director's pure functions decide
 * everything; this class only says what time it is and wakes up when the next thing is due.
 */
export class LiveSession {
  private director: DirectorState;
  private elapsedBeforePause = 0;
  private runningSince: number | null = null;
  private timer: unknown = null;

  constructor(
    scenario: Scenario,
    seed: number,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly onUpdate: LiveUpdate,
    from?: ResumePoint,
  ) {
    if (from !== undefined) {
      // A resumed session: its clock goes on from where the journal stopped, paused.
      this.director = from.state;
      this.elapsedBeforePause = from.time;
      return;
    }
    const started = startDirector(scenario, seed);
    this.director = started.state;
    this.emit(started);
  }

  /** The simulated time now, in milliseconds since the session started. */
  get time(): number {
    return this.elapsedBeforePause + (this.runningSince === null ? 0 : this.clock() - this.runningSince);
  }

  /** Whether the clock is running. */
  get running(): boolean {
    return this.runningSince !== null;
  }

  /** The director's state now. */
  get state(): DirectorState {
    return this.director;
  }

  /** Starts or resumes the clock. */
  resume(): void {
    if (this.running || this.director.ended) return;
    this.runningSince = this.clock();
    this.schedule();
  }

  /** Pauses the clock: nothing happens until `resume`. */
  pause(): void {
    if (!this.running) return;
    this.tick();
    this.elapsedBeforePause = this.time;
    this.runningSince = null;
    this.cancel();
  }

  /** Applies the trainee's input at the simulated time now; answers the records it produced. */
  act(input: LiveInput): ReadonlyArray<SessionRecord> {
    const result = applyInput(this.director, { ...input, time: Math.round(this.time) } as TraineeInput);
    this.emit(result);
    this.schedule();
    return result.records;
  }

  /** Stops the clock for good. */
  dispose(): void {
    this.runningSince = null;
    this.cancel();
  }

  private tick(): void {
    this.emit(advanceTo(this.director, Math.floor(this.time)));
  }

  private emit(result: DirectorResult): void {
    this.director = result.state;
    if (result.records.length > 0 || result.cues.length > 0) {
      this.onUpdate({ state: result.state, records: result.records, cues: result.cues });
    }
    if (result.state.ended) this.dispose();
  }

  private schedule(): void {
    this.cancel();
    if (!this.running) return;
    const due = nextDueTime(this.director);
    if (due === null) return;
    this.timer = this.timers.set(
      () => {
        this.timer = null;
        this.tick();
        this.schedule();
      },
      Math.max(0, Math.ceil(due - this.time)),
    );
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
