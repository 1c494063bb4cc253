import type { AppInfo } from '@shared/ipc';
import { useTranslation } from 'react-i18next';
import type { AsyncState } from '../useAsync';

/** Name, version and data folder of the app. */
export function AboutView({ info }: { readonly info: AsyncState<AppInfo> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      {info.status === 'loading' && <p>{t('app.loading')}</p>}
      {info.status === 'failed' && <p role="alert">{t('app.loadFailed', { message: info.message })}</p>}
      {info.status === 'ready' && (
        <dl className="facts">
          <dt>{t('about.name')}</dt>
          <dd>{info.value.name}</dd>
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.value.version}</dd>
          <dt>{t('about.dataFolder')}</dt>
          <dd data-testid="about-data-folder">{info.value.dataFolder}</dd>
        </dl>
      )}
    </section>
  );
}
