import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { resultsHash } from '../routes';
import { useAsync } from '../useAsync';
import { ExportAllButtons } from './ExportButtons';
import { bestAndLatest, filterHistory } from './history';

/** The stored assessments, newest first, filtered by scenario; each row opens its results. */
export function HistoryView() {
  const { t, i18n } = useTranslation('results');
  const list = useAsync(() => callApi('assessments:list'));
  const [scenarioId, setScenarioId] = useState('');
  const all = list.status === 'ready' ? list.value : [];
  const shown = useMemo(() => filterHistory(all, scenarioId), [all, scenarioId]);
  const records = useMemo(() => bestAndLatest(all), [all]);
  const scenarios = useMemo(
    () => [...new Map(all.map((summary) => [summary.scenarioId, summary.scenarioTitle])).entries()],
    [all],
  );
  const percent = (scaled: number) => `${Math.round(scaled * 100)} %`;
  return (
    <section aria-labelledby="history-title" aria-busy={list.status === 'loading'}>
      <h1 id="history-title">{t('history.title')}</h1>
      <p>{t('history.intro')}</p>
      {list.status === 'loading' && <p>{t('loading')}</p>}
      {list.status === 'failed' && <p role="alert">{t('loadFailed', { message: list.message })}</p>}
      {list.status === 'ready' && all.length === 0 && <p>{t('history.empty')}</p>}
      {all.length > 0 && (
        <>
          <div className="history-controls">
            <label>
              {t('history.filter')}{' '}
              <select value={scenarioId} onChange={(event) => setScenarioId(event.target.value)}>
                <option value="">{t('history.allScenarios')}</option>
                {scenarios.map(([id, title]) => (
                  <option key={id} value={id}>
                    {title}
                  </option>
                ))}
              </select>
            </label>
            <span>{t('history.count', { count: shown.length })}</span>
            {scenarioId !== '' && records.get(scenarioId) !== undefined && (
              <span className="results-muted">
                {t('history.best', { best: percent(records.get(scenarioId)?.best.scaled ?? 0) })} ·{' '}
                {t('history.latest', { latest: percent(records.get(scenarioId)?.latest.scaled ?? 0) })}
              </span>
            )}
          </div>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('history.date')}</th>
                <th scope="col">{t('history.scenario')}</th>
                <th scope="col">{t('history.trainee')}</th>
                <th scope="col">{t('history.score')}</th>
                <th scope="col">{t('history.result')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((summary) => {
                const date = new Date(summary.startedAt).toLocaleString(i18n.resolvedLanguage);
                return (
                  <tr key={summary.attemptId}>
                    <td>
                      <a
                        href={resultsHash(summary.attemptId)}
                        aria-label={t('history.open', { scenario: summary.scenarioTitle, date })}
                      >
                        {date}
                      </a>
                    </td>
                    <td>{summary.scenarioTitle}</td>
                    <td>{summary.trainee}</td>
                    {summary.integrity === 'tampered' ? (
                      // A stored file changed outside the app: its score means nothing (issue 14).
                      <td colSpan={2} className="tampered">
                        {t('history.tampered')}
                      </td>
                    ) : (
                      <>
                        <td>
                          {summary.raw}/{summary.max} ({percent(summary.scaled)})
                        </td>
                        <td>{summary.passed ? t('passed') : t('failed')}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ExportAllButtons attemptIds={shown.map((summary) => summary.attemptId)} />
        </>
      )}
    </section>
  );
}
