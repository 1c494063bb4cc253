import type { RecoveryMessages } from './en';

/** German text of the recovery banner (i18next namespace `recovery`). */
export const de: RecoveryMessages = {
  title: 'Nicht beendete Sitzungen',
  intro:
    'Diese Sitzungen wurden nicht beendet: die App wurde während des Anrufs geschlossen oder angehalten. Nichts Aufgezeichnetes geht verloren.',
  item: '{{trainee}}, {{scenario}}, begonnen {{date}}: {{records}} Einträge',
  truncated: 'Der letzte Eintrag wurde abgeschnitten und ist verloren.',
  resume: 'Fortsetzen',
  resuming: 'Wird fortgesetzt…',
  resumed: 'Fortgesetzt: der Anruf geht an der Konsole weiter.',
  resumeFailed: 'Die Sitzung konnte nicht fortgesetzt werden: {{message}}',
  resumeWhilePlaying: 'Beenden Sie zuerst den Anruf an der Konsole.',
  close: 'Als angehalten schließen und bewerten',
  closing: 'Wird bewertet…',
  closed: 'Bewertet: {{raw}} von {{max}} Punkten.',
  openResults: 'Ergebnis öffnen',
  failed: 'Die Sitzung konnte nicht bewertet werden: {{message}}',
  dismiss: 'Ausblenden',
};
