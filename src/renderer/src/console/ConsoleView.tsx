import {
  type ActionOption,
  actionOptions,
  agentContactState,
  connectionList,
  explainRefusal,
  legOf,
  type RefusalReason,
  type RuleId,
} from '@shared/conference';
import type { SessionRecord } from '@shared/scenario';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AudioSettingsPanel } from '../audio';
import type { PlaySession } from '../session/play-session';
import { usePlaySession } from '../session/use-play-session';
import { ActionControl } from './ActionControl';
import { type Announcement, announcementsOf } from './announcements';
import { ConnectionCard } from './ConnectionCard';
import { inputOf, optionFor } from './commands';
import { NumberPad, QuickConnects } from './Dialer';
import { HearingDiagram } from './HearingDiagram';
import { PracticeRefusal } from './RefusalPanel';
import { JournalNotice, SessionClock, SessionControls, usePartyNames } from './SessionControls';
import { ShortcutHelp } from './ShortcutHelp';
import { SessionSidePanels } from './SidePanels';
import { shortcutOf } from './shortcuts';
import { useConsoleTranslation } from './use-console-translation';
import './console.css';

/**
 * The trainee's console: a Contact Control Panel for one live session. Every enabled control
 * and every refusal comes from `src/shared` (`actionOptions`, `connectionList`, `hearing`); the
 * console only shows them and sends the trainee's choices to the session.
 */
