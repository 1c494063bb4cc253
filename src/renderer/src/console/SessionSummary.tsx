import type { AssessmentSummary } from '@shared/ipc';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The end of a session: the score main graded and stored, passed or not, and where to go next. */
export function SessionSummary(props: {
  readonly summary: AssessmentSummary;
  readonly onAgain: () => void;
  readonly onBack: () => void;
  readonly detailsHref: string | null;
}) {
  const { t } = useTranslation('console');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { summary } = props;
  return (
    <section className="session-summary" aria-labelledby="summary-title">
      <h1 id="summary-title" ref={heading} tabIndex={-1}>
        {t('summary.title')}
      </h1>
      <p className="summary-score">
        {t('summary.score', { raw: summary.raw, max: summary.max, scaled: Math.round(summary.scaled * 100) })}
      </p>
      <p className={summary.passed ? 'summary-passed' : 'summary-failed'}>
        {summary.passed ? t('summary.passed') : t('summary.failed')}
      </p>
      <p>{t('summary.stored')}</p>
      <div className="summary-actions">
        {props.detailsHref !== null && <a href={props.detailsHref}>{t('summary.details')}</a>}
        <button type="button" onClick={props.onAgain}>
          {t('summary.again')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('summary.back')}
        </button>
      </div>
    </section>
  );
}
