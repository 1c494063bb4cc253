import { useTranslation } from 'react-i18next';
import { formatClock, partyName } from './format';
import type { Instant, Lane } from './model';

/** What the call was at the cursor: every leg's state, who hears whom, the captions and the goal. */
export function InstantPanel(props: { readonly instant: Instant; readonly lanes: ReadonlyArray<Lane> }) {
  const { t } = useTranslation('replay');
  const { instant, lanes } = props;
  const stateOf = (party: string) => instant.legs.find((leg) => leg.party === party)?.state ?? null;
  const onCall = lanes.filter((lane) => {
    const state = stateOf(lane.party);
    return state !== null && state !== 'disconnected';
  });
  return (
    <section className="replay-instant" aria-label={t('instant.title', { time: formatClock(instant.time) })}>
      <h3>{t('instant.title', { time: formatClock(instant.time) })}</h3>
      <div className="replay-instant-grid">
        <div>
          <h4>{t('instant.legs')}</h4>
          <ul className="replay-legs" aria-label={t('instant.legs')}>
            {lanes.map((lane) => {
              const state = stateOf(lane.party);
              return (
                <li key={lane.party} data-party={lane.party} data-state={state ?? 'none'}>
                  <span className={`replay-swatch replay-band-${state ?? 'none'}`} aria-hidden="true" />
                  {lane.name}: {state === null ? t('instant.noLeg') : t(`state.${state}`)}
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h4>{t('instant.hearing')}</h4>
          <ul className="replay-hearing" aria-label={t('instant.hearing')}>
            {onCall.map((lane) => {
              const heard = instant.hears[lane.party] ?? [];
              const listener = lane.name;
              const speakers = heard.map((party) => partyName(lanes, party)).join(', ');
              // The trainee is "you" ("Sie"), which takes its own verb form.
              return (
                <li key={lane.party} data-party={lane.party}>
                  {heard.length === 0
                    ? lane.trainee
                      ? t('instant.youHearNobody')
                      : t('instant.hearsNobody', { listener })
                    : lane.trainee
                      ? t('instant.youHear', { speakers })
                      : t('instant.hears', { listener, speakers })}
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h4>{t('instant.captions')}</h4>
          {instant.captions.length === 0 ? (
            <p className="replay-muted">{t('instant.noCaptions')}</p>
          ) : (
            <ul className="replay-captions" aria-label={t('instant.captions')}>
              {instant.captions.map((line) => (
                <li key={line.seq}>
                  <span className="replay-time">{formatClock(line.time)}</span>{' '}
                  <strong>{partyName(lanes, line.party)}</strong>: {line.text}
                </li>
              ))}
            </ul>
          )}
          {instant.goal !== null && (
            <p className="replay-goal">
              <strong>{t('instant.goal')}:</strong> {instant.goal.text}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