export function ConsoleView(props: { readonly session: PlaySession; readonly onRestart: () => void }) {
  const { session } = props;
  const { t, i18n } = useConsoleTranslation();
  const snapshot = usePlaySession(session);
  const { director } = snapshot;
  const { scenario, mode } = session;
  const trainee = director.trainee;
  const conference = director.conference;
  const options = useMemo(() => actionOptions(conference, trainee), [conference, trainee]);
  const connections = useMemo(() => connectionList(conference, trainee), [conference, trainee]);
  const names = usePartyNames(scenario, trainee);
  const contactState = agentContactState(conference, trainee);
  const ended = director.ended;

  const [selected, setSelected] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const qcRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<HTMLInputElement>(null);
  const captionsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    session.start();
  }, [session]);

  // Focus is never lost: when the control that had it went away (Accept after accepting, a card
  // of a party who left), focus returns to the console.
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked after every change of the call
  useEffect(() => {
    const active = document.activeElement;
    if (help) return;
    if (active === null || active === document.body || !active.isConnected) rootRef.current?.focus();
  }, [director, help]);

  const act = useCallback(
    (option: ActionOption, digits?: string) => {
      session.act(inputOf(option, digits));
    },
    [session],
  );

  const language = i18n.resolvedLanguage === 'de' ? 'de' : 'en';

  const labelFor = (party: string): string =>
    connections.find((item) => item.party === party)?.label ?? names.get(party) ?? party;

  const untargeted = (action: ActionOption['action']) => optionFor(options, action, null);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const inTextField =
      target instanceof HTMLInputElement
        ? !['radio', 'checkbox', 'button', 'submit'].includes(target.type)
        : target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    const shortcut = shortcutOf({ ...event, inTextField });
    if (shortcut === null || help) return;
    event.preventDefault();
    const allowed = (option: ActionOption | undefined) =>
      option !== undefined && (option.result.ok || mode === 'practice');
    const run = (option: ActionOption | undefined) => {
      if (option !== undefined && allowed(option)) act(option);
    };
    const party = selected ?? connections[0]?.party ?? null;
    const item = connections.find((candidate) => candidate.party === party);
    switch (shortcut.command) {
      case 'accept':
      case 'hold-all':
      case 'join':
      case 'swap':
      case 'leave':
      case 'clear':
        run(untargeted(shortcut.command));
        break;
      case 'select-leg': {
        const cards = rootRef.current?.querySelectorAll<HTMLElement>('.connection-card');
        cards?.[shortcut.index ?? 0]?.querySelector<HTMLElement>('button')?.focus();
        break;
      }
      case 'hold':
        if (item !== undefined)
          run(optionFor(options, item.state === 'hold' ? 'resume' : 'hold', item.party));
        break;
      case 'mute':
        if (item !== undefined) run(optionFor(options, item.muted ? 'unmute' : 'mute', item.party));
        break;
      case 'disconnect':
        if (item !== undefined) run(optionFor(options, 'disconnect', item.party));
        break;
      case 'quick-connects':
        qcRef.current?.focus();
        break;
      case 'number-pad':
        padRef.current?.focus();
        break;
      case 'captions':
        captionsRef.current?.focus();
        break;
      case 'pause':
        if (mode === 'practice') snapshot.running ? session.pause() : session.start();
        break;
      case 'help':
        setHelp(true);
        break;
    }
  };

  const caller = scenario.parties.find((party) => party.kind === 'caller');
  const own = legOf(conference, trainee);
  const ownControls = (['resume', own?.muted ? 'unmute' : 'mute'] as const)
    .map((action) => optionFor(options, action, trainee))
    .filter((option) => option !== undefined && (option.action !== 'resume' || own?.state === 'hold'));

  return (
    <section
      className={`console mode-${mode}`}
      aria-labelledby="console-title"
      ref={rootRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="console-header">
        <h1 id="console-title">{t('title', { title: scenario.title })}</h1>
        <p className="console-status">
          <span className="badge">{t(`modeLabel.${mode}`)}</span>{' '}
          <span className="badge">{t(`contactState.${contactState ?? 'none'}`)}</span>{' '}
          <span>
            {t('clock')}: <SessionClock session={session} />
          </span>
          {!snapshot.running && !ended && <span className="badge paused">{t('paused')}</span>}
        </p>
        <SessionControls
          session={session}
          running={snapshot.running}
          ended={ended}
          practice={mode === 'practice'}
          onRestart={props.onRestart}
          pauseShortcut="P"
        >
          <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            {t('help')}
          </button>
        </SessionControls>
        <details className="console-sound">
          <summary>{t('audio:settings.title')}</summary>
          <AudioSettingsPanel />
        </details>
      </header>
      <JournalNotice session={session} />
      <div className="console-grid">
        <div className="console-main">
          {contactState === 'incoming' && (
            <section className="panel incoming" aria-label={t('contactState.incoming')}>
              <p className="incoming-text">
                {scenario.call.traineeRole === 'secondary'
                  ? t('incomingTransfer', { name: names.get(scenario.call.primaryAgent) ?? '' })
                  : t('incoming', { name: caller?.name ?? '' })}
              </p>
              <ActionControl
                option={untargeted('accept')}
                mode={mode}
                label={t('action.accept')}
                shortcut="A"
                onAct={act}
                className="primary"
              />
            </section>
          )}
          <section className="panel connections" aria-labelledby="connections-title">
            <h2 id="connections-title">{t('connections')}</h2>
            {connections.length === 0 ? (
              <p>{t('noConnections')}</p>
            ) : (
              <ol className="connection-list">
                {connections.map((item, index) => (
                  <ConnectionCard
                    key={item.party}
                    item={item}
                    index={index}
                    since={legOf(conference, item.party)?.since ?? 0}
                    session={session}
                    options={options}
                    mode={mode}
                    selected={selected === item.party}
                    onSelect={setSelected}
                    onAct={act}
                  />
                ))}
              </ol>
            )}
            {own !== undefined && own.state !== 'disconnected' && (
              <div className="own-line">
                <span>
                  {t('myLine')}: {t(`legState.${own.state}`)}
                  {own.muted ? `, ${t('muted')}` : ''}
                </span>
                {ownControls.map((option) =>
                  option === undefined ? null : (
                    <ActionControl
                      key={option.action}
                      option={option}
                      mode={mode}
                      label={t(`action.${option.action}`)}
                      name={t('actionOn', { action: t(`action.${option.action}`), name: t('myLine') })}
                      onAct={act}
                    />
                  ),
                )}
              </div>
            )}
          </section>
          {(contactState === 'connected' || contactState === 'ended') && (
            <section className="panel call-controls" aria-labelledby="controls-title">
              <h2 id="controls-title">{t('callControls')}</h2>
              <div role="toolbar" aria-labelledby="controls-title" className="toolbar">
                {contactState === 'connected' &&
                  (
                    [
                      ['hold-all', 'Shift+H'],
                      ['join', 'J'],
                      ['swap', 'S'],
                      ['leave', 'L'],
                    ] as const
                  ).map(([action, keys]) => (
                    <ActionControl
                      key={action}
                      option={untargeted(action)}
                      mode={mode}
                      label={t(`action.${action}`)}
                      shortcut={keys}
                      onAct={act}
                    />
                  ))}
                {contactState === 'ended' && (
                  <ActionControl
                    option={untargeted('clear')}
                    mode={mode}
                    label={t('action.clear')}
                    shortcut="C"
                    onAct={act}
                    className="primary"
                  />
                )}
              </div>
            </section>
          )}
          {mode === 'practice' && (
            <PracticeRefusal headingId="refusal-title" records={director.records} trainee={trainee} />
          )}
          {contactState !== 'ended' && contactState !== 'cleared' && (
            <div className="dialers">
              <QuickConnects
                conference={conference}
                options={options}
                mode={mode}
                onAct={act}
                filterRef={qcRef}
              />
              <NumberPad
                conference={conference}
                trainee={trainee}
                options={options}
                mode={mode}
                onAct={act}
                inputRef={padRef}
              />
            </div>
          )}
        </div>
        <SessionSidePanels session={session} names={names} captionsRef={captionsRef}>
          {mode === 'practice' && <HearingDiagram conference={conference} names={names} />}
        </SessionSidePanels>
      </div>
      <Announcer session={session} records={director.records} name={labelFor} language={language} />
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </section>
  );
}

