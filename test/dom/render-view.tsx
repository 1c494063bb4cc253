import type { Assessment } from '@shared/scoring/assessment';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ServiceOptions } from '../../src/main/services';
import { createI18n, type Language } from '../../src/renderer/src/i18n';
import { bridgeApi } from '../support/api-bridge';
import { testHandlers } from '../support/handlers';

/**
 * Renders one view with `window.api` backed by the real handler map on a temporary data folder,
 * after storing the given assessments in the real assessment store.
 */
export async function renderView(
  element: ReactElement,
  options: {
    readonly language?: Language;
    readonly stored?: ReadonlyArray<Assessment>;
    readonly services?: Partial<ServiceOptions>;
    /** Runs after the assessments are stored and before the view renders (to change a file on disk). */
    readonly afterStore?: (dataFolder: string) => void;
  } = {},
) {
  const services = testHandlers(options.services ?? {});
  for (const assessment of options.stored ?? []) await services.assessments.save(assessment);
  options.afterStore?.(services.deps.dataFolder);
  const bridge = bridgeApi(services.handlers);
  Object.defineProperty(window, 'api', { value: bridge.api, configurable: true });
  const i18n = await createI18n(options.language ?? 'en');
  const view = render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
  return { ...view, services, i18n };
}
