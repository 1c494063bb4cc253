import type { Scenario } from '@shared/scenario';
import type { Signer, TrustView } from '@shared/scoring/trust';
import './overview.css';
import { type DragEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessmentResults } from '../results/AssessmentResults';
import { loadScenarioOf } from '../results/useStoredAssessment';
import { replayHash } from '../routes';
import { CriterionRateChart, ScoreDistributionChart } from './Charts';
import { OverviewTable } from './OverviewTable';
import {
  byScenario,
  judgeRows,
  type OverviewFilter,
  type OverviewRow,
  type SortKey,
  signerFilterValue,
  sortAndFilter,
} from './stats';
import { signerText, TrustPanel } from './TrustPanel';
import { type ImportStatus, useOverview } from './useOverview';
import { useTrust } from './useTrust';

const CHECKS = ['verified', 'tampered', 'other-version', 'unknown-scenario', 'unchecked'] as const;

/**
 * The class overview for trainers: stored and imported assessments in one sortable, filterable
 * table; per scenario the pass rate of each criterion and the score distribution; any row
 * opens its results and replay.
 */
export function OverviewView() {
  const { t } = useTranslation('overview');
  const data = useOverview();
  const trust = useTrust();
  const [filter, setFilter] = useState<OverviewFilter>({
    text: '',
    scenarioId: '',
    check: '',
    signer: '',
    trusted: '',
  });
  const [sortKey, setSortKey] = useState<SortKey>('date');
  const [direction, setDirection] = useState<'ascending' | 'descending'>('descending');
  const [selected, setSelected] = useState<OverviewRow | null>(null);
  const [dragging, setDragging] = useState(false);
  const all = useMemo(
    () => judgeRows([...(data.stored ?? []), ...data.imported], trust.view),
    [data.stored, data.imported, trust.view],
  );
  const rows = useMemo(
    () => sortAndFilter(all, filter, sortKey, direction),
    [all, filter, sortKey, direction],
  );
  const groups = useMemo(() => byScenario(rows), [rows]);
  const scenarios = useMemo(() => byScenario(all).map(({ id, title }) => ({ id, title })), [all]);
  // The keys that signed the rows, each once, for the signer filter.
  const signers = useMemo(() => {
    const keys = new Map<string, Extract<Signer, { kind: 'key' }>>();
    for (const { verdict } of all) {
      if (verdict.signer.kind === 'key') keys.set(signerFilterValue(verdict.signer), verdict.signer);
    }
    return [...keys.entries()];
  }, [all]);

  const sort = (key: SortKey) => {
    if (key === sortKey) setDirection(direction === 'ascending' ? 'descending' : 'ascending');
    else {
      setSortKey(key);
      setDirection(key === 'date' || key === 'score' || key === 'trusted' ? 'descending' : 'ascending');
    }
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void data.importDropped(files);
  };

  return (
    <section aria-labelledby="overview-title" className="overview">
      <h1 id="overview-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone adds to the import button, which stays the keyboard's way in. */}
      <div
        className={dragging ? 'overview-drop overview-drop-active' : 'overview-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <button
          type="button"
          onClick={() => void data.importByDialog()}
          disabled={data.status.kind === 'busy'}
        >
          {t('importButton')}
        </button>
        <span>{t('dropZone')}</span>
        <ImportStatusLine status={data.status} />
      </div>
      {data.rejected.length > 0 && (
        <section aria-labelledby="overview-rejected" className="overview-rejected">
          <h2 id="overview-rejected">{t('rejectedTitle')}</h2>
          <ul>
            {data.rejected.map((file) => (
              <li key={`${file.name}: ${file.error}`}>
                <strong>{file.name}</strong>: {file.error}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.stored === null && <p aria-busy="true">{t('loadingStored')}</p>}
      {data.stored !== null && all.length === 0 && <p>{t('empty')}</p>}
      {all.length > 0 && (
        <>
          <div className="overview-filters">
            <label>
              {t('filterText')}{' '}
              <input
                type="search"
                value={filter.text}
                onChange={(event) => setFilter({ ...filter, text: event.target.value })}
              />
            </label>
            <label>
              {t('filterScenario')}{' '}
              <select
                value={filter.scenarioId}
                onChange={(event) => setFilter({ ...filter, scenarioId: event.target.value })}
              >
                <option value="">{t('all')}</option>
                {scenarios.map((scenario) => (
                  <option key={scenario.id} value={scenario.id}>
                    {scenario.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filterCheck')}{' '}
              <select
                value={filter.check}
                onChange={(event) =>
                  setFilter({ ...filter, check: event.target.value as OverviewFilter['check'] })
                }
              >
                <option value="">{t('all')}</option>
                {CHECKS.map((check) => (
                  <option key={check} value={check}>
                    {t(`check.${check}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filterSigner')}{' '}
              <select
                value={filter.signer}
                onChange={(event) => setFilter({ ...filter, signer: event.target.value })}
              >
                <option value="">{t('all')}</option>
                <option value="unsigned">{t('signerFilter.unsigned')}</option>
                <option value="invalid">{t('signerFilter.invalid')}</option>
                <option value="unknown">{t('signerFilter.unknown')}</option>
                {signers.map(([value, signer]) => (
                  <option key={value} value={value}>
                    {signerText(t, signer)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filterTrusted')}{' '}
              <select
                value={filter.trusted}
                onChange={(event) =>
                  setFilter({ ...filter, trusted: event.target.value as OverviewFilter['trusted'] })
                }
              >
                <option value="">{t('all')}</option>
                <option value="yes">{t('trusted.yes')}</option>
                <option value="no">{t('trusted.no')}</option>
              </select>
            </label>
            <span role="status">{t('shown', { count: rows.length })}</span>
          </div>
          <OverviewTable
            rows={rows}
            sortKey={sortKey}
            direction={direction}
            onSort={sort}
            onOpen={setSelected}
            selected={selected?.key ?? null}
            onTrust={trust.add}
          />
          <section aria-labelledby="overview-charts">
            <h2 id="overview-charts">{t('charts')}</h2>
            {groups.map((group) => (
              <div key={group.id} className="overview-charts">
                <CriterionRateChart title={group.title} rows={group.rows} />
                <ScoreDistributionChart title={group.title} rows={group.rows} />
              </div>
            ))}
          </section>
        </>
      )}
      <TrustPanel trust={trust} />
      {selected !== null && (
        <SelectedResults row={selected} trust={trust.view} onClose={() => setSelected(null)} />
      )}
    </section>
  );
}

function ImportStatusLine(props: { readonly status: ImportStatus }) {
  const { t } = useTranslation('overview');
  const { status } = props;
  return (
    <p role="status" className="overview-status">
      {status.kind === 'busy' && t('importing')}
      {status.kind === 'done' && t('imported', { count: status.count })}
      {status.kind === 'cancelled' && t('cancelled')}
      {status.kind === 'failed' && t('importFailed', { message: status.message })}
    </p>
  );
}

function SelectedResults(props: {
  readonly row: OverviewRow;
  readonly trust: TrustView | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('overview');
  const { row } = props;
  const [scenario, setScenario] = useState<Scenario | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setScenario(undefined);
    void loadScenarioOf(row.assessment).then((value) => current && setScenario(value));
    return () => {
      current = false;
    };
  }, [row]);
  return (
    <section className="overview-selected" aria-label={row.assessment.trainee.name}>
      <button type="button" onClick={props.onClose}>
        {t('close')}
      </button>
      {scenario !== undefined && (
        <AssessmentResults
          assessment={row.assessment}
          check={row.check}
          trust={props.trust}
          scenario={row.check?.status === 'other-version' ? null : scenario}
          level={2}
          {...(row.source === 'stored'
            ? { replayHref: (time: number) => replayHash(row.assessment.attemptId, time) }
            : {})}
        />
      )}
    </section>
  );
}
