import { useTranslation } from 'react-i18next';
import { hashForView, hashTarget } from '../routes';

/** Stands in for the editor and the checks of a scenario where this build has none. */
export function PendingScreen(props: { readonly view: 'edit' | 'checks' }) {
  const { t } = useTranslation('library');
  const id = hashTarget(window.location.hash).id ?? '';
  return (
    <section aria-labelledby="pending-title">
      <h1 id="pending-title">{t(`pending.${props.view}`, { id })}</h1>
      <a href={hashForView('library')}>{t('pending.back')}</a>
    </section>
  );
}
