import type { Scenario } from '@shared/scenario';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaySession } from '../session/play-session';
import { formatDuration, usePlaySession, useSessionTime } from '../session/use-play-session';

/**
 * The session's own buttons in a console header: pause or resume and restart in practice, and
 * ending the session (after a confirmation) until it has ended. `children` follow them.
 */
export function SessionControls(props: {
  readonly session: PlaySession;
  readonly running: boolean;
  readonly ended: boolean;
  /** Whether pause, resume and restart are offered (practice, and the call can be taken). */
  readonly practice: boolean;
  readonly onRestart: () => void;
  /** The key that pauses or resumes, when there is one. */
  readonly pauseShortcut?: string;
  readonly children?: ReactNode;
}) {
  const { session, running, ended } = props;
  const { t } = useTranslation('console');
  return (
    <div className="console-session-controls">
      {props.practice && !ended && (
        <>
          <button
            type="button"
            onClick={() => (running ? session.pause() : session.start())}
            aria-keyshortcuts={props.pauseShortcut}
          >
            {running ? t('pause') : t('resume')}
          </button>
          <button type="button" onClick={props.onRestart}>
            {t('restart')}
          </button>
        </>
      )}
      {!ended && (
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t('endConfirm'))) void session.stop();
          }}
        >
          {t('end')}
        </button>
      )}
      {props.children}
    </div>
  );
}

/** How saving the session's journal goes, when there is something to say about it. */
export function JournalNotice(props: { readonly session: PlaySession }) {
  const { t } = useTranslation('console');
  const { journal } = usePlaySession(props.session);
  if (journal.state === 'retrying')
    return <p role="status">{t('journalRetrying', { message: journal.message })}</p>;
  if (journal.state === 'failed')
    return <p role="alert">{t('journalFailed', { message: journal.message })}</p>;
  if (journal.state === 'finishing') return <p role="status">{t('finishing')}</p>;
  return null;
}

/** The scenario clock, ticking on its own so that the screen around it does not render again each tick. */
export function SessionClock(props: { readonly session: PlaySession }) {
  const now = useSessionTime(props.session);
  return <time aria-live="off">{formatDuration(now)}</time>;
}

/** Each party's name as a session's screen shows it: the trainee is "You". */
export function usePartyNames(scenario: Scenario, trainee: string): ReadonlyMap<string, string> {
  const { t } = useTranslation('console');
  return useMemo(
    () => new Map(scenario.parties.map((party) => [party.id, party.id === trainee ? t('you') : party.name])),
    [scenario, trainee, t],
  );
}
