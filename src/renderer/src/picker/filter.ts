import type { AssessmentSummary, ScenarioSummary } from '@shared/ipc';

/** What the trainee narrows the library by; `''` means any. */
export interface PickerFilter {
  readonly text: string;
  readonly mode: string;
  readonly difficulty: string;
  readonly language: string;
  readonly tag: string;
}

/** No filter: every scenario. */
export const NO_FILTER: PickerFilter = { text: '', mode: '', difficulty: '', language: '', tag: '' };

/** The scenarios a filter lets through, in library order. Text matches title, id and tags, ignoring case. */
export function filterScenarios(
  scenarios: ReadonlyArray<ScenarioSummary>,
  filter: PickerFilter,
): ReadonlyArray<ScenarioSummary> {
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return scenarios.filter((scenario) => {
    if (filter.mode !== '' && scenario.mode !== filter.mode) return false;
    if (filter.difficulty !== '' && scenario.difficulty !== filter.difficulty) return false;
    if (filter.language !== '' && scenario.language !== filter.language) return false;
    if (filter.tag !== '' && !scenario.tags.includes(filter.tag)) return false;
    const haystack = [scenario.title, scenario.id, ...scenario.tags].join(' ').toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The values a filter can take, from the library itself, sorted. */
export function filterChoices(scenarios: ReadonlyArray<ScenarioSummary>): {
  readonly modes: ReadonlyArray<string>;
  readonly difficulties: ReadonlyArray<string>;
  readonly languages: ReadonlyArray<string>;
  readonly tags: ReadonlyArray<string>;
} {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const order = ['beginner', 'intermediate', 'advanced'];
  return {
    modes: sorted(scenarios.map((s) => s.mode)),
    difficulties: [...new Set(scenarios.map((s) => s.difficulty))].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    ),
    languages: sorted(scenarios.map((s) => s.language)),
    tags: sorted(scenarios.flatMap((s) => s.tags)),
  };
}

/** The trainee's best and latest scaled scores (0 to 1) on one scenario. */
export interface ScenarioScores {
  readonly best: number;
  readonly latest: number;
}

/**
 * The trainee's best and latest scaled score per scenario id, from `assessments:list` (newest
 * first); every stored assessment counts when no trainee name is known yet, except one that was
 * changed outside the app (tampered).
 */
export function scenarioScores(
  assessments: ReadonlyArray<AssessmentSummary>,
  trainee: string,
): ReadonlyMap<string, ScenarioScores> {
  const scores = new Map<string, ScenarioScores>();
  const name = trainee.trim().toLocaleLowerCase();
  const newestFirst = [...assessments].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const assessment of newestFirst) {
    if (name !== '' && assessment.trainee.trim().toLocaleLowerCase() !== name) continue;
    if (assessment.integrity === 'tampered') continue; // changed outside the app: not a score
    const previous = scores.get(assessment.scenarioId);
    scores.set(assessment.scenarioId, {
      latest: previous?.latest ?? assessment.scaled,
      best: Math.max(previous?.best ?? 0, assessment.scaled),
    });
  }
  return scores;
}
