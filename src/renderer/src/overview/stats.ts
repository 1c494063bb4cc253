import type { AssessmentCheck } from '@shared/ipc';
import type { Assessment } from '@shared/scoring/assessment';

/** One assessment in the class overview, stored in this app or imported from a file. */
export interface OverviewRow {
  readonly key: string;
  readonly source: 'stored' | 'imported';
  /** The file name of an imported assessment. */
  readonly file: string | null;
  readonly assessment: Assessment;
  readonly check: AssessmentCheck | null;
}

/** The pass rate of one criterion across the assessments of a scenario. */
export interface CriterionRate {
  readonly id: string;
  readonly title: string;
  readonly met: number;
  readonly total: number;
  readonly rate: number;
}

/** Per criterion of a scenario (in rubric order), how many assessments met it. */
export function criterionRates(rows: ReadonlyArray<OverviewRow>): ReadonlyArray<CriterionRate> {
  const rates = new Map<string, { title: string; met: number; total: number }>();
  for (const row of rows) {
    for (const criterion of row.assessment.result.criteria) {
      const known = rates.get(criterion.id) ?? { title: criterion.title, met: 0, total: 0 };
      known.total++;
      if (criterion.met) known.met++;
      rates.set(criterion.id, known);
    }
  }
  return [...rates.entries()].map(([id, value]) => ({
    id,
    ...value,
    rate: value.total === 0 ? 0 : value.met / value.total,
  }));
}

/** The number of assessments in each tenth of the scaled score (the last bin holds 90–100 %). */
export function scoreDistribution(rows: ReadonlyArray<OverviewRow>, bins = 10): ReadonlyArray<number> {
  const counts = new Array<number>(bins).fill(0);
  for (const row of rows) {
    const bin = Math.min(bins - 1, Math.floor(row.assessment.result.scaled * bins));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/** The rows grouped by scenario id, in order of first appearance. */
export function byScenario(
  rows: ReadonlyArray<OverviewRow>,
): ReadonlyArray<{ id: string; title: string; rows: OverviewRow[] }> {
  const groups = new Map<string, { id: string; title: string; rows: OverviewRow[] }>();
  for (const row of rows) {
    const { id, title } = row.assessment.scenario;
    const group = groups.get(id) ?? { id, title, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** A column the overview table sorts by. */
export type SortKey = 'trainee' | 'scenario' | 'date' | 'score' | 'passed' | 'check';

/** The filter of the overview table. */
export interface OverviewFilter {
  readonly text: string;
  readonly scenarioId: string;
  readonly check: '' | AssessmentCheck['status'] | 'unchecked';
}

function sortValue(row: OverviewRow, key: SortKey): string | number {
  const { assessment } = row;
  switch (key) {
    case 'trainee':
      return assessment.trainee.name.toLocaleLowerCase();
    case 'scenario':
      return assessment.scenario.title.toLocaleLowerCase();
    case 'date':
      return assessment.startedAt;
    case 'score':
      return assessment.result.scaled;
    case 'passed':
      return assessment.result.passed ? 1 : 0;
    case 'check':
      return row.check?.status ?? 'unchecked';
  }
}

/** The rows that pass the filter, sorted by a column (ties by date, newest first). */
export function sortAndFilter(
  rows: ReadonlyArray<OverviewRow>,
  filter: OverviewFilter,
  key: SortKey,
  direction: 'ascending' | 'descending',
): ReadonlyArray<OverviewRow> {
  const text = filter.text.trim().toLocaleLowerCase();
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .filter(
      (row) =>
        (filter.scenarioId === '' || row.assessment.scenario.id === filter.scenarioId) &&
        (filter.check === '' || (row.check?.status ?? 'unchecked') === filter.check) &&
        (text === '' ||
          row.assessment.trainee.name.toLocaleLowerCase().includes(text) ||
          row.assessment.scenario.title.toLocaleLowerCase().includes(text) ||
          (row.file ?? '').toLocaleLowerCase().includes(text)),
    )
    .toSorted((a, b) => {
      const left = sortValue(a, key);
      const right = sortValue(b, key);
      if (left < right) return -sign;
      if (left > right) return sign;
      return a.assessment.startedAt < b.assessment.startedAt ? 1 : -1;
    });
}
