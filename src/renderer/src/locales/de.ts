import type { Messages } from './en';

/** German UI text. */
export const de: Messages = {
  app: {
    skipToContent: 'Zum Hauptinhalt springen',
    loading: 'Wird geladen…',
    loadFailed: 'Die App konnte ihre Informationen nicht laden: {{message}}',
    version: 'Version {{version}}',
  },
  nav: {
    label: 'Hauptnavigation',
    home: 'Start',
    scenarios: 'Szenarien',
    library: 'Bibliothek',
    about: 'Über',
    history: 'Verlauf',
    overview: 'Klassenübersicht',
  },
  language: {
    label: 'Sprache',
    en: 'English',
    de: 'Deutsch',
  },
  home: {
    title: 'Konferenzgespräche üben',
    intro:
      'Lernen Sie, Teilnehmer hinzuzufügen, zu halten, zu tauschen, zusammenzuführen, stummzuschalten, weiterzuleiten und das Gespräch zu verlassen – an einer Konsole, die sich wie das Contact Control Panel von Amazon Connect verhält.',
    start: 'Szenario wählen',
  },
  scenarios: {
    title: 'Szenarien',
    empty: 'Es sind noch keine Szenarien installiert.',
    count_one: '{{count}} Szenario',
    count_other: '{{count}} Szenarien',
    loadFailed: 'Die Szenariobibliothek konnte nicht gelesen werden: {{message}}',
    minutes: '{{count}} Min.',
  },
  about: {
    title: 'Über',
    dataFolder: 'Datenordner',
    version: 'Version',
    name: 'Name',
  },
  mode: {
    'three-party': 'Drei Teilnehmer',
    multiparty: 'Mehrere Teilnehmer',
  },
};
