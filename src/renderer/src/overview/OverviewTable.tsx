import { useTranslation } from 'react-i18next';
import type { OverviewRow, SortKey } from './stats';

const COLUMNS: ReadonlyArray<SortKey> = ['trainee', 'scenario', 'date', 'score', 'passed', 'check'];

/** The overview's table: one row per assessment, sortable by every column, each row opening its results. */
export function OverviewTable(props: {
  readonly rows: ReadonlyArray<OverviewRow>;
  readonly sortKey: SortKey;
  readonly direction: 'ascending' | 'descending';
  readonly onSort: (key: SortKey) => void;
  readonly onOpen: (row: OverviewRow) => void;
  readonly selected: string | null;
}) {
  const { t, i18n } = useTranslation('overview');
  return (
    <table className="data-table overview-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" aria-sort={props.sortKey === column ? props.direction : 'none'}>
              <button
                type="button"
                className="sort-button"
                aria-label={t('sortBy', { column: t(`column.${column}`) })}
                onClick={() => props.onSort(column)}
              >
                {t(`column.${column}`)}
                <span aria-hidden="true">
                  {props.sortKey === column ? (props.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </span>
              </button>
            </th>
          ))}
          <th scope="col">{t('column.source')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const { assessment } = row;
          const status = row.check?.status ?? 'unchecked';
          return (
            <tr
              key={row.key}
              data-check={status}
              aria-selected={props.selected === row.key}
              className={props.selected === row.key ? 'overview-row-selected' : undefined}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('open', {
                    trainee: assessment.trainee.name,
                    scenario: assessment.scenario.title,
                  })}
                  onClick={() => props.onOpen(row)}
                >
                  {assessment.trainee.name}
                </button>
              </td>
              <td>{assessment.scenario.title}</td>
              <td>{new Date(assessment.startedAt).toLocaleString(i18n.resolvedLanguage)}</td>
              <td>
                {assessment.result.raw}/{assessment.result.max} ({Math.round(assessment.result.scaled * 100)}{' '}
                %)
              </td>
              <td>{assessment.result.passed ? t('yes') : t('no')}</td>
              <td>
                <span className={`overview-check overview-check-${status}`}>{t(`check.${status}`)}</span>
              </td>
              <td>
                {row.source === 'stored' ? t('source.stored') : t('source.imported', { file: row.file })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
