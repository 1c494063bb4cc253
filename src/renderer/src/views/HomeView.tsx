import { useTranslation } from 'react-i18next';

/** The start page. */
export function HomeView({ onStart }: { readonly onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <button type="button" onClick={onStart}>
        {t('home.start')}
      </button>
    </section>
  );
}
