// Synthesises every cue sound of the catalogue (src/renderer/src/audio/sounds.ts) as samples.
// Pure arithmetic on the sample index, no randomness and no clock: the same bytes every run.
import {
  cycleMs,
  DTMF_KEYS,
  DTMF_TONE_MS,
  dtmfFrequencies,
  dtmfSound,
  HOLD_MUSIC_MS,
  RING,
  SAMPLE_RATE,
  SOUND_IDS,
  type SoundId,
  soundFileName,
  TONE_SET_IDS,
  TONE_SETS,
  type ToneSpec,
} from '../../src/renderer/src/audio/sounds';
import { encodeWav } from './wav';

const TAU = 2 * Math.PI;
/** The highest partial a sound may have: below the 4 kHz Nyquist limit of 8 kHz, with room. */
const HIGHEST_PARTIAL_HZ = 3600;

function samplesOf(ms: number): number {
  return Math.round((ms * SAMPLE_RATE) / 1000);
}

/** Fades [start, end) in and out with raised-cosine ramps of `rampMs`, so that no edge clicks. */
function ramp(buffer: Float64Array, start: number, end: number, rampMs: number): void {
  const length = Math.min(samplesOf(rampMs), Math.floor((end - start) / 2));
  for (let i = 0; i < length; i++) {
    const gain = 0.5 - 0.5 * Math.cos((Math.PI * (i + 0.5)) / length);
    buffer[start + i] = (buffer[start + i] as number) * gain;
    buffer[end - 1 - i] = (buffer[end - 1 - i] as number) * gain;
  }
}

/**
 * One cycle of a network tone: its frequencies summed (each at `level` / count, so the peak
 * stays at `level`) during the tone parts of the cadence, silence in the others. The sines run
 * on the cycle's clock, as an exchange's tone generator runs and is gated.
 */
function renderTone(spec: ToneSpec, level: number): Float64Array {
  const buffer = new Float64Array(samplesOf(cycleMs(spec)));
  const amplitude = level / spec.frequencies.length;
  let start = 0;
  spec.cadence.forEach((ms, index) => {
    const end = start + samplesOf(ms);
    if (index % 2 === 0) {
      for (let n = start; n < end; n++) {
        let value = 0;
        for (const frequency of spec.frequencies) value += Math.sin((TAU * frequency * n) / SAMPLE_RATE);
        buffer[n] = value * amplitude;
      }
      ramp(buffer, start, end, 4);
    }
    start = end;
  });
  return buffer;
}

/** The softphone ring: a phase-continuous warble between two tones in a double-ring cadence. */
function renderRing(level: number): Float64Array {
  const buffer = new Float64Array(samplesOf(RING.cadence.reduce((sum, ms) => sum + ms, 0)));
  const switchEvery = SAMPLE_RATE / (2 * RING.warbleHz);
  let start = 0;
  RING.cadence.forEach((ms, index) => {
    const end = start + samplesOf(ms);
    if (index % 2 === 0) {
      let phase = 0;
      for (let n = start; n < end; n++) {
        const frequency = RING.frequencies[Math.floor((n - start) / switchEvery) % 2] as number;
        buffer[n] = Math.sin(phase) * level;
        phase = (phase + (TAU * frequency) / SAMPLE_RATE) % TAU;
      }
      ramp(buffer, start, end, 4);
    }
    start = end;
  });
  return buffer;
}

/** A DTMF digit: its row and column frequencies at equal level (no twist) for the tone's length. */
function renderDtmf(frequencies: readonly [number, number], level: number): Float64Array {
  const buffer = new Float64Array(samplesOf(DTMF_TONE_MS));
  for (let n = 0; n < buffer.length; n++) {
    buffer[n] =
      (level / 2) *
      (Math.sin((TAU * frequencies[0] * n) / SAMPLE_RATE) +
        Math.sin((TAU * frequencies[1] * n) / SAMPLE_RATE));
  }
  ramp(buffer, 0, buffer.length, 2);
  return buffer;
}

/** A struck note: partials with relative levels, a 5 ms attack and an exponential decay. */
interface Note {
  readonly startMs: number;
  readonly frequency: number;
  readonly level: number;
  readonly partials: ReadonlyArray<number>;
  readonly decayMs: number;
  readonly lengthMs: number;
}

/**
 * Adds a note into `buffer`. With `wrap`, the tail that runs past the end continues from the
 * start, so that a looped buffer has no seam.
 */
function addNote(buffer: Float64Array, note: Note, wrap: boolean): void {
  const start = samplesOf(note.startMs);
  const length = samplesOf(note.lengthMs);
  const attack = samplesOf(5);
  const release = samplesOf(20);
  for (let i = 0; i < length; i++) {
    const index = wrap ? (start + i) % buffer.length : start + i;
    if (index >= buffer.length) break;
    let value = 0;
    note.partials.forEach((partial, k) => {
      const frequency = note.frequency * (k + 1);
      if (frequency <= HIGHEST_PARTIAL_HZ) value += partial * Math.sin((TAU * frequency * i) / SAMPLE_RATE);
    });
    const envelope =
      Math.min(1, i / attack) *
      Math.min(1, (length - i) / release) *
      Math.exp(-((i * 1000) / SAMPLE_RATE) / note.decayMs);
    buffer[index] = (buffer[index] as number) + value * envelope * note.level;
  }
}

