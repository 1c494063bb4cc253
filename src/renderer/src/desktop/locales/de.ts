import type { en } from './en';

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** German text of "Use my agent desktop" (namespace `desktop`). */
export const de: Texts<typeof en> = {
  title: 'Agent-Desktop: {{title}}',
  frameTitle: 'Ihr Agent-Desktop',
  waiting:
    'Warten, bis sich Ihr Desktop mit dem simulierten CCP verbindet (sein Aufruf connect.core.initCCP)…',
  connected: 'Ihr Desktop ist mit dem simulierten CCP verbunden.',
  noFolder:
    'Es ist kein Agent-Desktop-Ordner gewählt. Beenden Sie diese Sitzung und wählen Sie einen im Briefing.',
  problem: 'Ihr Agent-Desktop kann nicht geöffnet werden: {{message}}',
  loadFailed: 'Der Agent-Desktop konnte nicht vorbereitet werden: {{message}}',
  choice: {
    legend: 'Wo spielen',
    console: 'Die eingebaute Konsole',
    desktop: 'Mein Agent-Desktop',
    desktopHint:
      'Ein Desktop auf Basis von amazon-connect-streams aus einem Ordner auf diesem Computer (index.html und seine Skripte). Er verbindet sich mit dem simulierten CCP und wird wie die Konsole bewertet.',
    folder: 'Ordner: {{folder}}',
    noFolder: 'Noch kein Ordner gewählt.',
    choose: 'Ordner wählen…',
    change: 'Ordner ändern…',
    chooseFailed: 'Der Ordner wurde nicht übernommen: {{message}}',
    needFolder: 'Wählen Sie zuerst den Ordner Ihres Agent-Desktops.',
  },
};
