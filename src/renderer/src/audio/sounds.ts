/**
 * The cue sounds: which files exist, what each holds and where its numbers come from.
 * `npm run audio` (scripts/synth-audio.ts) renders these tables into resources/audio; the cue
 * player picks files from them. Plain data, no DOM: the script and the unit tests import it too.
 *
 * Sources of the national tones (frequencies in Hz, cadences in ms, tone first):
 * - "Various tones used in national networks (according to ITU-T Recommendation E.180)",
 *   annex to ITU Operational Bulletin No. 781 (1 February 2003), the ITU's collection of the
 *   national tables (cited as "ITU OB 781" below);
 * - US: the North American Precise Tone Plan (Telcordia GR-506-CORE, ANSI T1.401), also in
 *   ITU OB 781 under the United States;
 * - GB: BT SIN 350 (BT's Suppliers' Information Note on the tones of its network);
 * - DE: Deutsche Telekom's entry in ITU OB 781 (Freiton, Besetztton);
 * - AU: Communications Alliance (formerly ACIF) S002, the Australian customer-equipment standard,
 *   also in ITU OB 781;
 * - every other country: the values ITU-T E.180 recommends (ringing tone 400 to 450 Hz,
 *   0.67 to 1.5 s on, 3 to 5 s off; busy tone at the same frequency, equal tone and silence),
 *   as 425 Hz, 1 s on 4 s off and 0.5 s on 0.5 s off: the values most national tables in
 *   ITU OB 781 use (Austria's, Belgium's, the Nordic, Polish and Swiss ones among them).
 */

/** Every cue file is mono 16-bit PCM WAV at this rate: the telephone band (ITU-T G.711). */
export const SAMPLE_RATE = 8000;

/** The folder under the renderer's root (and under resources/) that holds the cue files. */
export const SOUND_FOLDER = 'audio';

/** A tone: the frequencies sounded together, and one cycle of its cadence. */
export interface ToneSpec {
  /** Summed sines, in Hz. */
  readonly frequencies: ReadonlyArray<number>;
  /** One cycle in milliseconds: tone, silence, tone, silence... (always an even count). */
  readonly cadence: ReadonlyArray<number>;
}

/** The tone sets: one per national table, and the ITU-T E.180 recommendation for the rest. */
export const TONE_SET_IDS = ['us', 'gb', 'de', 'au', 'itu'] as const;
/** One tone set's id. */
export type ToneSetId = (typeof TONE_SET_IDS)[number];

/** What a caller hears while the called party is alerted (ringback) or busy, and the source. */
export interface ToneSet {
  readonly ringback: ToneSpec;
  readonly busy: ToneSpec;
  readonly source: string;
}

/** The ringback and busy tones of each tone set. */
export const TONE_SETS: Readonly<Record<ToneSetId, ToneSet>> = {
  // Audible ringing 440 + 480 Hz, 2 s on 4 s off; line busy 480 + 620 Hz, 0.5 s on 0.5 s off.
  us: {
    ringback: { frequencies: [440, 480], cadence: [2000, 4000] },
    busy: { frequencies: [480, 620], cadence: [500, 500] },
    source: 'Precise Tone Plan (Telcordia GR-506-CORE, ANSI T1.401); ITU OB 781, United States',
  },
  // Ringing tone 400 + 450 Hz, 0.4 s on 0.2 s off 0.4 s on 2 s off; busy ("engaged") 400 Hz,
  // 0.375 s on 0.375 s off.
  gb: {
    ringback: { frequencies: [400, 450], cadence: [400, 200, 400, 2000] },
    busy: { frequencies: [400], cadence: [375, 375] },
    source: 'BT SIN 350; ITU OB 781, United Kingdom',
  },
  // Freiton 425 Hz, 1 s on 4 s off; Besetztton 425 Hz, 0.48 s on 0.48 s off.
  de: {
    ringback: { frequencies: [425], cadence: [1000, 4000] },
    busy: { frequencies: [425], cadence: [480, 480] },
    source: 'ITU OB 781, Germany (Deutsche Telekom)',
  },
  // Ring tone 425 Hz modulated by 25 Hz, sounded as the pair 413 + 438 Hz whose beat is that
  // modulation, 0.4 s on 0.2 s off 0.4 s on 2 s off; busy 425 Hz, 0.375 s on 0.375 s off.
  au: {
    ringback: { frequencies: [413, 438], cadence: [400, 200, 400, 2000] },
    busy: { frequencies: [425], cadence: [375, 375] },
    source: 'Communications Alliance (ACIF) S002; ITU OB 781, Australia',
  },
  // ITU-T E.180's recommended ranges, at the values most national tables use.
  itu: {
    ringback: { frequencies: [425], cadence: [1000, 4000] },
    busy: { frequencies: [425], cadence: [500, 500] },
    source: 'ITU-T E.180 (recommended ranges); the common values of ITU OB 781',
  },
};

