/**
 * From cues to sounds, without playing anything: which sound, looped or not, after what delay,
 * at what volume, and which loop stops. The player carries the steps out with howler; this
 * module decides them, so that tests check every cue and every country without a sound card.
 */
import { assertNever } from '@shared/assert-never';
import type { Cue } from '@shared/scenario';
import { cycleMs, dtmfSound, type SoundId, TONE_SETS, toneSetOf } from './sounds';

/** The sounds that run until a cue stops them. */
export type LoopId = 'ring' | 'ringback' | 'hold-music';

/** The cues that start and stop the sounds that last (ringing, ringback, hold music). */
const LASTING_CUES: ReadonlySet<Cue['cue']> = new Set([
  'ring',
  'ring-stop',
  'ringback',
  'ringback-stop',
  'hold-music-start',
  'hold-music-stop',
]);

/**
 * Of the cues before a point, those of the sounds that last: played again from that point (a
 * resumed session, a replay moved), they sound what was still running there, and nothing else.
 */
export function lastingCues(cues: ReadonlyArray<Cue>): ReadonlyArray<Cue> {
  return cues.filter((cue) => LASTING_CUES.has(cue.cue));
}

/** What a plan depends on besides the cues. */
export interface PlanContext {
  /** Session time now (ms): a cue timed later plays that much later. */
  readonly now: number;
  /** The scenario instance's country (ISO 3166-1 alpha-2), for ringback and busy. */
  readonly country: string;
  readonly trainee: string;
  /** Whether the trainee hears a quiet hold-music indicator while another party is held. */
  readonly holdIndicator: boolean;
}

/** Who the loops are running for: the planner's memory between two updates. */
export interface PlanState {
  /** Parties whose phone rings (the trainee, while a contact is offered). */
  readonly ringing: ReadonlyArray<string>;
  /** Parties the trainee dialled who are being alerted. */
  readonly ringingBack: ReadonlyArray<string>;
  /** Parties on hold. */
  readonly held: ReadonlyArray<string>;
}

/** No loop running: the state before a session's first cue. */
export const EMPTY_PLAN_STATE: PlanState = { ringing: [], ringingBack: [], held: [] };

/** A loop that should be running, with its sound and volume. */
export interface LoopPlay {
  readonly loop: LoopId;
  readonly sound: SoundId;
  readonly volume: number;
}

/** One thing for the player to do. */
export type SoundStep =
  | { readonly step: 'start-loop'; readonly loop: LoopId; readonly sound: SoundId; readonly volume: number }
  | { readonly step: 'loop-volume'; readonly loop: LoopId; readonly volume: number }
  | { readonly step: 'stop-loop'; readonly loop: LoopId }
  | {
      readonly step: 'play';
      readonly sound: SoundId;
      readonly delayMs: number;
      readonly volume: number;
      /** Loop the sound and stop it after this long (the busy tone's few cycles); null: play once. */
      readonly stopAfterMs: number | null;
    }
  | { readonly step: 'speak'; readonly party: string; readonly text: string; readonly clip: string | null };

/**
 * The volume of each sound relative to the master volume. Hold music is loud only for the
 * party who is held; the others hear a quiet indicator.
 */
export const SOUND_VOLUMES = {
  ring: 0.8,
  ringback: 0.5,
  busy: 0.5,
  dtmf: 0.45,
  join: 0.6,
  leave: 0.6,
  refused: 0.6,
  holdMusicHeld: 0.5,
  holdMusicIndicator: 0.12,
} as const;

/** How many cycles of the busy tone play before it stops by itself. */
export const BUSY_CYCLES = 4;

/** The loops that should be running in `state`, in a stable order. */
export function loopsOf(state: PlanState, context: PlanContext): ReadonlyArray<LoopPlay> {
  const loops: LoopPlay[] = [];
  if (state.ringing.length > 0) loops.push({ loop: 'ring', sound: 'ring', volume: SOUND_VOLUMES.ring });
  if (state.ringingBack.length > 0) {
    const sound: SoundId = `ringback-${toneSetOf(context.country)}`;
    loops.push({ loop: 'ringback', sound, volume: SOUND_VOLUMES.ringback });
  }
  // Hold music is what the held party hears: the trainee hears it in full when held, and as a
  // quiet indicator (unless turned off) while anyone else is held.
  if (state.held.includes(context.trainee)) {
    loops.push({ loop: 'hold-music', sound: 'hold-music', volume: SOUND_VOLUMES.holdMusicHeld });
  } else if (state.held.length > 0 && context.holdIndicator) {
    loops.push({ loop: 'hold-music', sound: 'hold-music', volume: SOUND_VOLUMES.holdMusicIndicator });
  }
  return loops;
}

