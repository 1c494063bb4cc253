/**
 * One played session in the renderer: the live director on the real clock, the journal in main
 * (`session:append` as records happen, `session:finish` at the end) and the cue player. React
 * reads it through `usePlaySession`; components never keep their own copy of call state.
 */
import type { AssessmentSummary } from '@shared/ipc';
import { MAX_APPEND_RECORDS } from '@shared/ipc-names';
import type { Cue, DirectorState, ResumedDirector, Scenario, SessionRecord } from '@shared/scenario';
import { type CueContext, type CuePlayer, lastingCues, type SoundCaption, soundCaptions } from '../audio';
import { type Clock, type LiveInput, LiveSession, type Timers } from './live-session';

/** Practice coaches (refused controls explain themselves); assessment behaves like the CCP. */
export type PlayMode = 'practice' | 'assessment';

/** How the journal in main is doing. */
export type JournalStatus =
  | { readonly state: 'ok' }
  | { readonly state: 'retrying'; readonly message: string }
  | { readonly state: 'finishing' }
  | { readonly state: 'finished'; readonly summary: AssessmentSummary }
  | { readonly state: 'failed'; readonly message: string };

/** One caption: a line someone said, or a sound ("[ringing]"), with an id for React lists. */
export type Caption =
  | {
      readonly id: number;
      readonly kind: 'line';
      readonly time: number;
      readonly party: string;
      readonly text: string;
    }
  | { readonly id: number; readonly kind: 'sound'; readonly time: number; readonly sound: SoundCaption };

/** What React reads: a new object after every change. */
export interface PlaySnapshot {
  readonly director: DirectorState;
  readonly running: boolean;
  /** The captions so far, oldest first (the last few hundred). */
  readonly captions: ReadonlyArray<Caption>;
  readonly journal: JournalStatus;
}

/** What the session needs from main: the journal channels. */
export interface JournalApi {
  readonly append: (attemptId: string, records: ReadonlyArray<SessionRecord>) => Promise<void>;
  readonly finish: (attemptId: string) => Promise<AssessmentSummary>;
}

/** Everything a played session is made of. */
export interface PlaySessionOptions {
  readonly scenario: Scenario;
  readonly attemptId: string;
  readonly seed: number;
  readonly mode: PlayMode;
  readonly journal: JournalApi;
  readonly player: CuePlayer | null;
  readonly clock?: Clock;
  readonly timers?: Timers;
  /** How long to wait before retrying a failed append (ms). */
  readonly retryMs?: number;
  /**
   * An interrupted session to go on with: the director rebuilt from its journal
   * (`resumeDirector`). Its clock starts at the journal's last record, the records that had
   * not reached the journal are sent first, and the captions so far are shown again.
   */
  readonly resume?: ResumedDirector;
}

const MAX_CAPTIONS = 300;

/** A session being played, with its journal and sounds. */
export class PlaySession {
  readonly scenario: Scenario;
  readonly attemptId: string;
  readonly mode: PlayMode;
  private readonly live: LiveSession;
  private readonly journalApi: JournalApi;
  private readonly player: CuePlayer | null;
  private readonly timers: Timers;
  private readonly retryMs: number;
  private snapshot: PlaySnapshot;
  private readonly listeners = new Set<() => void>();
  private pending: SessionRecord[] = [];
  private flushing: Promise<void> | null = null;
  private retryTimer: unknown = null;
  private cueCounter = 0;
  private finishing: Promise<AssessmentSummary | null> | null = null;

  constructor(options: PlaySessionOptions) {
    this.scenario = options.scenario;
    this.attemptId = options.attemptId;
    this.mode = options.mode;
    this.journalApi = options.journal;
    this.player = options.player;
    this.retryMs = options.retryMs ?? 1000;
    this.timers = options.timers ?? {
      set: (callback, ms) => window.setTimeout(callback, ms),
      clear: (handle) => window.clearTimeout(handle as number),
    };
    const clock = options.clock ?? (() => performance.now());
    let first: {
      state: DirectorState;
      records: ReadonlyArray<SessionRecord>;
      cues: ReadonlyArray<Cue>;
    } | null = null;
    const resume = options.resume;
    this.live = new LiveSession(
      options.scenario,
      options.seed,
      clock,
      this.timers,
      (update) => {
        if (this.snapshot === undefined) first = update;
        else this.onUpdate(update.state, update.records, update.cues);
      },
      resume === undefined ? undefined : { state: resume.state, time: resume.time },
    );
    this.snapshot = { director: this.live.state, running: false, captions: [], journal: { state: 'ok' } };
    if (resume !== undefined) {
      const captions = this.captionsOf(resume.cues);
      this.snapshot = { ...this.snapshot, captions: captions.slice(-MAX_CAPTIONS) };
      // What was heard before is over; what lasts (a ringing phone, hold music) sounds again.
      const lasting = lastingCues(resume.cues);
      if (lasting.length > 0) this.player?.handle(lasting, this.cueContext());
      this.pending.push(...resume.missing);
      void this.flush();
    }
    if (first !== null) {
      const { state, records, cues } = first;
      this.onUpdate(state, records, cues);
    }
  }

