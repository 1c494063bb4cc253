import type { DesktopInfo } from '@shared/ipc';
import { goalProgress, type SessionRecord } from '@shared/scenario';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { useAudioSettings } from '../audio';
import { RefusalPanel } from '../console/RefusalPanel';
import { JournalNotice, SessionControls } from '../console/SessionControls';
import { SessionSidePanels } from '../console/SidePanels';
import type { PlaySession } from '../session/play-session';
import { formatDuration, usePlaySession, useSessionTime } from '../session/use-play-session';
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
  const now = useSessionTime(session);
  const [settings] = useAudioSettings();
  const frame = useRef<HTMLIFrameElement>(null);
  const captionsRef = useRef<HTMLDivElement>(null);
  const [connected, setConnected] = useState(false);
  const { director } = snapshot;
  const { scenario, mode } = session;
  const ended = director.ended;
  const names = useMemo(
    () =>
      new Map(
        scenario.parties.map((party) => [
          party.id,
          party.id === director.trainee ? t('console:you') : party.name,
        ]),
      ),
    [scenario, director.trainee, t],
  );
  const goals = useMemo(() => goalProgress(scenario, director.records), [scenario, director.records]);

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
            {t('console:clock')}: <time aria-live="off">{formatDuration(now)}</time>
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
      {mode === 'practice' && <PracticeRefusal records={director.records} trainee={director.trainee} />}
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
        <SessionSidePanels
          session={session}
          captions={snapshot.captions}
          names={names}
          soundCaptions={settings.captions}
          captionsRef={captionsRef}
          goals={goals}
          records={director.records}
          ended={ended}
        />
      </div>
    </section>
  );
}

/**
 * Practice explains a refused action here as the console does (the desktop shows only the CCP's
 * error text): the reason and the rule behind it, until dismissed.
 */
function PracticeRefusal(props: {
  readonly records: ReadonlyArray<SessionRecord>;
  readonly trainee: string;
}) {
  const [dismissed, setDismissed] = useState(0);
  const last = useMemo(() => {
    for (let i = props.records.length - 1; i >= 0; i--) {
      const record = props.records[i];
      if (record?.kind !== 'event' || record.entry.actor !== props.trainee) continue;
      return record.entry.result.status === 'refused' ? { record, result: record.entry.result } : null;
    }
    return null;
  }, [props.records, props.trainee]);
  if (last === null || last.record.seq <= dismissed) return null;
  return (
    <RefusalPanel
      headingId="desktop-refusal-title"
      action={last.record.entry.type}
      reason={last.result.reason}
      rule={last.result.rule}
      onDismiss={() => setDismissed(last.record.seq)}
    />
  );
}
