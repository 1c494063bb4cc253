/** English text of the audio module (i18next namespace `audio`). German has exactly these keys. */
export const en = {
  caption: {
    ring: '[ringing]',
    ringback: '[ringback tone]',
    busy: '[busy tone]',
    holdMusic: '[hold music]',
    join: '[join chime]',
    leave: '[leave tone]',
    refused: '[refused tone]',
    dtmf: '[DTMF {{digits}}]',
  },
  settings: {
    title: 'Sound',
    volume: 'Volume',
    mute: 'Mute sounds',
    captions: 'Sound captions',
    captionsHint: 'Show every sound as text, such as [ringing].',
    holdIndicator: 'Hold music indicator',
    holdIndicatorHint: 'Play hold music quietly while someone is on hold.',
  },
};

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's audio text has. */
export type AudioMessages = Widen<typeof en>;
