import type { AssessmentCheck } from '@shared/ipc';
import type { Scenario } from '@shared/scenario';
import type { Assessment } from '@shared/scoring/assessment';
import { useEffect, useState } from 'react';
import { callApi } from '../api';
import type { AsyncState } from '../useAsync';

/** A stored assessment with what main says of it now and the scenario to replay it on. */
export interface LoadedAssessment {
  readonly assessment: Assessment;
  readonly check: AssessmentCheck | null;
  /** The library's scenario of this id, or null when the library no longer has it. */
  readonly scenario: Scenario | null;
}

/** Loads the scenario an assessment was taken on, or null when the library lacks it. */
export async function loadScenarioOf(assessment: Assessment): Promise<Scenario | null> {
  return callApi('scenarios:get', { id: assessment.scenario.id }).catch(() => null);
}

/** Loads a stored assessment, its re-grading and its scenario; reloads when the id changes. */
export function useStoredAssessment(attemptId: string | null): AsyncState<LoadedAssessment> {
  const [state, setState] = useState<AsyncState<LoadedAssessment>>({ status: 'loading' });
  useEffect(() => {
    if (attemptId === null) return;
    let current = true;
    setState({ status: 'loading' });
    (async () => {
      const assessment = await callApi('assessments:get', { attemptId });
      const [check, scenario] = await Promise.all([
        callApi('assessments:verify', { attemptId }).catch(() => null),
        loadScenarioOf(assessment),
      ]);
      return { assessment, check, scenario };
    })().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) =>
        current &&
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [attemptId]);
  return state;
}
