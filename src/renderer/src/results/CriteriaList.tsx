import type { CriterionResult } from '@shared/scoring/result';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../replay/format';

/** A criterion's verdict: met, not met, or (when the result says so) not reached. */
export type Verdict = 'met' | 'not-met' | 'not-reached';

/**
 * The verdict of a criterion result. Results written by later versions may carry a `status`
 * of `not-reached` (the session stopped before the criterion could be judged); older ones only `met`.
 */
export function verdictOf(criterion: CriterionResult): Verdict {
  const status = (criterion as { readonly status?: unknown }).status;
  if (status === 'not-reached' || status === 'notReached') return 'not-reached';
  return criterion.met ? 'met' : 'not-met';
}

/** Whether a criterion result is marked required (tolerated when absent). */
export function isRequired(criterion: CriterionResult): boolean {
  return (criterion as { readonly required?: unknown }).required === true;
}

const VERDICT_KEY = {
  met: 'criterion.met',
  'not-met': 'criterion.notMet',
  'not-reached': 'criterion.notReached',
} as const;
const VERDICT_MARK = { met: '✓', 'not-met': '✗', 'not-reached': '–' } as const;

/** Every criterion with its verdict, points, feedback and evidence linking into the replay. */
export function CriteriaList(props: {
  readonly criteria: ReadonlyArray<CriterionResult>;
  /** The link of an evidence time, when the assessment is stored. */
  readonly evidenceHref: ((time: number) => string) | null;
  readonly onEvidence: (time: number) => void;
}) {
  const { t } = useTranslation('results');
  return (
    <ol className="results-criteria">
      {props.criteria.map((criterion) => {
        const verdict = verdictOf(criterion);
        const headingId = `criterion-${criterion.id}`;
        return (
          <li
            key={criterion.id}
            className={`results-criterion results-${verdict}`}
            aria-labelledby={headingId}
          >
            <h3 id={headingId}>
              <span className="results-verdict-mark" aria-hidden="true">
                {VERDICT_MARK[verdict]}
              </span>{' '}
              {criterion.title}
            </h3>
            <p className="results-criterion-meta">
              <span className="results-verdict" data-verdict={verdict}>
                {t(VERDICT_KEY[verdict])}
              </span>
              {isRequired(criterion) && <span className="results-required">{t('criterion.required')}</span>}
              <span>{t('criterion.points', { points: criterion.points, weight: criterion.weight })}</span>
            </p>
            <p className="results-feedback">{criterion.feedback}</p>
            {criterion.evidence.length === 0 ? (
              <p className="results-muted">{t('criterion.noEvidence')}</p>
            ) : (
              <ul className="results-evidence" aria-label={t('criterion.evidence')}>
                {criterion.evidence.map((evidence) => (
                  <li key={`${evidence.seq}-${evidence.note}`}>
                    <a
                      href={props.evidenceHref?.(evidence.time) ?? '#replay'}
                      aria-label={`${t('criterion.evidenceLink', { time: formatClock(evidence.time) })}: ${evidence.note}`}
                      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                        event.preventDefault();
                        props.onEvidence(evidence.time);
                      }}
                    >
                      <span className="results-time">{formatClock(evidence.time)}</span>
                    </a>{' '}
                    {evidence.note}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
