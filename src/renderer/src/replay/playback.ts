/**
 * Playing a replay: the position runs with the clock at 1x, 2x or 4x, and the cues of the log
 * sound through the session's cue player as the position passes them. The position is the
 * replay's cursor; moving the cursor while playing plays on from there.
 */
import type { Cue } from '@shared/scenario';
import type { CueContext, CuePlayer } from '../audio';
import { lastingCues } from '../audio/plan';

/** The speeds a replay plays at. */
export const PLAYBACK_SPEEDS = [1, 2, 4] as const;
/** A speed a replay plays at. */
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

/** What a playback needs from its host; tests pass fake timers. */
export interface PlaybackHost {
  /** Milliseconds of a monotonic clock (`performance.now`). */
  readonly now: () => number;
  /** Calls back at the next frame (`requestAnimationFrame`). */
  readonly frame: (callback: () => void) => number;
  readonly cancelFrame: (handle: number) => void;
}

/** What a playback plays and whom it tells. */
export interface PlaybackOptions {
  readonly cues: ReadonlyArray<Cue>;
  readonly endTime: number;
  /** The cue player, made when playing starts; null plays without sound (captions still pass). */
  readonly player: () => CuePlayer | null;
  readonly context: Omit<CueContext, 'now'>;
  /** The position moved (ms). */
  readonly onPosition: (time: number) => void;
  /** Cues the position passed, in order (for captions). */
  readonly onCues: (cues: ReadonlyArray<Cue>) => void;
  /** Playing started or stopped (at the end, or paused). */
  readonly onPlaying: (playing: boolean) => void;
  readonly host?: PlaybackHost;
}

const browserHost: PlaybackHost = {
  now: () => performance.now(),
  frame: (callback) => window.requestAnimationFrame(callback),
  cancelFrame: (handle) => window.cancelAnimationFrame(handle),
};

/** A replay playing, or ready to. */
export class ReplayPlayback {
  private readonly host: PlaybackHost;
  private speedValue: PlaybackSpeed = 1;
  private position = 0;
  /** Where the position was at `since` (the host's clock) while playing. */
  private from = 0;
  private since = 0;
  private next = 0;
  private handle: number | null = null;
  private player: CuePlayer | null = null;

  private readonly cues: ReadonlyArray<Cue>;

  constructor(private readonly options: PlaybackOptions) {
    this.host = options.host ?? browserHost;
    // In time order (DTMF tones are timed after the record that sent them); the sort is stable.
    this.cues = [...options.cues].sort((a, b) => a.time - b.time);
  }

  /** Whether it is playing. */
  get playing(): boolean {
    return this.handle !== null;
  }

  /** The speed (1x, 2x or 4x). */
  get speed(): PlaybackSpeed {
    return this.speedValue;
  }

  /** Plays from `time` (from the start when `time` is the end). */
  play(time: number): void {
    this.stopFrames();
    this.player = this.options.player();
    this.startAt(time >= this.options.endTime ? 0 : time);
    this.options.onPlaying(true);
    this.tick();
  }

  /** Stops where it is, silencing every sound. */
  pause(): void {
    if (!this.playing) return;
    this.advance();
    this.stopFrames();
    this.player?.stopAll();
    this.options.onPosition(this.position);
    this.options.onPlaying(false);
  }

  /** Moves the position; while playing, it plays on from there. */
  seek(time: number): void {
    if (!this.playing) {
      this.position = time;
      return;
    }
    this.startAt(time);
  }

  /** Changes the speed; while playing, from the position now. */
  setSpeed(speed: PlaybackSpeed): void {
    if (this.playing) {
      this.advance();
      this.from = this.position;
      this.since = this.host.now();
    }
    this.speedValue = speed;
  }

  /** Stops for good. */
  dispose(): void {
    this.stopFrames();
    this.player?.stopAll();
  }

  /** Starts the clock at `time`: the sounds that last at that moment start, the next cues wait. */
  private startAt(time: number): void {
    const end = this.options.endTime;
    this.position = Math.min(end, Math.max(0, time));
    this.from = this.position;
    this.since = this.host.now();
    const cues = this.cues;
    this.next = cues.findIndex((cue) => cue.time >= this.position);
    if (this.next < 0) this.next = cues.length;
    if (this.player !== null) {
      this.player.stopAll();
      const lasting = lastingCues(cues.slice(0, this.next));
      if (lasting.length > 0) this.player.handle(lasting, this.cueContext());
    }
  }

  private cueContext(): CueContext {
    return { ...this.options.context, now: this.position };
  }

  /** Moves the position with the clock and plays the cues it passed. */
  private advance(): void {
    const end = this.options.endTime;
    this.position = Math.min(end, this.from + (this.host.now() - this.since) * this.speedValue);
    const cues = this.cues;
    const start = this.next;
    while (this.next < cues.length && (cues[this.next]?.time ?? 0) <= this.position) this.next++;
    if (this.next > start) {
      const passed = cues.slice(start, this.next);
      this.player?.handle(passed, this.cueContext());
      this.options.onCues(passed);
    }
  }

  private tick = (): void => {
    this.advance();
    this.options.onPosition(this.position);
    if (this.position >= this.options.endTime) {
      this.stopFrames();
      this.player?.stopAll();
      this.options.onPlaying(false);
      return;
    }
    this.handle = this.host.frame(this.tick);
  };

  private stopFrames(): void {
    if (this.handle !== null) this.host.cancelFrame(this.handle);
    this.handle = null;
  }
}
