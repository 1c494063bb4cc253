/**
 * The cue player: carries out the sound plan of every director update with howler. One Howl per
 * cue file (`audio/<sound>.wav`, loaded when the player is created, so that a cue sounds at once),
 * one more per recorded line while it plays; every Howl is in howler's `Howler._howls`.
 */
import type { Cue } from '@shared/scenario';
import { Howl, Howler } from 'howler';
import {
  diffLoops,
  EMPTY_PLAN_STATE,
  type LoopId,
  loopsOf,
  type PlanContext,
  planCues,
  type SoundStep,
} from './plan';
import { applyAudioSettings, readAudioSettings, subscribeAudioSettings } from './settings';
import { SOUND_IDS, type SoundId, soundUrl } from './sounds';
import { voiceFor } from './voices';

/** What the player needs to know of the session besides its cues. */
export interface CueContext {
  /** Session time now (ms). Cues timed later than now (DTMF digits) play `time - now` ms later. */
  readonly now: number;
  /** The scenario instance's country (ISO 3166 alpha-2) for ringback and busy cadences (ITU-T E.180). */
  readonly country: string;
  /** The scenario's language, for speech synthesis. */
  readonly language: 'en' | 'de';
  /** The scenario's id, to load a line's clip. */
  readonly scenarioId: string;
  /** The parties (a distinct voice per party). */
  readonly parties: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly kind: 'caller' | 'agent' | 'external';
  }>;
  readonly trainee: string;
}

/** Plays the cues of a session. */
export interface CuePlayer {
  /** Starts and stops sounds for the cues of one director update (ringback loops until ringback-stop, ...). */
  handle(cues: ReadonlyArray<Cue>, context: CueContext): void;
  /** Session paused: silence everything, forget pending tones, remember the loops that should run. */
  pause(): void;
  /** Session resumed: restart the loops that should run. */
  resume(): void;
  /** Session over: stop every sound. */
  stopAll(): void;
  dispose(): void;
}

/** How the player gets what is not a cue file. */
export interface CuePlayerOptions {
  /** Loads a line's recorded clip; null when there is none (then speech synthesis, else captions only). */
  readonly loadClip?: (scenarioId: string, clip: string) => Promise<Blob | null>;
}

/** The sounds that loop when played: the ones a cue stops, and the busy tone's few cycles. */
function loops(sound: SoundId): boolean {
  return (
    sound === 'ring' || sound === 'hold-music' || sound.startsWith('ringback-') || sound.startsWith('busy-')
  );
}

