import type { AssessmentSummary, UnfinishedSession } from '@shared/ipc';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { hashForView, resultsHash } from '../routes';
import { ResumeFailure, requestResume } from '../session/resume-requests';

type ItemState =
  | { readonly kind: 'open' }
  | { readonly kind: 'resuming' }
  | { readonly kind: 'resumed' }
  | { readonly kind: 'closing' }
  | { readonly kind: 'closed'; readonly summary: AssessmentSummary }
  | {
      readonly kind: 'failed';
      readonly message: string;
      /** What failed: going on with it, or grading it. */
      readonly what: 'resume' | 'grade';
      /** Whether its journal is open for a resume that failed (then it is closed with `session:finish`). */
      readonly open: boolean;
    };

/**
 * Offered at start: the sessions whose journals were never finished, each to be resumed at the
 * console (the play flow replays its journal and goes on live) or closed as stopped and graded
 * by main (`session:recover`). Shows nothing when there are none.
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
  const setState = (attemptId: string, state: ItemState) =>
    setStates((known) => ({ ...known, [attemptId]: state }));
  const recover = async (attemptId: string, open: boolean) => {
    setState(attemptId, { kind: 'closing' });
    try {
      const summary = await callApi(open ? 'session:finish' : 'session:recover', { attemptId });
      setState(attemptId, { kind: 'closed', summary });
    } catch (error) {
      setState(attemptId, { kind: 'failed', message: messageOf(error), what: 'grade', open });
    }
  };
  const resume = async (attemptId: string) => {
    setState(attemptId, { kind: 'resuming' });
    window.location.hash = hashForView('scenarios');
    try {
      await requestResume(attemptId);
      setState(attemptId, { kind: 'resumed' });
    } catch (error) {
      const open = error instanceof ResumeFailure && error.open;
      setState(attemptId, { kind: 'failed', message: messageOf(error), what: 'resume', open });
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
                <>
                  <button type="button" onClick={() => void resume(session.attemptId)}>
                    {t('resume')}
                  </button>{' '}
                  <button type="button" onClick={() => void recover(session.attemptId, false)}>
                    {t('close')}
                  </button>
                </>
              )}
              {state.kind === 'resuming' && <span role="status">{t('resuming')}</span>}
              {state.kind === 'resumed' && <span role="status">{t('resumed')}</span>}
              {state.kind === 'closing' && <span role="status">{t('closing')}</span>}
              {state.kind === 'closed' && (
                <span role="status">
                  {t('closed', { raw: state.summary.raw, max: state.summary.max })}{' '}
                  <a href={resultsHash(session.attemptId)}>{t('openResults')}</a>
                </span>
              )}
              {state.kind === 'failed' && (
                <>
                  <span role="alert">
                    {t(state.what === 'resume' ? 'resumeFailed' : 'failed', { message: state.message })}
                  </span>{' '}
                  <button type="button" onClick={() => void recover(session.attemptId, state.open)}>
                    {t('close')}
                  </button>
                </>
              )}
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
