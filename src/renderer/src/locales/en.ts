/** English UI text. Every other language has exactly these keys (the type says so). */
export const en = {
  app: {
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    loadFailed: 'The app could not load its information: {{message}}',
    version: 'Version {{version}}',
  },
  nav: {
    label: 'Main',
    home: 'Home',
    scenarios: 'Scenarios',
    library: 'Library',
    about: 'About',
    history: 'History',
    overview: 'Class overview',
  },
  language: {
    label: 'Language',
    en: 'English',
    de: 'Deutsch',
  },
  home: {
    title: 'Practise conference calls',
    intro:
      'Learn to add, hold, swap, join, mute, transfer and leave on a console that behaves like the Amazon Connect Contact Control Panel.',
    start: 'Choose a scenario',
  },
  scenarios: {
    title: 'Scenarios',
    empty: 'No scenarios are installed yet.',
    count_one: '{{count}} scenario',
    count_other: '{{count}} scenarios',
    loadFailed: 'The scenario library could not be read: {{message}}',
    minutes: '{{count}} min',
  },
  about: {
    title: 'About',
    dataFolder: 'Data folder',
    version: 'Version',
    name: 'Name',
  },
  mode: {
    'three-party': 'Three-party',
    multiparty: 'Multiparty',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every translation has. */
export type Messages = Widen<typeof en>;
