import type { AssessmentCheck } from '@shared/ipc';
import type { Assessment } from '@shared/scoring/assessment';
import { type Signer, type TrustVerdict, type TrustView, trustVerdict } from '@shared/scoring/trust';

/** One assessment in the class overview, stored in this app or imported from a file. */
export interface OverviewRow {
  readonly key: string;
  readonly source: 'stored' | 'imported';
  /** The file name of an imported assessment. */
  readonly file: string | null;
  readonly assessment: Assessment;
  readonly check: AssessmentCheck | null;
}

/** A row with its three words: consistent, signed by, trusted (main's check and the trust list). */
export interface JudgedRow extends OverviewRow {
  readonly verdict: TrustVerdict;
}

/** The rows with their verdicts under a trust list (null while it loads: nothing is trusted). */
export function judgeRows(
  rows: ReadonlyArray<OverviewRow>,
  view: TrustView | null,
): ReadonlyArray<JudgedRow> {
  return rows.map((row) => ({
    ...row,
    verdict: trustVerdict(row.check?.status, row.check?.signature, view),
  }));
}

/** The signer filter's value of a signer: `unsigned`, `invalid`, or `key:` and its key id. */
export function signerFilterValue(signer: Signer): string {
  return signer.kind === 'key' ? `key:${signer.keyId}` : signer.kind;
}

/** Whether a signer passes the signer filter (`unknown`: a valid key neither trusted nor this installation's). */
function matchesSigner(signer: Signer, filter: string | undefined): boolean {
  if (!filter) return true;
  if (filter === 'unknown') return signer.kind === 'key' && !signer.own && signer.label === null;
  return signerFilterValue(signer) === filter;
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
export type SortKey = 'trainee' | 'scenario' | 'date' | 'score' | 'passed' | 'check' | 'signer' | 'trusted';

/** The filter of the overview table. */
export interface OverviewFilter {
  readonly text: string;
  readonly scenarioId: string;
  readonly check: '' | AssessmentCheck['status'] | 'unchecked';
  /** `''` (all), `unsigned`, `invalid`, `unknown`, or `key:<key id>` (see `signerFilterValue`). */
  readonly signer?: string;
  readonly trusted?: '' | 'yes' | 'no';
}

/** The order of signers: this installation, the trusted keys by label, unknown keys, invalid, unsigned. */
function signerOrder(signer: Signer): string {
  switch (signer.kind) {
    case 'key':
      if (signer.own) return '0';
      return signer.label === null ? `2${signer.keyId}` : `1${signer.label.toLocaleLowerCase()}`;
    case 'invalid':
      return '3';
    case 'unsigned':
      return '4';
  }
}

function sortValue(row: JudgedRow, key: SortKey): string | number {
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
    case 'signer':
      return signerOrder(row.verdict.signer);
    case 'trusted':
      return row.verdict.trusted ? 1 : 0;
  }
}

/** The rows that pass the filter, sorted by a column (ties by date, newest first). */
export function sortAndFilter(
  rows: ReadonlyArray<JudgedRow>,
  filter: OverviewFilter,
  key: SortKey,
  direction: 'ascending' | 'descending',
): ReadonlyArray<JudgedRow> {
  const text = filter.text.trim().toLocaleLowerCase();
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .filter(
      (row) =>
        (filter.scenarioId === '' || row.assessment.scenario.id === filter.scenarioId) &&
        (filter.check === '' || (row.check?.status ?? 'unchecked') === filter.check) &&
        matchesSigner(row.verdict.signer, filter.signer) &&
        (!filter.trusted || row.verdict.trusted === (filter.trusted === 'yes')) &&
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
