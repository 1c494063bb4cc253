import { useTranslation } from 'react-i18next';
import { useTrust } from '../overview/useTrust';
import { replayHash } from '../routes';
import { AssessmentResults } from './AssessmentResults';
import { ExportButtons } from './ExportButtons';
import { useHashTarget } from './useHashTarget';
import { useStoredAssessment } from './useStoredAssessment';

/** The results screen of a stored assessment, re-graded by main, with its export buttons. */
export function ResultsView(props: { readonly attemptId: string }) {
  const { t } = useTranslation('results');
  const loaded = useStoredAssessment(props.attemptId);
  const trust = useTrust();
  if (loaded.status === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (loaded.status === 'failed') return <p role="alert">{t('loadFailed', { message: loaded.message })}</p>;
  const { assessment, check, scenario } = loaded.value;
  return (
    <AssessmentResults
      assessment={assessment}
      check={check}
      trust={trust.view}
      scenario={scenario}
      replayHref={(time) => replayHash(assessment.attemptId, time)}
      actions={<ExportButtons attemptId={assessment.attemptId} />}
    />
  );
}

/** The results screen of the assessment the location hash names (`#/results/<attemptId>`). */
export function ResultsRoute() {
  const { t } = useTranslation('results');
  const { id } = useHashTarget();
  if (id === null) return <p>{t('noAttempt')}</p>;
  return <ResultsView key={id} attemptId={id} />;
}
