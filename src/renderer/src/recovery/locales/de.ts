import type { RecoveryMessages } from './en';

/** German text of the recovery banner (i18next namespace `recovery`). */
export const de: RecoveryMessages = {
  title: 'Nicht beendete Sitzungen',
  intro:
    'Diese Sitzungen wurden nicht beendet: die App wurde während des Anrufs geschlossen oder angehalten. Nichts Aufgezeichnetes geht verloren.',
  item: '{{trainee}}, {{scenario}}, begonnen {{date}}: {{records}} Einträge',
  truncated: 'Der letzte Eintrag wurde abgeschnitten und ist verloren.',
  close: 'Als angehalten schließen und bewerten',
  closing: 'Wird bewertet…',
  closed: 'Bewertet: {{raw}} von {{max}} Punkten.',
  openResults: 'Ergebnis öffnen',
  failed: 'Die Sitzung konnte nicht bewertet werden: {{message}}',
  dismiss: 'Ausblenden',
};
