import type { AssessmentSummary } from '@shared/ipc';

/** The best and the latest scaled score of one scenario, for the picker's cards. */
export interface ScenarioRecord {
  readonly best: AssessmentSummary;
  readonly latest: AssessmentSummary;
  readonly attempts: number;
}

/** Per scenario id: the best (highest scaled, earliest on ties) and the latest (newest start) attempt. */
export function bestAndLatest(
  summaries: ReadonlyArray<AssessmentSummary>,
): ReadonlyMap<string, ScenarioRecord> {
  const records = new Map<string, ScenarioRecord>();
  for (const summary of summaries) {
    const known = records.get(summary.scenarioId);
    if (known === undefined) {
      records.set(summary.scenarioId, { best: summary, latest: summary, attempts: 1 });
      continue;
    }
    const better =
      summary.scaled > known.best.scaled ||
      (summary.scaled === known.best.scaled && summary.startedAt < known.best.startedAt);
    records.set(summary.scenarioId, {
      best: better ? summary : known.best,
      latest: summary.startedAt > known.latest.startedAt ? summary : known.latest,
      attempts: known.attempts + 1,
    });
  }
  return records;
}

/** The summaries of one scenario (all when `scenarioId` is empty), newest first. */
export function filterHistory(
  summaries: ReadonlyArray<AssessmentSummary>,
  scenarioId: string,
): ReadonlyArray<AssessmentSummary> {
  return summaries
    .filter((summary) => scenarioId === '' || summary.scenarioId === scenarioId)
    .toSorted((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}
