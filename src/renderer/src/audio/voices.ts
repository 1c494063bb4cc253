/**
 * Which system voice speaks a party's lines: one in the scenario's language, a different one
 * for each party while the system has enough, else the same voice at another pitch. Pure: the
 * player hands in `speechSynthesis.getVoices()`.
 */

/** The parts of a `SpeechSynthesisVoice` the choice reads. */
export interface VoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly voiceURI: string;
}

/** A party's voice: the system voice (null: the browser's default for the language) and a pitch. */
export interface VoiceChoice<V extends VoiceLike> {
  readonly voice: V | null;
  /** The BCP 47 tag the utterance is spoken in: the voice's, else the scenario's language. */
  readonly lang: string;
  readonly pitch: number;
}

/** The pitches that tell apart parties who share a voice, in the order they are handed out. */
const PITCHES = [1, 0.8, 1.2, 0.9, 1.1, 0.7] as const;

function normalTag(tag: string): string {
  return tag.replace('_', '-').toLowerCase();
}

/**
 * The voices that speak `language`, those of the scenario's country first (`en-GB` before
 * `en-US` for a British scenario), each group in name order so that the choice is stable.
 */
export function voicesFor<V extends VoiceLike>(
  voices: ReadonlyArray<V>,
  language: string,
  country: string,
): ReadonlyArray<V> {
  const regional = normalTag(`${language}-${country}`);
  const matching = voices.filter((voice) => normalTag(voice.lang).split('-')[0] === language.toLowerCase());
  const byName = (a: V, b: V) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [
    ...matching.filter((voice) => normalTag(voice.lang) === regional).sort(byName),
    ...matching.filter((voice) => normalTag(voice.lang) !== regional).sort(byName),
  ];
}

/**
 * The voice of the `speaker`-th party who speaks (the trainee, who never speaks a scripted
 * line, is not counted): distinct voices while they last, then the same voices again at
 * another pitch.
 */
export function voiceFor<V extends VoiceLike>(
  voices: ReadonlyArray<V>,
  language: string,
  country: string,
  speaker: number,
): VoiceChoice<V> {
  const candidates = voicesFor(voices, language, country);
  const index = Math.max(0, speaker);
  const round = candidates.length === 0 ? index : Math.floor(index / candidates.length);
  const voice = candidates.length === 0 ? null : (candidates[index % candidates.length] ?? null);
  return { voice, lang: voice?.lang ?? language, pitch: PITCHES[round % PITCHES.length] as number };
}
