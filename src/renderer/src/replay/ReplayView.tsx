import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHashTarget } from '../results/useHashTarget';
import { useStoredAssessment } from '../results/useStoredAssessment';
import { resultsHash } from '../routes';
import { buildReplayModel } from './model';
import { ReplayPanel } from './ReplayPanel';

/** The replay of a stored assessment on its own, starting at a given time (ms). */
export function ReplayView(props: { readonly attemptId: string; readonly at?: number }) {
  const { t } = useTranslation('replay');
  const loaded = useStoredAssessment(props.attemptId);
  const [cursor, setCursor] = useState(props.at ?? 0);
  const ready = loaded.status === 'ready' ? loaded.value : null;
  const model = useMemo(
    () => (ready?.scenario ? buildReplayModel(ready.scenario, ready.assessment.log) : null),
    [ready],
  );
  if (loaded.status === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (loaded.status === 'failed') return <p role="alert">{t('loadFailed', { message: loaded.message })}</p>;
  const { assessment } = loaded.value;
  return (
    <article className="replay-view" aria-labelledby="replay-title">
      <h1 id="replay-title">
        {t('title')}: {assessment.scenario.title}
      </h1>
      <p>
        <a href={resultsHash(assessment.attemptId)}>{t('backToResults')}</a> · {assessment.trainee.name}
      </p>
      {model === null ? (
        <p role="alert">{t('loadFailed', { message: assessment.scenario.id })}</p>
      ) : (
        <ReplayPanel
          model={model}
          label={t('timelineLabel', { scenario: assessment.scenario.title })}
          cursor={Math.min(cursor, model.endTime)}
          onCursor={setCursor}
        />
      )}
    </article>
  );
}

/** The replay the location hash names (`#/replay/<attemptId>?at=<ms>`). */
export function ReplayRoute() {
  const { t } = useTranslation('replay');
  const { id, at } = useHashTarget();
  if (id === null) return <p>{t('noAttempt')}</p>;
  return <ReplayView key={`${id}@${at ?? 0}`} attemptId={id} at={at ?? 0} />;
}
