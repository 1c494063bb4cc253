import type { AssessmentSummary, UnfinishedSession } from '@shared/ipc';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { resultsHash } from '../routes';

type ItemState =
  | { readonly kind: 'open' }
  | { readonly kind: 'closing' }
  | { readonly kind: 'closed'; readonly summary: AssessmentSummary }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Offered at start: the sessions whose journals were never finished, each to be closed as
 * stopped and graded by main (`session:recover`). Shows nothing when there are none.
 */
export function RecoveryBanner() {
  const { t, i18n } = useTranslation('recovery');
  const [sessions, setSessions] = useState<ReadonlyArray<UnfinishedSession>>([]);
  const [states, setStates] = useState<Readonly<Record<string, ItemState>>>({});
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    let current = true;
    callApi('session:unfinished').then(
      (list) => current && setSessions(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  if (hidden || sessions.length === 0) return null;
  const recover = async (attemptId: string) => {
    setStates((known) => ({ ...known, [attemptId]: { kind: 'closing' } }));
    try {
      const summary = await callApi('session:recover', { attemptId });
      setStates((known) => ({ ...known, [attemptId]: { kind: 'closed', summary } }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStates((known) => ({ ...known, [attemptId]: { kind: 'failed', message } }));
    }
  };
  return (
    <section className="recovery-banner" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <ul>
        {sessions.map((session) => {
          const state = states[session.attemptId] ?? { kind: 'open' };
          return (
            <li key={session.attemptId}>
              {t('item', {
                trainee: session.trainee,
                scenario: session.scenarioId,
                date: new Date(session.startedAt).toLocaleString(i18n.resolvedLanguage),
                records: session.records,
              })}
              {session.truncatedTail && <span className="recovery-truncated"> {t('truncated')}</span>}{' '}
              {state.kind === 'open' && (
                <button type="button" onClick={() => void recover(session.attemptId)}>
                  {t('close')}
                </button>
              )}
              {state.kind === 'closing' && <span role="status">{t('closing')}</span>}
              {state.kind === 'closed' && (
                <span role="status">
                  {t('closed', { raw: state.summary.raw, max: state.summary.max })}{' '}
                  <a href={resultsHash(session.attemptId)}>{t('openResults')}</a>
                </span>
              )}
              {state.kind === 'failed' && <span role="alert">{t('failed', { message: state.message })}</span>}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => setHidden(true)}>
        {t('dismiss')}
      </button>
    </section>
  );
}
