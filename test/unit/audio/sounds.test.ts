// The committed cue files, measured: each holds what the national tables and ITU-T Q.23 say,
// and the file each country's cue plays is the right one (picked by the real sound plan).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Cue } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../scripts/synth-audio/wav';
import { EMPTY_PLAN_STATE, planCues, type SoundStep } from '../../../src/renderer/src/audio/plan';
import {
  DTMF_COLUMNS,
  DTMF_KEYS,
  DTMF_ROWS,
  SOUND_IDS,
  type SoundId,
  soundFileName,
} from '../../../src/renderer/src/audio/sounds';
import { each } from '../../support/each';
import { decibels, fitSines, goertzel, type Run, runs, slice } from './signal';

const folder = join(__dirname, '../../../resources/audio');

function load(sound: SoundId) {
  return decodeWav(new Uint8Array(readFileSync(join(folder, soundFileName(sound)))), soundFileName(sound));
}

/** The sound the player starts or plays for one cue in a scenario of `country`. */
function soundOf(cue: Cue, country = 'US'): SoundId {
  const { steps } = planCues(EMPTY_PLAN_STATE, [cue], {
    now: 0,
    country,
    trainee: 'agent',
    holdIndicator: true,
  });
  const step = steps.find(
    (candidate): candidate is Extract<SoundStep, { step: 'play' | 'start-loop' }> =>
      candidate.step === 'play' || candidate.step === 'start-loop',
  );
  if (!step) throw new Error(`no sound for ${JSON.stringify(cue)}`);
  return step.sound;
}

/** The tone and silence lengths of a file, rounded to whole milliseconds. */
function cadenceOf(samples: Float64Array, sampleRate: number): ReadonlyArray<Run> {
  return runs(samples, sampleRate);
}

/** Every sounding run of a file holds exactly `frequencies` (steady part, ramps left out). */
function expectTones(samples: Float64Array, sampleRate: number, frequencies: ReadonlyArray<number>): void {
  for (const run of runs(samples, sampleRate).filter((r) => r.on)) {
    const steady = slice(samples, sampleRate, run.startMs + 8, run.startMs + run.ms - 8);
    const fit = fitSines(steady, sampleRate, frequencies);
    expect(fit.residual).toBeLessThan(1e-4);
    const loudest = Math.max(...fit.amplitudes);
    for (const amplitude of fit.amplitudes) expect(amplitude).toBeGreaterThan(0.9 * loudest);
  }
}

/** Compares measured runs with a cadence (tone first), allowing the 4 ms ramps at the edges. */
function expectCadence(measured: ReadonlyArray<Run>, cadence: ReadonlyArray<number>): void {
  expect(measured.map((run) => run.on)).toEqual(cadence.map((_, index) => index % 2 === 0));
  measured.forEach((run, index) => {
    expect(Math.abs(run.ms - (cadence[index] as number))).toBeLessThanOrEqual(5);
  });
}

describe('the cue files', () => {
  it('are one file per sound of the catalogue and nothing else, under 1 MB in all', () => {
    const files = readdirSync(folder).filter((name) => name.endsWith('.wav'));
    expect(files.sort()).toEqual(SOUND_IDS.map(soundFileName).sort());
    const total = files.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
    expect(total).toBeLessThan(1_000_000);
  });

  it('are mono 16-bit PCM at the telephone rate of 8 kHz', () => {
    for (const sound of SOUND_IDS) expect(load(sound).sampleRate).toBe(8000);
  });

  it('start and end in silence, so that no cue clicks', () => {
    for (const sound of SOUND_IDS) {
      const { samples } = load(sound);
      expect(Math.abs(samples[0] as number)).toBeLessThan(0.01);
      expect(Math.abs(samples[samples.length - 1] as number)).toBeLessThan(0.02);
    }
  });
});

