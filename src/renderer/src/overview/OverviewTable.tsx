import { useTranslation } from 'react-i18next';
import type { JudgedRow, OverviewRow, SortKey } from './stats';
import { SignerName, TrustedWord, TrustSignerButton } from './TrustPanel';

const COLUMNS: ReadonlyArray<SortKey> = [
  'trainee',
  'scenario',
  'date',
  'score',
  'passed',
  'check',
  'signer',
  'trusted',
];

/** The overview's table: one row per assessment, sortable by every column, each row opening its results. */
export function OverviewTable(props: {
  readonly rows: ReadonlyArray<JudgedRow>;
  readonly sortKey: SortKey;
  readonly direction: 'ascending' | 'descending';
  readonly onSort: (key: SortKey) => void;
  readonly onOpen: (row: OverviewRow) => void;
  readonly selected: string | null;
  /** Trusts a signer's key under a label; absent, rows offer no "Trust this signer". */
  readonly onTrust?: (publicKey: string, label: string) => Promise<boolean>;
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
          const { assessment, verdict } = row;
          const { signer } = verdict;
          const status = row.check?.status ?? 'unchecked';
          return (
            <tr
              key={row.key}
              data-check={status}
              data-signer={
                signer.kind === 'key'
                  ? signer.own || signer.label !== null
                    ? 'known'
                    : 'unknown'
                  : signer.kind
              }
              data-trusted={verdict.trusted ? 'yes' : 'no'}
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
                <SignerName signer={signer} t={t} />
                {signer.kind === 'key' && !signer.own && signer.label === null && props.onTrust && (
                  <>
                    {' '}
                    <TrustSignerButton
                      trainee={assessment.trainee.name}
                      keyId={signer.keyId}
                      publicKey={signer.publicKey}
                      onTrust={props.onTrust}
                    />
                  </>
                )}
              </td>
              <td>
                <TrustedWord verdict={verdict} t={t} />
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
