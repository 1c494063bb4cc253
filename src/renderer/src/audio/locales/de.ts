import type { AudioMessages } from './en';

/** German text of the audio module (i18next namespace `audio`). */
export const de: AudioMessages = {
  caption: {
    ring: '[Klingeln]',
    ringback: '[Freizeichen]',
    busy: '[Besetztzeichen]',
    holdMusic: '[Wartemusik]',
    join: '[Signalton: zusammengeschaltet]',
    leave: '[Signalton: Teilnehmer getrennt]',
    refused: '[Signalton: abgelehnt]',
    dtmf: '[DTMF {{digits}}]',
  },
  settings: {
    title: 'Ton',
    volume: 'Lautstärke',
    mute: 'Töne stummschalten',
    captions: 'Untertitel für Töne',
    captionsHint: 'Jeden Ton als Text zeigen, etwa [Klingeln].',
    holdIndicator: 'Hinweis auf Wartemusik',
    holdIndicatorHint: 'Wartemusik leise abspielen, solange jemand gehalten wird.',
  },
};
