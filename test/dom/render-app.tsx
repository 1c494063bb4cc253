import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { HandlerDeps } from '../../src/main/ipc/handlers';
import type { ServiceOptions } from '../../src/main/services';
import { App } from '../../src/renderer/src/App';
import { createI18n, type Language } from '../../src/renderer/src/i18n';
import { bridgeApi } from '../support/api-bridge';
import { testHandlers } from '../support/handlers';

/**
 * Renders the whole app with `window.api` backed by the real handler map; `services` gives the
 * services other options (such as the save dialog), `deps` overrides single handler dependencies.
 */
export async function renderApp(
  options: { language?: Language; deps?: Partial<HandlerDeps>; services?: Partial<ServiceOptions> } = {},
) {
  const { handlers, deps } = testHandlers(options.services, options.deps);
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
