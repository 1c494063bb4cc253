import { useTranslation } from 'react-i18next';
import { describeEntry, describeRefusal, formatClock, partyName } from './format';
import type { ReplayModel } from './model';

/** The text alternative of the timeline: every event, line and goal, in order, as a table. */
export function EventTable(props: { readonly model: ReplayModel; readonly onSeek: (time: number) => void }) {
  const { t } = useTranslation('replay');
  const { model } = props;
  const lanes = model.lanes;
  const rows = [
    ...model.events.map((event) => {
      const refusal = describeRefusal(t, event.entry);
      return {
        seq: event.seq,
        time: event.time,
        who: partyName(lanes, event.entry.actor),
        what: describeEntry(t, lanes, event.entry),
        result: refusal ? t('table.refused', refusal) : t('table.accepted'),
        refused: refusal !== null,
      };
    }),
    ...model.top.map((marker) => ({
      seq: marker.seq,
      time: marker.time,
      who: marker.kind === 'line' ? partyName(lanes, marker.party) : '',
      what:
        marker.kind === 'line'
          ? t('table.said', { text: marker.text })
          : t('table.goal', { text: marker.text }),
      result: '',
      refused: false,
    })),
  ].sort((a, b) => a.seq - b.seq);
  return (
    <details className="replay-table">
      <summary>{t('table.show')}</summary>
      <table>
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('table.who')}</th>
            <th scope="col">{t('table.what')}</th>
            <th scope="col">{t('table.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq} className={row.refused ? 'replay-row-refused' : undefined}>
              <td>
                <button type="button" className="link-button" onClick={() => props.onSeek(row.time)}>
                  {formatClock(row.time)}
                </button>
              </td>
              <td>{row.who}</td>
              <td>{row.what}</td>
              <td>{row.result}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