/**
 * The countries (ISO 3166-1 alpha-2) whose own national table is synthesised. Canada shares
 * the North American Precise Tone Plan with the United States.
 */
const COUNTRY_TONE_SETS: Readonly<Record<string, ToneSetId>> = {
  US: 'us',
  CA: 'us',
  GB: 'gb',
  DE: 'de',
  AU: 'au',
};

/** The tone set of a country: its national table where synthesised, else ITU-T E.180's. */
export function toneSetOf(country: string): ToneSetId {
  return COUNTRY_TONE_SETS[country.toUpperCase()] ?? 'itu';
}

/** One cycle of a cadence, in milliseconds. */
export function cycleMs(spec: ToneSpec): number {
  return spec.cadence.reduce((sum, ms) => sum + ms, 0);
}

/**
 * The trainee's own incoming-contact ring: a softphone ringer, not a network tone, so the same
 * in every country. A warble between two tones (switching 20 times a second, as electronic
 * telephone ringers do) in a double ring.
 */
export const RING = { frequencies: [1000, 1250], warbleHz: 20, cadence: [400, 200, 400, 2000] } as const;

/** DTMF (ITU-T Q.23): the low (row) and high (column) group frequencies, in Hz. */
export const DTMF_ROWS = [697, 770, 852, 941] as const;
/** DTMF (ITU-T Q.23): the high-group (column) frequencies, in Hz. */
export const DTMF_COLUMNS = [1209, 1336, 1477, 1633] as const;
/** The 16 DTMF keys, row by row as on the keypad (ITU-T Q.23). */
export const DTMF_KEYS = [
  '1',
  '2',
  '3',
  'A',
  '4',
  '5',
  '6',
  'B',
  '7',
  '8',
  '9',
  'C',
  '*',
  '0',
  '#',
  'D',
] as const;
/** One DTMF key. */
export type DtmfKey = (typeof DTMF_KEYS)[number];

/**
 * How long each DTMF file sounds: the 100 ms tone of the 200 ms digit slot that `scheduleDtmf`
 * gives every digit (XFER-6), above the 40 ms a receiver must detect (ITU-T Q.24).
 */
export const DTMF_TONE_MS = 100;

/** The row and column frequencies of a DTMF key. */
export function dtmfFrequencies(key: DtmfKey): readonly [number, number] {
  const index = DTMF_KEYS.indexOf(key);
  return [DTMF_ROWS[Math.floor(index / 4)] as number, DTMF_COLUMNS[index % 4] as number];
}

const DTMF_FILE_NAMES: Readonly<Record<DtmfKey, string>> = {
  '1': '1',
  '2': '2',
  '3': '3',
  A: 'a',
  '4': '4',
  '5': '5',
  '6': '6',
  B: 'b',
  '7': '7',
  '8': '8',
  '9': '9',
  C: 'c',
  '*': 'star',
  '0': '0',
  '#': 'hash',
  D: 'd',
};

/** The hold-music loop's length: four bars of 4/4 at 120 beats a minute. */
export const HOLD_MUSIC_MS = 8000;

/** Every cue sound: one file each, `resources/audio/<id>.wav`. */
export type SoundId =
  | 'ring'
  | `ringback-${ToneSetId}`
  | `busy-${ToneSetId}`
  | 'join'
  | 'leave'
  | 'refused'
  | 'hold-music'
  | `dtmf-${string}`;

/** The sound of a DTMF key; null for a character that is no DTMF key. Letters in either case. */
export function dtmfSound(digit: string): SoundId | null {
  const key = digit.toUpperCase();
  return (DTMF_KEYS as ReadonlyArray<string>).includes(key)
    ? `dtmf-${DTMF_FILE_NAMES[key as DtmfKey]}`
    : null;
}

/** Every sound there is a file for, in a stable order. */
export const SOUND_IDS: ReadonlyArray<SoundId> = [
  'ring',
  ...TONE_SET_IDS.map((id): SoundId => `ringback-${id}`),
  ...TONE_SET_IDS.map((id): SoundId => `busy-${id}`),
  'join',
  'leave',
  'refused',
  'hold-music',
  ...DTMF_KEYS.map((key): SoundId => `dtmf-${DTMF_FILE_NAMES[key]}`),
];

/** A sound's file name. */
export function soundFileName(id: SoundId): string {
  return `${id}.wav`;
}

/** A sound's URL relative to the renderer's page (served from the app's own origin). */
export function soundUrl(id: SoundId): string {
  return `${SOUND_FOLDER}/${soundFileName(id)}`;
}