/** The steps that turn the loops `before` into the loops `after`: stops first, then starts. */
export function diffLoops(
  before: ReadonlyArray<LoopPlay>,
  after: ReadonlyArray<LoopPlay>,
): ReadonlyArray<SoundStep> {
  const stops: SoundStep[] = [];
  const starts: SoundStep[] = [];
  for (const old of before) {
    const next = after.find((play) => play.loop === old.loop);
    if (!next || next.sound !== old.sound) stops.push({ step: 'stop-loop', loop: old.loop });
  }
  for (const next of after) {
    const old = before.find((play) => play.loop === next.loop);
    if (!old || old.sound !== next.sound) starts.push({ step: 'start-loop', ...next });
    else if (old.volume !== next.volume)
      starts.push({ step: 'loop-volume', loop: next.loop, volume: next.volume });
  }
  return [...stops, ...starts];
}

function including(parties: ReadonlyArray<string>, party: string): ReadonlyArray<string> {
  return parties.includes(party) ? parties : [...parties, party];
}

function excluding(parties: ReadonlyArray<string>, party: string): ReadonlyArray<string> {
  return parties.includes(party) ? parties.filter((other) => other !== party) : parties;
}

function once(sound: SoundId, delayMs: number, volume: number): SoundStep {
  return { step: 'play', sound, delayMs, volume, stopAfterMs: null };
}

/**
 * Plans the cues of one director update: the loops they start and stop (compared with what ran
 * before) and the sounds they play once. Two cues that would play the same sound at the same
 * moment (three parties leaving as the contact ends) play it once.
 */
export function planCues(
  state: PlanState,
  cues: ReadonlyArray<Cue>,
  context: PlanContext,
): { readonly state: PlanState; readonly steps: ReadonlyArray<SoundStep> } {
  let next = state;
  const oneShots: SoundStep[] = [];
  const delayOf = (cue: Cue) => Math.max(0, cue.time - context.now);
  const toneSet = TONE_SETS[toneSetOf(context.country)];
  for (const cue of cues) {
    switch (cue.cue) {
      case 'ring':
        next = { ...next, ringing: including(next.ringing, cue.party) };
        break;
      case 'ring-stop':
        next = { ...next, ringing: excluding(next.ringing, cue.party) };
        break;
      case 'ringback':
        next = { ...next, ringingBack: including(next.ringingBack, cue.party) };
        break;
      case 'ringback-stop':
        next = { ...next, ringingBack: excluding(next.ringingBack, cue.party) };
        break;
      case 'hold-music-start':
        next = { ...next, held: including(next.held, cue.party) };
        break;
      case 'hold-music-stop':
        next = { ...next, held: excluding(next.held, cue.party) };
        break;
      case 'busy':
        oneShots.push({
          step: 'play',
          sound: `busy-${toneSetOf(context.country)}`,
          delayMs: delayOf(cue),
          volume: SOUND_VOLUMES.busy,
          stopAfterMs: BUSY_CYCLES * cycleMs(toneSet.busy),
        });
        break;
      case 'join':
        oneShots.push(once('join', delayOf(cue), SOUND_VOLUMES.join));
        break;
      case 'leave':
        oneShots.push(once('leave', delayOf(cue), SOUND_VOLUMES.leave));
        break;
      case 'refused':
        oneShots.push(once('refused', delayOf(cue), SOUND_VOLUMES.refused));
        break;
      case 'dtmf': {
        const sound = dtmfSound(cue.digit);
        if (sound !== null) oneShots.push(once(sound, delayOf(cue), SOUND_VOLUMES.dtmf));
        break;
      }
      case 'line':
        oneShots.push({ step: 'speak', party: cue.party, text: cue.text, clip: cue.clip });
        break;
      default:
        assertNever(cue, 'cue');
    }
  }
  const unique = oneShots.filter(
    (step, index) =>
      step.step !== 'play' ||
      oneShots.findIndex(
        (other) => other.step === 'play' && other.sound === step.sound && other.delayMs === step.delayMs,
      ) === index,
  );
  return { state: next, steps: [...diffLoops(loopsOf(state, context), loopsOf(next, context)), ...unique] };
}