/** The national tables, written out again from the sources (not read from the catalogue). */
const nationalTones = [
  // Precise Tone Plan (North America): ringing 440+480 Hz 2 s/4 s; busy 480+620 Hz 0.5 s/0.5 s.
  {
    country: 'US',
    ringback: [440, 480],
    ringCadence: [2000, 4000],
    busy: [480, 620],
    busyCadence: [500, 500],
  },
  {
    country: 'CA',
    ringback: [440, 480],
    ringCadence: [2000, 4000],
    busy: [480, 620],
    busyCadence: [500, 500],
  },
  // BT SIN 350: ringing 400+450 Hz 0.4/0.2/0.4/2.0 s; busy 400 Hz 0.375 s/0.375 s.
  {
    country: 'GB',
    ringback: [400, 450],
    ringCadence: [400, 200, 400, 2000],
    busy: [400],
    busyCadence: [375, 375],
  },
  // Deutsche Telekom: Freiton 425 Hz 1 s/4 s; Besetztton 425 Hz 0.48 s/0.48 s.
  { country: 'DE', ringback: [425], ringCadence: [1000, 4000], busy: [425], busyCadence: [480, 480] },
  // ACIF S002: ring tone 425 Hz modulated by 25 Hz (413+438 Hz) 0.4/0.2/0.4/2.0 s; busy 425 Hz 0.375/0.375 s.
  {
    country: 'AU',
    ringback: [413, 438],
    ringCadence: [400, 200, 400, 2000],
    busy: [425],
    busyCadence: [375, 375],
  },
] as const;

describe('ringback and busy follow the country of the scenario instance', () => {
  each(nationalTones)(
    '$country: ringback has its frequencies and cadence',
    ({ country, ringback, ringCadence }) => {
      const { samples, sampleRate } = load(soundOf({ cue: 'ringback', time: 0, party: 'p' }, country));
      expectCadence(cadenceOf(samples, sampleRate), ringCadence);
      expectTones(samples, sampleRate, ringback);
    },
  );

  each(nationalTones)('$country: busy has its frequencies and cadence', ({ country, busy, busyCadence }) => {
    const { samples, sampleRate } = load(soundOf({ cue: 'busy', time: 0, party: 'p' }, country));
    expectCadence(cadenceOf(samples, sampleRate), busyCadence);
    expectTones(samples, sampleRate, busy);
  });

  each([{ country: 'FR' }, { country: 'NL' }, { country: 'JP' }])(
    '$country (no table of its own): ringback and busy lie in the ranges ITU-T E.180 recommends',
    ({ country }) => {
      const ring = load(soundOf({ cue: 'ringback', time: 0, party: 'p' }, country));
      const [ringOn, ringOff] = cadenceOf(ring.samples, ring.sampleRate);
      expect(ringOn?.ms).toBeGreaterThanOrEqual(670);
      expect(ringOn?.ms).toBeLessThanOrEqual(1500);
      expect(ringOff?.ms).toBeGreaterThanOrEqual(3000);
      expect(ringOff?.ms).toBeLessThanOrEqual(5000);
      expectTones(ring.samples, ring.sampleRate, [425]);
      const busy = load(soundOf({ cue: 'busy', time: 0, party: 'p' }, country));
      const [busyOn, busyOff] = cadenceOf(busy.samples, busy.sampleRate);
      expect(Math.abs((busyOn?.ms ?? 0) - (busyOff?.ms ?? 0))).toBeLessThanOrEqual(10);
      expectTones(busy.samples, busy.sampleRate, [425]);
    },
  );
});

describe('DTMF (ITU-T Q.23)', () => {
  each(DTMF_KEYS.map((key) => ({ key })))('$key holds exactly its row and column frequencies', ({ key }) => {
    const { samples, sampleRate } = load(soundOf({ cue: 'dtmf', time: 0, digit: key }));
    const index = DTMF_KEYS.indexOf(key);
    const row = DTMF_ROWS[Math.floor(index / 4)] as number;
    const column = DTMF_COLUMNS[index % 4] as number;
    // A receiver's view: in each group, the key's frequency stands 20 dB above the others.
    for (const [group, expected] of [
      [DTMF_ROWS, row],
      [DTMF_COLUMNS, column],
    ] as const) {
      const wanted = goertzel(samples, sampleRate, expected);
      for (const other of group.filter((frequency) => frequency !== expected)) {
        expect(decibels(wanted, goertzel(samples, sampleRate, other))).toBeGreaterThan(20);
      }
    }
    // And nothing else: the two sines explain the whole steady signal, at equal level (no twist).
    const fit = fitSines(slice(samples, sampleRate, 5, 95), sampleRate, [row, column]);
    expect(fit.residual).toBeLessThan(1e-4);
    expect(
      Math.abs(20 * Math.log10((fit.amplitudes[0] as number) / (fit.amplitudes[1] as number))),
    ).toBeLessThan(0.5);
  });

  it('each tone lasts at least the 40 ms of ITU-T Q.24 and ends within its 200 ms digit slot', () => {
    for (const key of DTMF_KEYS) {
      const { samples, sampleRate } = load(soundOf({ cue: 'dtmf', time: 0, digit: key }));
      const [tone] = runs(samples, sampleRate);
      expect(tone?.ms).toBeGreaterThanOrEqual(40);
      expect((samples.length * 1000) / sampleRate).toBeLessThan(200);
    }
  });

  it('maps lower-case letters to the same keys and plays nothing for a pause', () => {
    expect(soundOf({ cue: 'dtmf', time: 0, digit: 'b' })).toBe(soundOf({ cue: 'dtmf', time: 0, digit: 'B' }));
    const { steps } = planCues(EMPTY_PLAN_STATE, [{ cue: 'dtmf', time: 0, digit: ',' }], {
      now: 0,
      country: 'US',
      trainee: 'agent',
      holdIndicator: true,
    });
    expect(steps).toEqual([]);
  });
});