/** howler's format name for a clip's MIME type (a blob: URL has no extension to tell it). */
function clipFormat(mime: string): string {
  const subtype = (mime.split('/')[1] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const formats: Readonly<Record<string, string>> = {
    mpeg: 'mp3',
    mp3: 'mp3',
    wav: 'wav',
    wave: 'wav',
    'x-wav': 'wav',
    ogg: 'ogg',
    opus: 'opus',
    webm: 'webm',
    mp4: 'm4a',
    aac: 'aac',
    flac: 'flac',
  };
  return formats[subtype] ?? subtype;
}

function speech(): SpeechSynthesis | null {
  return typeof window !== 'undefined' &&
    'speechSynthesis' in window &&
    typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : null;
}

/** Creates the session's cue player; its cue files start loading at once. */
export function createCuePlayer(options: CuePlayerOptions = {}): CuePlayer {
  // A cue must sound within 20 ms: keep the AudioContext running rather than let howler suspend
  // it after 30 s of silence (waking it takes longer than that).
  Howler.autoSuspend = false;
  applyAudioSettings();
  // Asking once makes Chromium start loading its voice list.
  speech()?.getVoices();

  const howls = new Map<SoundId, Howl>(
    SOUND_IDS.map((sound) => [
      sound,
      new Howl({ src: [soundUrl(sound)], preload: true, loop: loops(sound) }),
    ]),
  );
  const running = new Map<LoopId, { readonly howl: Howl; readonly id: number }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const clips = new Set<() => void>();
  let plan = EMPTY_PLAN_STATE;
  let context: CueContext | null = null;
  let settings = readAudioSettings();
  let paused = false;
  let disposed = false;
  /** Bumped whenever sounds are silenced: a clip that finishes loading after that is dropped. */
  let generation = 0;

  const planContext = (cueContext: CueContext): PlanContext => ({
    now: cueContext.now,
    country: cueContext.country,
    trainee: cueContext.trainee,
    holdIndicator: settings.holdIndicator,
  });

  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const play = (sound: SoundId, volume: number): { readonly howl: Howl; readonly id: number } | null => {
    const howl = howls.get(sound);
    if (!howl) return null;
    const id = howl.play();
    howl.volume(volume, id);
    return { howl, id };
  };

  const speak = (party: string, text: string, cueContext: CueContext) => {
    const synth = speech();
    if (synth === null || settings.muted) return;
    const speakers = cueContext.parties.filter((other) => other.id !== cueContext.trainee);
    const index = speakers.findIndex((other) => other.id === party);
    const choice = voiceFor(
      synth.getVoices(),
      cueContext.language,
      cueContext.country,
      index < 0 ? speakers.length : index,
    );
    // Without a voice of the scenario's language the line is left to its caption.
    if (choice.voice === null) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = choice.voice;
    utterance.lang = choice.lang;
    utterance.pitch = choice.pitch;
    utterance.volume = settings.volume;
    synth.speak(utterance);
  };

  const playClip = (blob: Blob, fallback: () => void) => {
    const url = URL.createObjectURL(blob);
    // HTML5 audio: the CSP lets media load from blob: (media-src), not fetches (connect-src).
    const howl = new Howl({ src: [url], format: [clipFormat(blob.type)], html5: true });
    const done = () => {
      clips.delete(done);
      howl.unload();
      URL.revokeObjectURL(url);
    };
    clips.add(done);
    howl.once('end', done);
    howl.once('loaderror', () => {
      done();
      fallback();
    });
    howl.once('playerror', done);
    howl.play();
  };

  const line = (step: Extract<SoundStep, { step: 'speak' }>, cueContext: CueContext) => {
    const clip = step.clip;
    const loadClip = options.loadClip;
    const fallback = () => speak(step.party, step.text, cueContext);
    if (clip === null || !loadClip) {
      fallback();
      return;
    }
    const started = generation;
    const current = () => started === generation && !disposed;
    loadClip(cueContext.scenarioId, clip).then(
      (blob) => {
        if (!current()) return;
        if (blob === null) fallback();
        else playClip(blob, () => current() && fallback());
      },
      () => current() && fallback(),
    );
  };

  const stopLoop = (loop: LoopId) => {
    const playing = running.get(loop);
    if (!playing) return;
    playing.howl.stop(playing.id);
    running.delete(loop);
  };

  const perform = (step: SoundStep, cueContext: CueContext) => {
    switch (step.step) {
      case 'start-loop': {
        stopLoop(step.loop);
        const playing = play(step.sound, step.volume);
        if (playing) running.set(step.loop, playing);
        break;
      }
      case 'loop-volume': {
        const playing = running.get(step.loop);
        playing?.howl.volume(step.volume, playing.id);
        break;
      }
      case 'stop-loop':
        stopLoop(step.loop);
        break;
      case 'play': {
        const start = () => {
          const playing = play(step.sound, step.volume);
          const stopAfter = step.stopAfterMs;
          if (playing && stopAfter !== null) later(stopAfter, () => playing.howl.stop(playing.id));
        };
        // A cue stamped within the clock's last millisecond (input times are whole ms) is now.
        if (step.delayMs >= 1) later(step.delayMs, start);
        else start();
        break;
      }
      case 'speak':
        line(step, cueContext);
        break;
    }
  };

  const silence = () => {
    generation++;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    // Only what sounds (or waits to, before its file has loaded): a stop event means a sound ended.
    for (const howl of howls.values()) if (howl.state() !== 'loaded' || howl.playing()) howl.stop();
    running.clear();
    for (const done of [...clips]) done();
    speech()?.cancel();
  };

  const startLoops = () => {
    if (context === null) return;
    for (const loop of loopsOf(plan, planContext(context))) {
      perform({ step: 'start-loop', ...loop }, context);
    }
  };

  // The hold-music indicator follows its setting at once, not only at the next cue.
  const unsubscribe = subscribeAudioSettings(() => {
    const previous = settings;
    settings = readAudioSettings();
    if (context === null || paused || disposed || previous.holdIndicator === settings.holdIndicator) return;
    const before = loopsOf(plan, { ...planContext(context), holdIndicator: previous.holdIndicator });
    for (const step of diffLoops(before, loopsOf(plan, planContext(context)))) perform(step, context);
  });

  return {
    handle(cues, cueContext) {
      if (disposed) return;
      context = cueContext;
      const result = planCues(plan, cues, planContext(cueContext));
      plan = result.state;
      // While paused the loops are only remembered (resume starts them); tones are dropped.
      if (paused) return;
      for (const step of result.steps) perform(step, cueContext);
    },
    pause() {
      if (disposed || paused) return;
      paused = true;
      silence();
    },
    resume() {
      if (disposed || !paused) return;
      paused = false;
      startLoops();
    },
    stopAll() {
      if (disposed) return;
      silence();
      plan = EMPTY_PLAN_STATE;
      paused = false;
    },
    dispose() {
      if (disposed) return;
      silence();
      disposed = true;
      unsubscribe();
      for (const howl of howls.values()) howl.unload();
      howls.clear();
    },
  };
}
