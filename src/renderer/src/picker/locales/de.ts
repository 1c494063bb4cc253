import type { en } from './en';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** German text of the picker and the briefing (namespace `picker`). */
export const de: Widen<typeof en> = {
  title: 'Szenarien',
  search: 'Suche',
  searchPlaceholder: 'Titel, Schlagwort oder Text',
  filters: 'Filter',
  mode: 'Modus',
  difficulty: 'Schwierigkeit',
  language: 'Szenariosprache',
  tag: 'Schlagwort',
  any: 'Alle',
  results_one: '{{count}} Szenario angezeigt',
  results_other: '{{count}} Szenarien angezeigt',
  none: 'Kein Szenario passt zu diesen Filtern.',
  loadFailed: 'Die Szenariobibliothek konnte nicht gelesen werden: {{message}}',
  minutes_one: '{{count}} Minute',
  minutes_other: '{{count}} Minuten',
  scores: 'Bestes {{best}} % · zuletzt {{latest}} %',
  neverPlayed: 'Noch nicht gespielt',
  open: 'Einweisung öffnen',
  difficulties: { beginner: 'Einsteiger', intermediate: 'Fortgeschritten', advanced: 'Experte' },
  languages: { en: 'Englisch', de: 'Deutsch' },
  source: { bundled: 'Mitgeliefert', user: 'Eigenes' },
  briefing: {
    back: 'Zurück zu den Szenarien',
    who: 'Wer ist am Gespräch beteiligt',
    goals: 'Ziele',
    limit: '{{mode}}: höchstens {{limit}} Teilnehmer, Sie eingeschlossen.',
    runMode: 'Spielweise',
    practice: 'Übung',
    practiceHint:
      'Die Uhr lässt sich anhalten, abgelehnte Aktionen werden erklärt, und Sie sehen, wer wen hört.',
    assessment: 'Prüfung',
    assessmentHint: 'Verhält sich wie das echte Contact Control Panel und wird bewertet.',
    name: 'Ihr Name',
    nameRequired: 'Geben Sie Ihren Namen ein, um zu beginnen.',
    start: 'Starten',
    starting: 'Wird gestartet …',
    startFailed: 'Die Sitzung konnte nicht starten: {{message}}',
    loadFailed: 'Das Szenario konnte nicht geöffnet werden: {{message}}',
  },
};
