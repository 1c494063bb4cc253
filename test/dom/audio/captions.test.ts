// Sound captions, rendered through the app's own i18n set-up in both languages.
import type { Cue } from '@shared/scenario';
import type { i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SoundCaption, soundCaption, soundCaptions } from '../../../src/renderer/src/audio';
import { createI18n } from '../../../src/renderer/src/i18n';
import { each } from '../../support/each';

let english: i18n;
let german: i18n;

beforeAll(async () => {
  english = await createI18n('en');
  german = await createI18n('de');
});

const text = (instance: i18n, caption: SoundCaption | null) =>
  caption === null ? null : instance.t(caption.key, caption.values);

const cues: ReadonlyArray<{ readonly cue: Cue; readonly en: string | null; readonly de: string | null }> = [
  { cue: { cue: 'ring', time: 0, party: 'agent' }, en: '[ringing]', de: '[Klingeln]' },
  { cue: { cue: 'ring-stop', time: 0, party: 'agent' }, en: null, de: null },
  { cue: { cue: 'ringback', time: 0, party: 'broker' }, en: '[ringback tone]', de: '[Freizeichen]' },
  { cue: { cue: 'ringback-stop', time: 0, party: 'broker' }, en: null, de: null },
  { cue: { cue: 'busy', time: 0, party: 'broker' }, en: '[busy tone]', de: '[Besetztzeichen]' },
  { cue: { cue: 'hold-music-start', time: 0, party: 'caller' }, en: '[hold music]', de: '[Wartemusik]' },
  { cue: { cue: 'hold-music-stop', time: 0, party: 'caller' }, en: null, de: null },
  { cue: { cue: 'join', time: 0 }, en: '[join chime]', de: '[Signalton: zusammengeschaltet]' },
  {
    cue: { cue: 'leave', time: 0, party: 'broker' },
    en: '[leave tone]',
    de: '[Signalton: Teilnehmer getrennt]',
  },
  { cue: { cue: 'dtmf', time: 0, digit: '#' }, en: '[DTMF #]', de: '[DTMF #]' },
  { cue: { cue: 'line', time: 0, party: 'caller', text: 'Hi', clip: null }, en: null, de: null },
  {
    cue: { cue: 'refused', time: 0, reason: 'participant-limit', rule: 'CONF-1' },
    en: '[refused tone]',
    de: '[Signalton: abgelehnt]',
  },
];

describe('sound captions', () => {
  each(cues.map((entry) => ({ ...entry, kind: entry.cue.cue })))(
    '$kind reads $en in English and $de in German',
    ({ cue, en, de }) => {
      expect(text(english, soundCaption(cue))).toBe(en);
      expect(text(german, soundCaption(cue))).toBe(de);
    },
  );

  it('merges the digits of one Send DTMF into one caption', () => {
    const digits = ['1', '1', '3', '6', '2'].map((digit, i): Cue => ({ cue: 'dtmf', time: i * 200, digit }));
    const captions = soundCaptions([{ cue: 'ringback-stop', time: 0, party: 'bank' }, ...digits]);
    expect(captions.map((caption) => text(english, caption))).toEqual(['[DTMF 1 1 3 6 2]']);
  });

  it('shows a sound once when several parties cause it at the same moment', () => {
    const captions = soundCaptions([
      { cue: 'hold-music-stop', time: 500, party: 'a' },
      { cue: 'leave', time: 500, party: 'a' },
      { cue: 'leave', time: 500, party: 'b' },
      { cue: 'join', time: 500 },
      { cue: 'leave', time: 900, party: 'c' },
    ]);
    expect(captions.map((caption) => text(english, caption))).toEqual([
      '[leave tone]',
      '[join chime]',
      '[leave tone]',
    ]);
  });
});
