import type { ActionOption, ConnectionListItem } from '@shared/conference';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayMode, PlaySession } from '../session/play-session';
import { formatDuration, useSessionTime } from '../session/use-play-session';
import { ActionControl } from './ActionControl';
import { optionFor } from './commands';
import { useConsoleTranslation } from './use-console-translation';

/**
 * One connection as the CCP lists it: the label the engine's `connectionList` gives for the
 * mode, the state, mute, a timer of the current state and the per-leg controls.
 */
export const ConnectionCard = memo(function ConnectionCard(props: {
  readonly item: ConnectionListItem;
  readonly index: number;
  readonly since: number;
  readonly session: PlaySession;
  readonly options: ReadonlyArray<ActionOption>;
  readonly mode: PlayMode;
  readonly selected: boolean;
  readonly onSelect: (party: string) => void;
  readonly onAct: (option: ActionOption) => void;
}) {
  const { t } = useConsoleTranslation();
  const { item } = props;
  const label =
    item.labelSource === 'internal-transfer'
      ? t('internalTransfer')
      : item.transfer
        ? `${t('transferConnection')}: ${item.label}`
        : item.label;
  const holdOrResume = item.state === 'hold' ? 'resume' : 'hold';
  const muteOrUnmute = item.muted ? 'unmute' : 'mute';
  const headingId = `connection-${item.party}`;
  return (
    <li
      className={`connection-card state-${item.state}${props.selected ? ' selected' : ''}`}
      aria-labelledby={headingId}
      onFocus={() => props.onSelect(item.party)}
      data-party={item.party}
    >
      <h3 id={headingId} className="connection-label">
        <span className="connection-index" aria-hidden="true">
          {props.index + 1}
        </span>{' '}
        {label}
      </h3>
      <p className="connection-state">
        <span className={`state-badge state-${item.state}`}>{t(`legState.${item.state}`)}</span>
        {item.muted && <span className="state-badge muted">{t('muted')}</span>}
        <StateTimer session={props.session} since={props.since} />
      </p>
      <div className="connection-actions">
        {(['hold-resume', 'mute-unmute', 'disconnect'] as const).map((slot) => {
          const action =
            slot === 'hold-resume' ? holdOrResume : slot === 'mute-unmute' ? muteOrUnmute : 'disconnect';
          const option = optionFor(props.options, action, item.party);
          const shortcut = slot === 'hold-resume' ? 'H' : slot === 'mute-unmute' ? 'M' : 'X';
          return (
            <ActionControl
              key={slot}
              option={option}
              mode={props.mode}
              label={t(`action.${action}`)}
              name={t('actionOn', { action: t(`action.${action}`), name: label })}
              shortcut={shortcut}
              onAct={props.onAct}
            />
          );
        })}
      </div>
    </li>
  );
});

/** The time in the current state, ticking on its own so that the card renders again only for it. */
function StateTimer(props: { readonly session: PlaySession; readonly since: number }) {
  const { t } = useTranslation('console');
  const now = useSessionTime(props.session);
  return <span className="connection-timer">{t('since', { time: formatDuration(now - props.since) })}</span>;
}
