import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { useHashTarget } from '../results/useHashTarget';
import { useAsync } from '../useAsync';
import { registerEditorText } from './locales/register';
import { ScenarioEditor } from './ScenarioEditor';

function OpenedEditor(props: { readonly id: string }) {
  const { t } = useTranslation('editor');
  const opened = useAsync(() => callApi('scenarios:open', { id: props.id }));
  if (opened.status === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (opened.status === 'failed') return <p role="alert">{t('loadFailed', { message: opened.message })}</p>;
  return <ScenarioEditor opened={opened.value} />;
}

/** The editor on the scenario the location hash names (`#/edit/<id>`). */
export default function EditorRoute() {
  const { i18n } = useTranslation();
  // Before the first `t` of the namespace; adding resources re-renders nothing else.
  registerEditorText(i18n);
  return <EditorForHash />;
}

function EditorForHash() {
  const { t } = useTranslation('editor');
  const { id } = useHashTarget();
  if (id === null) return <p>{t('noScenario')}</p>;
  return <OpenedEditor key={id} id={id} />;
}
