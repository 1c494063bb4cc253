import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { HandlerDeps } from '../../src/main/ipc/handlers';
import { App } from '../../src/renderer/src/App';
import { createI18n, type Language } from '../../src/renderer/src/i18n';
import { bridgeApi } from '../support/api-bridge';
import { testHandlers } from '../support/handlers';

/** Renders the whole app with `window.api` backed by the real handler map. */
export async function renderApp(options: { language?: Language; deps?: Partial<HandlerDeps> } = {}) {
  const { handlers, deps } = testHandlers({}, options.deps);
  const bridge = bridgeApi(handlers);
  Object.defineProperty(window, 'api', { value: bridge.api, configurable: true });
  const i18n = await createI18n(options.language ?? 'en');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
  return { ...view, deps, i18n, emit: bridge.emit };
}