function resolveValues(
  announcement: Announcement,
  t: (key: string) => string,
  language: 'en' | 'de',
): Record<string, string> {
  const values = { ...announcement.values };
  if (announcement.key === 'announce.state' && values.state !== undefined)
    values.state = t(`legState.${values.state}`);
  if (announcement.key === 'announce.refused' && values.reason !== undefined && values.rule !== undefined) {
    const explanation = explainRefusal(values.reason as RefusalReason, values.rule as RuleId, language);
    values.reason = `${explanation.reason} (${explanation.ruleId})`;
  }
  return values;
}

/**
 * The polite live region with the latest announcements. A component of its own: what it adds
 * after a change renders it alone again, not the whole console.
 */
function Announcer(props: {
  readonly session: PlaySession;
  readonly records: ReadonlyArray<SessionRecord>;
  readonly name: (party: string) => string;
  readonly language: 'en' | 'de';
}) {
  const { t } = useConsoleTranslation();
  const announcements = useAnnouncer(props.session, props.records, props.name);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="false" data-testid="announcer">
      {announcements.map((announcement) => (
        <p key={`${announcement.seq}-${announcement.key}-${announcement.values.name ?? ''}`}>
          {t(announcement.key, resolveValues(announcement, t, props.language))}
        </p>
      ))}
    </div>
  );
}

/** The latest announcements (the last 8), for the polite live region. */
function useAnnouncer(
  session: PlaySession,
  records: ReadonlyArray<SessionRecord>,
  name: (party: string) => string,
): ReadonlyArray<Announcement> {
  const [shown, setShown] = useState<ReadonlyArray<Announcement>>([]);
  const seen = useRef(0);
  const nameRef = useRef(name);
  nameRef.current = name;
  useEffect(() => {
    const last = records[records.length - 1]?.seq ?? 0;
    if (last <= seen.current) return;
    const fresh = announcementsOf(session.scenario, records, seen.current, nameRef.current);
    seen.current = last;
    if (fresh.length > 0) setShown((previous) => [...previous, ...fresh].slice(-8));
  }, [records, session]);
  return shown;
}
