import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { useAsync } from '../useAsync';

/** The scenario library, as `scenarios:list` reports it. */
export function ScenariosView() {
  const { t } = useTranslation();
  const scenarios = useAsync(() => callApi('scenarios:list'));
  return (
    <section aria-labelledby="scenarios-title" aria-busy={scenarios.status === 'loading'}>
      <h1 id="scenarios-title">{t('scenarios.title')}</h1>
      {scenarios.status === 'loading' && <p>{t('app.loading')}</p>}
      {scenarios.status === 'failed' && (
        <p role="alert">{t('scenarios.loadFailed', { message: scenarios.message })}</p>
      )}
      {scenarios.status === 'ready' &&
        (scenarios.value.length === 0 ? (
          <p>{t('scenarios.empty')}</p>
        ) : (
          <>
            <p>{t('scenarios.count', { count: scenarios.value.length })}</p>
            <ul className="scenario-list">
              {scenarios.value.map((scenario) => (
                <li key={scenario.id}>
                  <h2>{scenario.title}</h2>
                  <p>
                    {t(`mode.${scenario.mode}`)} · {scenario.difficulty} ·{' '}
                    {t('scenarios.minutes', { count: scenario.estimatedMinutes })}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