  /** Subscribes to changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The state now (for `useSyncExternalStore`). */
  readonly getSnapshot = (): PlaySnapshot => this.snapshot;

  /** The simulated time now (ms): read it for clocks and timers, it runs between updates. */
  get time(): number {
    return this.live.time;
  }

  /** Starts the clock (or resumes it after a pause). */
  start(): void {
    this.live.resume();
    this.player?.resume();
    this.set({ running: this.live.running });
  }

  /** Pauses the clock and the sounds (practice mode only). */
  pause(): void {
    if (this.mode !== 'practice') return;
    this.live.pause();
    this.player?.pause();
    this.set({ running: false });
  }

  /**
   * The trainee does something: an action, or an answer to a question. Answers the records the
   * input produced (none once the session has ended).
   */
  act(input: LiveInput): ReadonlyArray<SessionRecord> {
    if (this.snapshot.director.ended) return [];
    const records = this.live.act(input);
    void this.flush();
    return records;
  }

  /** Ends the session now (the trainee stops it), then finishes it in main. */
  stop(): Promise<AssessmentSummary | null> {
    if (!this.snapshot.director.ended) this.live.act({ kind: 'stop' });
    return this.finish();
  }

  /** Stops the clock and every sound, without finishing (the page is going away). */
  dispose(): void {
    this.live.dispose();
    this.player?.stopAll();
    if (this.retryTimer !== null) this.timers.clear(this.retryTimer);
    this.listeners.clear();
  }

  private onUpdate(
    state: DirectorState,
    records: ReadonlyArray<SessionRecord>,
    cues: ReadonlyArray<Cue>,
  ): void {
    this.pending.push(...records);
    if (cues.length > 0 && this.player !== null) this.player.handle(cues, this.cueContext());
    const all = [...(this.snapshot?.captions ?? []), ...this.captionsOf(cues)];
    this.snapshot = {
      ...(this.snapshot ?? { journal: { state: 'ok' } }),
      director: state,
      running: this.live?.running ?? false,
      captions: all.length > MAX_CAPTIONS ? all.slice(-MAX_CAPTIONS) : all,
    };
    this.notify();
    void this.flush();
    if (state.ended) void this.finish();
  }

  /** The captions of one update's cues, in order: lines as said, the other cues as sound captions. */
  private captionsOf(cues: ReadonlyArray<Cue>): Caption[] {
    const captions: Caption[] = [];
    let sounds: Cue[] = [];
    const flushSounds = () => {
      const time = sounds[0]?.time ?? 0;
      for (const sound of soundCaptions(sounds))
        captions.push({ id: ++this.cueCounter, kind: 'sound', time, sound });
      sounds = [];
    };
    for (const cue of cues) {
      if (cue.cue === 'line') {
        flushSounds();
        captions.push({
          id: ++this.cueCounter,
          kind: 'line',
          time: cue.time,
          party: cue.party,
          text: cue.text,
        });
      } else {
        sounds.push(cue);
      }
    }
    flushSounds();
    return captions;
  }

  private cueContext(): CueContext {
    return {
      now: this.live?.time ?? 0,
      country: this.scenario.call.instance.country,
      language: this.scenario.language,
      scenarioId: this.scenario.id,
      parties: this.scenario.parties.map((party) => ({ id: party.id, name: party.name, kind: party.kind })),
      trainee: this.scenario.call.trainee,
    };
  }

  /** Sends the pending records to the journal, in order, one request at a time. */
  private flush(): Promise<void> {
    if (this.flushing !== null) return this.flushing;
    if (this.pending.length === 0) return Promise.resolve();
    this.flushing = (async () => {
      try {
        while (this.pending.length > 0) {
          const batch = this.pending.slice(0, MAX_APPEND_RECORDS);
          await this.journalApi.append(this.attemptId, batch);
          this.pending.splice(0, batch.length);
          if (this.snapshot.journal.state === 'retrying') this.set({ journal: { state: 'ok' } });
        }
      } catch (error) {
        this.set({ journal: { state: 'retrying', message: messageOf(error) } });
        this.retryTimer = this.timers.set(() => {
          this.retryTimer = null;
          void this.flush();
        }, this.retryMs);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private finish(): Promise<AssessmentSummary | null> {
    if (this.finishing !== null) return this.finishing;
    this.finishing = (async () => {
      this.player?.stopAll();
      this.set({ journal: { state: 'finishing' }, running: false });
      try {
        for (let attempt = 0; this.pending.length > 0 || this.flushing !== null; attempt++) {
          await this.flush();
          if (this.pending.length > 0) {
            if (attempt >= 4) throw new Error(this.retryMessage());
            await new Promise<void>((resolve) => this.timers.set(() => resolve(), this.retryMs));
          }
        }
        const summary = await this.journalApi.finish(this.attemptId);
        this.set({ journal: { state: 'finished', summary } });
        return summary;
      } catch (error) {
        this.set({ journal: { state: 'failed', message: messageOf(error) } });
        return null;
      }
    })();
    return this.finishing;
  }

  private retryMessage(): string {
    const journal = this.snapshot.journal;
    return journal.state === 'retrying' ? journal.message : 'the journal did not take the last records';
  }

  private set(patch: Partial<PlaySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
