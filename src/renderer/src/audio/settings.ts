/**
 * The trainee's sound settings: volume, mute, sound captions, hold-music indicator. Persisted in
 * localStorage, applied to howler's master volume and mute, and read by React through
 * `useAudioSettings` and by the cue player through `subscribeAudioSettings`.
 */
import { Howler } from 'howler';
import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/** The sound settings. */
export interface AudioSettings {
  /** Master volume, 0 to 1. */
  readonly volume: number;
  readonly muted: boolean;
  /** Whether the console shows a caption for every sound ("[ringing]"). */
  readonly captions: boolean;
  /** Whether the trainee hears hold music quietly while another party is held. */
  readonly holdIndicator: boolean;
}

/** The settings of a trainee who has changed none. */
export const DEFAULT_AUDIO_SETTINGS: AudioSettings = {
  volume: 0.8,
  muted: false,
  captions: true,
  holdIndicator: true,
};

/** The localStorage key the settings are kept under. */
export const AUDIO_SETTINGS_KEY = 'audio-settings';

const StoredSettings = z.object({
  volume: z.number().min(0).max(1).catch(DEFAULT_AUDIO_SETTINGS.volume),
  muted: z.boolean().catch(DEFAULT_AUDIO_SETTINGS.muted),
  captions: z.boolean().catch(DEFAULT_AUDIO_SETTINGS.captions),
  holdIndicator: z.boolean().catch(DEFAULT_AUDIO_SETTINGS.holdIndicator),
});

/** Reads stored settings; a missing, malformed or out-of-range value falls back to its default. */
export function parseAudioSettings(text: string | null): AudioSettings {
  if (text === null) return DEFAULT_AUDIO_SETTINGS;
  try {
    const parsed = StoredSettings.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_AUDIO_SETTINGS;
  } catch {
    return DEFAULT_AUDIO_SETTINGS;
  }
}

let snapshot: { readonly text: string | null; readonly settings: AudioSettings } | null = null;
/** Settings that storage refused: they last for this session. */
let unsaved: AudioSettings | null = null;
const listeners = new Set<() => void>();

function storedText(): string | null {
  try {
    return window.localStorage.getItem(AUDIO_SETTINGS_KEY);
  } catch {
    return null;
  }
}

/** The settings now (the same object until they change, as `useSyncExternalStore` needs). */
export function readAudioSettings(): AudioSettings {
  if (unsaved !== null) return unsaved;
  const text = storedText();
  if (snapshot === null || snapshot.text !== text) snapshot = { text, settings: parseAudioSettings(text) };
  return snapshot.settings;
}

/** Applies the settings to howler: its master volume and mute cover every cue and clip. */
export function applyAudioSettings(settings: AudioSettings = readAudioSettings()): void {
  Howler.volume(settings.volume);
  Howler.mute(settings.muted);
}

/** Changes some settings: stores them, applies them to howler and tells every subscriber. */
export function updateAudioSettings(patch: Partial<AudioSettings>): void {
  const merged = { ...readAudioSettings(), ...patch };
  const next = parseAudioSettings(
    JSON.stringify({ ...merged, volume: Math.min(1, Math.max(0, merged.volume)) }),
  );
  const text = JSON.stringify(next);
  try {
    window.localStorage.setItem(AUDIO_SETTINGS_KEY, text);
    unsaved = null;
  } catch {
    unsaved = next;
  }
  snapshot = { text, settings: next };
  applyAudioSettings(next);
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after every change of the settings; returns the unsubscribe function. */
export function subscribeAudioSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The sound settings and a function that changes some of them (persisted and applied at once). */
export function useAudioSettings(): readonly [AudioSettings, (patch: Partial<AudioSettings>) => void] {
  // The same reading serves a render outside the browser (the results benchmark renders to a string).
  const settings = useSyncExternalStore(subscribeAudioSettings, readAudioSettings, readAudioSettings);
  return [settings, updateAudioSettings] as const;
}