function normalise(buffer: Float64Array, peak: number): Float64Array {
  const highest = buffer.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  return highest === 0 ? buffer : buffer.map((value) => (value * peak) / highest);
}

function midi(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/** Two or more struck notes, one after the other (the chimes and the refused tone). */
function renderNotes(lengthMs: number, notes: ReadonlyArray<Note>, peak: number): Float64Array {
  const buffer = new Float64Array(samplesOf(lengthMs));
  for (const note of notes) addNote(buffer, note, false);
  return normalise(buffer, peak);
}

const BELL = [1, 0.3, 0.1];
/** Odd partials: a buzz, unlike any chime, for a refused action. */
const BUZZ = [1, 0, 0.45, 0, 0.25, 0, 0.15];

function chime(first: number, second: number): Float64Array {
  return renderNotes(
    450,
    [
      { startMs: 0, frequency: midi(first), level: 1, partials: BELL, decayMs: 120, lengthMs: 150 },
      { startMs: 130, frequency: midi(second), level: 1, partials: BELL, decayMs: 140, lengthMs: 320 },
    ],
    0.5,
  );
}

function refusedTone(): Float64Array {
  const pulse = { frequency: 311, level: 1, partials: BUZZ, decayMs: 400, lengthMs: 120 };
  return renderNotes(
    320,
    [
      { startMs: 0, ...pulse },
      { startMs: 190, ...pulse },
    ],
    0.5,
  );
}

/**
 * Hold music: I-vi-IV-V in C, one chord a bar at 120 beats a minute, an electric-piano
 * arpeggio in eighths over a bass on beats one and three. Rendered circularly, so it loops
 * without a seam.
 */
function holdMusic(): Float64Array {
  const buffer = new Float64Array(samplesOf(HOLD_MUSIC_MS));
  const bar = HOLD_MUSIC_MS / 4;
  const chords: ReadonlyArray<{ readonly bass: number; readonly tones: ReadonlyArray<number> }> = [
    { bass: 60, tones: [72, 76, 79, 84] }, // C
    { bass: 57, tones: [69, 72, 76, 81] }, // Am
    { bass: 53, tones: [65, 69, 72, 77] }, // F
    { bass: 55, tones: [67, 71, 74, 79] }, // G
  ];
  const pattern = [0, 1, 2, 3, 2, 1, 2, 1];
  chords.forEach((chord, index) => {
    const barStart = index * bar;
    for (const beat of [0, 2]) {
      addNote(
        buffer,
        {
          startMs: barStart + (beat * bar) / 4,
          frequency: midi(chord.bass),
          level: 0.8,
          partials: [1, 0.25],
          decayMs: 450,
          lengthMs: 1000,
        },
        true,
      );
    }
    pattern.forEach((tone, step) => {
      addNote(
        buffer,
        {
          startMs: barStart + (step * bar) / 8,
          frequency: midi(chord.tones[tone] as number),
          level: 0.5,
          partials: [1, 0.35, 0.12],
          decayMs: 280,
          lengthMs: 900,
        },
        true,
      );
    });
  });
  return normalise(buffer, 0.45);
}

/** Every cue sound, as samples at SAMPLE_RATE, in the catalogue's order. */
export function renderSounds(): ReadonlyMap<SoundId, Float64Array> {
  const sounds = new Map<SoundId, Float64Array>();
  sounds.set('ring', renderRing(0.6));
  for (const id of TONE_SET_IDS) {
    sounds.set(`ringback-${id}`, renderTone(TONE_SETS[id].ringback, 0.45));
    sounds.set(`busy-${id}`, renderTone(TONE_SETS[id].busy, 0.45));
  }
  sounds.set('join', chime(76, 83));
  sounds.set('leave', chime(83, 76));
  sounds.set('refused', refusedTone());
  sounds.set('hold-music', holdMusic());
  for (const key of DTMF_KEYS) sounds.set(dtmfSound(key) as SoundId, renderDtmf(dtmfFrequencies(key), 0.7));
  const ordered = new Map<SoundId, Float64Array>();
  for (const id of SOUND_IDS) {
    const samples = sounds.get(id);
    if (!samples) throw new Error(`no synthesis for the sound ${id}`);
    ordered.set(id, samples);
  }
  return ordered;
}

/** Every cue file: its name under resources/audio and its bytes. */
export function cueFiles(): ReadonlyMap<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [id, samples] of renderSounds()) files.set(soundFileName(id), encodeWav(samples, SAMPLE_RATE));
  return files;
}
