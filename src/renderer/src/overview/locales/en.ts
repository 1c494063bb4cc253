/** English text of the class overview (i18next namespace `overview`). German has exactly these keys. */
export const en = {
  title: 'Class overview',
  intro:
    'Import the assessment files of a class to see which skill it lacks. Each file is re-graded from its own log.',
  importButton: 'Import assessment files…',
  dropZone: 'Or drop assessment files here',
  importing: 'Reading and re-grading the files…',
  imported_one: '{{count}} file imported.',
  imported_other: '{{count}} files imported.',
  cancelled: 'No files were chosen.',
  importFailed: 'The import failed: {{message}}',
  rejectedTitle: 'Files that could not be read',
  loadingStored: 'Loading the stored assessments…',
  empty: 'No assessments yet: import files or finish a session.',
  filterText: 'Search trainee, scenario or file',
  filterScenario: 'Scenario',
  filterCheck: 'Check',
  all: 'All',
  shown_one: '{{count}} assessment shown',
  shown_other: '{{count}} assessments shown',
  column: {
    trainee: 'Trainee',
    scenario: 'Scenario',
    date: 'Date',
    score: 'Score',
    passed: 'Passed',
    check: 'Checked',
    source: 'Source',
  },
  sortBy: 'Sort by {{column}}',
  yes: 'yes',
  no: 'no',
  source: { stored: 'this app', imported: 'file {{file}}' },
  check: {
    verified: 'verified',
    tampered: 'tampered',
    'other-version': 'other version',
    'unknown-scenario': 'unknown scenario',
    unchecked: 'not checked',
  },
  open: 'Open {{trainee}}, {{scenario}}',
  close: 'Close the results',
  charts: 'Per scenario',
  ratesTitle: 'Criteria met: {{scenario}}',
  ratesLabel: 'Share of the class that met each criterion of {{scenario}}',
  rateBar: '{{criterion}}: {{met}} of {{total}} ({{percent}})',
  distributionTitle: 'Score distribution: {{scenario}}',
  distributionLabel: 'Number of assessments per score range of {{scenario}}',
  distributionBar: '{{from}}–{{to}} %: {{count}}',
  weakest: 'Most often missed: {{criterion}} ({{percent}} met)',
};

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's overview text has. */
export type OverviewMessages = Widen<typeof en>;
