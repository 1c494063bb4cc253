import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../src/renderer/src/App';
import { callApi } from '../../../src/renderer/src/api';
import { createI18n } from '../../../src/renderer/src/i18n';
import { bridgeApi } from '../../support/api-bridge';
import { testHandlers } from '../../support/handlers';

/**
 * The whole app on the real handlers over a temporary data folder, with a user copy of a bundled
 * scenario to edit. `open` renders the app on the editor (again after an unmount: a restart on
 * the same data folder).
 */
export async function editorApp(bundledId = 'mortgage-closing') {
  const services = testHandlers();
  const bridge = bridgeApi(services.handlers);
  Object.defineProperty(window, 'api', { value: bridge.api, configurable: true });
  const i18n = await createI18n('en');
  const copy = await callApi('scenarios:duplicate', { id: bundledId });
  const open = async (id: string = copy.id) => {
    window.location.hash = `#/edit/${id}`;
    const view = render(
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>,
    );
    await screen.findByRole('heading', { name: /^(Edit|Bearbeiten): / }, { timeout: 10_000 });
    return view;
  };
  return { ...services, i18n, copy, open };
}
