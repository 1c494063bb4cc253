/**
 * The audio of a session: the cue player (howler), sound captions, the sound settings and
 * their panel. The console uses only what this file exports.
 */
export { AudioSettingsPanel } from './AudioSettingsPanel';
export { type SoundCaption, soundCaption, soundCaptions } from './captions';
export { lastingCues } from './plan';
export { type CueContext, type CuePlayer, type CuePlayerOptions, createCuePlayer } from './player';
export { type AudioSettings, DEFAULT_AUDIO_SETTINGS, useAudioSettings } from './settings';
export { SOUND_IDS, type SoundId, soundUrl } from './sounds';
