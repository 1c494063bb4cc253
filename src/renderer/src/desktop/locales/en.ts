/** English text of "Use my agent desktop" (namespace `desktop`). */
export const en = {
  title: 'Agent desktop: {{title}}',
  frameTitle: 'Your agent desktop',
  waiting: 'Waiting for your desktop to connect to the simulated CCP (its connect.core.initCCP call)…',
  connected: 'Your desktop is connected to the simulated CCP.',
  noFolder: 'No agent desktop folder is chosen. End this session and choose one on the briefing.',
  problem: 'Your agent desktop cannot be opened: {{message}}',
  loadFailed: 'The agent desktop could not be prepared: {{message}}',
  choice: {
    legend: 'Where to play',
    console: 'The built-in console',
    desktop: 'My agent desktop',
    desktopHint:
      'A desktop built on amazon-connect-streams, from a folder on this computer (index.html and its scripts). It connects to the simulated CCP and is scored like the console.',
    folder: 'Folder: {{folder}}',
    noFolder: 'No folder chosen yet.',
    choose: 'Choose folder…',
    change: 'Change folder…',
    chooseFailed: 'The folder was not taken: {{message}}',
    needFolder: 'Choose your agent desktop folder first.',
  },
} as const;