describe('the console sounds', () => {
  it('the incoming ring warbles between 1000 and 1250 Hz in a double ring', () => {
    const { samples, sampleRate } = load(soundOf({ cue: 'ring', time: 0, party: 'agent' }));
    const measured = cadenceOf(samples, sampleRate);
    expectCadence(measured, [400, 200, 400, 2000]);
    // 25 ms a tone: every window of a burst is one of the two, and they take turns.
    for (const burst of measured.filter((run) => run.on)) {
      const winners: number[] = [];
      for (let at = burst.startMs + 25; at + 25 <= burst.startMs + burst.ms - 25; at += 25) {
        const window = slice(samples, sampleRate, at + 3, at + 22);
        const low = goertzel(window, sampleRate, 1000);
        const high = goertzel(window, sampleRate, 1250);
        expect(Math.abs(decibels(low, high))).toBeGreaterThan(10);
        winners.push(low > high ? 1000 : 1250);
      }
      for (let i = 1; i < winners.length; i++) expect(winners[i]).not.toBe(winners[i - 1]);
    }
  });

  /** The frequency, of those given, that is strongest in a stretch of a file. */
  function strongest(
    samples: Float64Array,
    sampleRate: number,
    fromMs: number,
    toMs: number,
    candidates: number[],
  ) {
    const window = slice(samples, sampleRate, fromMs, toMs);
    return candidates.reduce((best, f) =>
      goertzel(window, sampleRate, f) > goertzel(window, sampleRate, best) ? f : best,
    );
  }

  it('the join chime rises and the leave tone falls, both within half a second', () => {
    const join = load(soundOf({ cue: 'join', time: 0 }));
    const leave = load(soundOf({ cue: 'leave', time: 0, party: 'p' }));
    const notes = [659.26, 987.77];
    expect(strongest(join.samples, 8000, 10, 110, notes)).toBe(659.26);
    expect(strongest(join.samples, 8000, 160, 300, notes)).toBe(987.77);
    expect(strongest(leave.samples, 8000, 10, 110, notes)).toBe(987.77);
    expect(strongest(leave.samples, 8000, 160, 300, notes)).toBe(659.26);
    for (const { samples } of [join, leave]) expect(samples.length / 8000).toBeLessThanOrEqual(0.5);
  });

  it('the refused tone is two short low buzzes, unlike the chimes', () => {
    const { samples, sampleRate } = load(
      soundOf({ cue: 'refused', time: 0, reason: 'participant-limit', rule: 'CONF-1' }),
    );
    const pulses = runs(samples, sampleRate).filter((run) => run.on);
    expect(pulses).toHaveLength(2);
    for (const pulse of pulses) expect(pulse.ms).toBeLessThan(150);
    // A buzz: odd harmonics of a low fundamental.
    const first = slice(samples, sampleRate, 10, 100);
    expect(
      decibels(goertzel(first, sampleRate, 311 * 3), goertzel(first, sampleRate, 311 * 2)),
    ).toBeGreaterThan(20);
  });

  it('the hold music is an 8 s loop without a seam', () => {
    const { samples, sampleRate } = load('hold-music');
    expect(samples.length / sampleRate).toBe(8);
    let largestStep = 0;
    for (let i = 1; i < samples.length; i++) {
      largestStep = Math.max(largestStep, Math.abs((samples[i] as number) - (samples[i - 1] as number)));
    }
    const seam = Math.abs((samples[0] as number) - (samples[samples.length - 1] as number));
    expect(seam).toBeLessThanOrEqual(largestStep);
    // It is music, not silence: it never pauses for more than a beat.
    expect(runs(samples, sampleRate, 0.02, 5).filter((run) => !run.on && run.ms > 500)).toEqual([]);
  });
});
