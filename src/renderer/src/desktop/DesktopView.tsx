import type { DesktopInfo } from '@shared/ipc';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { PracticeRefusal } from '../console/RefusalPanel';
import { JournalNotice, SessionClock, SessionControls, usePartyNames } from '../console/SessionControls';
import { SessionSidePanels } from '../console/SidePanels';
import type { PlaySession } from '../session/play-session';
import { usePlaySession } from '../session/use-play-session';
import { useAsync } from '../useAsync';
import { connectCcp } from './ccp-bridge';
import '../console/console.css';
import './desktop.css';

/** The desktop's page with the simulated CCP's URL, as a desktop built on Streams expects it. */
export function desktopPageUrl(info: DesktopInfo): string {
  return `${info.desktopUrl}?ccpUrl=${encodeURIComponent(info.ccpUrl)}`;
}

/**
 * "Use my agent desktop": the user's desktop in a sandboxed frame of its own origin (no
 * `window.api`, no Node, no navigation of the app), connected through the simulated CCP to the
 * live session. The app plays the cues and shows the captions, the goals and the questions; the
 * desktop is the only place to act on the call.
 */
export function DesktopView(props: { readonly session: PlaySession; readonly onRestart: () => void }) {
  const { t } = useTranslation(['desktop', 'console']);
  const info = useAsync(() => callApi('desktop:get'));
  if (info.status === 'loading') return <p aria-busy="true">…</p>;
  const problem =
    info.status === 'failed'
      ? t('loadFailed', { message: info.message })
      : info.value.folder === null
        ? t('noFolder')
        : info.value.problem !== null
          ? t('problem', { message: info.value.problem })
          : null;
  if (info.status === 'ready' && problem === null)
    return <DesktopSession session={props.session} info={info.value} onRestart={props.onRestart} />;
  // The session has begun in main: ending it grades what there is and leaves this screen.
  return (
    <section className="console" aria-label={t('frameTitle')}>
      <p role="alert">{problem}</p>
      <button type="button" onClick={() => void props.session.stop()}>
        {t('console:end')}
      </button>
    </section>
  );
}

function DesktopSession(props: {
  readonly session: PlaySession;
  readonly info: DesktopInfo;
  readonly onRestart: () => void;
}) {
  const { session, info } = props;
  const { t } = useTranslation(['desktop', 'console']);
  const snapshot = usePlaySession(session);
  const frame = useRef<HTMLIFrameElement>(null);
  const captionsRef = useRef<HTMLDivElement>(null);
  const [connected, setConnected] = useState(false);
  const { director } = snapshot;
  const { scenario, mode } = session;
  const ended = director.ended;
  const names = usePartyNames(scenario, director.trainee);

  useEffect(
    () =>
      connectCcp({
        session,
        desktopWindow: () => frame.current?.contentWindow ?? null,
        ccpOrigin: info.ccpOrigin,
        onConnected: () => {
          setConnected(true);
          // The clock starts once the desktop is there to take the call.
          session.start();
        },
      }),
    [session, info.ccpOrigin],
  );

  return (
    <section className={`console desktop-session mode-${mode}`} aria-labelledby="desktop-title">
      <header className="console-header">
        <h1 id="desktop-title">{t('title', { title: scenario.title })}</h1>
        <p className="console-status">
          <span className="badge">{t(`console:modeLabel.${mode}`)}</span>{' '}
          <span>
            {t('console:clock')}: <SessionClock session={session} />
          </span>
          {!snapshot.running && !ended && connected && (
            <span className="badge paused">{t('console:paused')}</span>
          )}
        </p>
        <SessionControls
          session={session}
          running={snapshot.running}
          ended={ended}
          practice={mode === 'practice' && connected}
          onRestart={props.onRestart}
        />
      </header>
      <p role="status" className="desktop-connection">
        {connected ? t('connected') : t('waiting')}
      </p>
      <JournalNotice session={session} />
      {mode === 'practice' && (
        <PracticeRefusal
          headingId="desktop-refusal-title"
          records={director.records}
          trainee={director.trainee}
        />
      )}
      <div className="console-grid desktop-grid">
        <div className="console-main">
          <iframe
            ref={frame}
            className="desktop-frame"
            title={t('frameTitle')}
            src={desktopPageUrl(info)}
            sandbox="allow-scripts allow-same-origin allow-forms"
            referrerPolicy="no-referrer"
          />
        </div>
        <SessionSidePanels session={session} names={names} captionsRef={captionsRef} />
      </div>
    </section>
  );
}
