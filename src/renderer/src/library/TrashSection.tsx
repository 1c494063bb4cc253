import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from './BusyButton';
import type { TrashEntry } from './types';
import type { Busy } from './useLibrary';

/** The deleted scenarios, newest first, each with a button that restores it. */
export function TrashSection(props: {
  readonly entries: ReadonlyArray<TrashEntry>;
  readonly busy: Busy | null;
  readonly onRestore: (entry: TrashEntry) => void;
}) {
  const { t, i18n } = useTranslation('library');
  const titleId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby={titleId} className="library-trash">
      <h2 id={titleId}>{t('trash.title')}</h2>
      {props.entries.length === 0 ? (
        <p className="library-hint">{t('trash.empty')}</p>
      ) : (
        <ul aria-labelledby={titleId}>
          {props.entries.map((entry) => (
            <TrashItem key={entry.trashId} entry={entry} date={date} {...props} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TrashItem(props: {
  readonly entry: TrashEntry;
  readonly date: Intl.DateTimeFormat;
  readonly busy: Busy | null;
  readonly onRestore: (entry: TrashEntry) => void;
}) {
  const { t } = useTranslation('library');
  const { entry } = props;
  const labelId = useId();
  const deleted = new Date(entry.deletedAt);
  return (
    <li aria-labelledby={labelId}>
      <span id={labelId} className="library-trash-title">
        {entry.title}
      </span>{' '}
      <code>{entry.id}</code>{' '}
      <span className="library-hint">
        {t('trash.deletedAt', {
          date: Number.isNaN(deleted.getTime()) ? entry.deletedAt : props.date.format(deleted),
        })}
      </span>
      <BusyButton
        busy={props.busy}
        action="restore"
        busyKey={entry.trashId}
        className="secondary"
        describedBy={labelId}
        onClick={() => props.onRestore(entry)}
      >
        {t('restore')}
      </BusyButton>
    </li>
  );
}
