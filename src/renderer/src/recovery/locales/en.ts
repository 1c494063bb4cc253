/** English text of the recovery banner (i18next namespace `recovery`). German has exactly these keys. */
export const en = {
  title: 'Unfinished sessions',
  intro:
    'These sessions were not finished: the app was closed or stopped during the call. Nothing recorded is lost.',
  item: '{{trainee}}, {{scenario}}, started {{date}}: {{records}} records',
  truncated: 'The last record was cut off and is lost.',
  resume: 'Resume',
  resuming: 'Resuming…',
  resumed: 'Resumed: the call goes on at the console.',
  resumeFailed: 'It could not be resumed: {{message}}',
  resumeWhilePlaying: 'Finish the call at the console first.',
  close: 'Close as stopped and grade',
  closing: 'Grading…',
  closed: 'Graded: {{raw}} of {{max}} points.',
  openResults: 'Open the results',
  failed: 'It could not be graded: {{message}}',
  dismiss: 'Hide',
};

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's recovery text has. */
export type RecoveryMessages = Widen<typeof en>;
