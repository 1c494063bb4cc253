import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type HandlerDeps, type HandlerMap } from '../../src/main/ipc/handlers';
import { createServices, type ServiceOptions, type Services } from '../../src/main/services';

/** The repository's bundled scenarios. */
export const BUNDLED_SCENARIOS = join(__dirname, '../../resources/scenarios');

/**
 * The real services and handler map on a fresh temporary data folder, as the tests use them.
 * `deps` overrides single handler dependencies (e.g. a failing scenario list).
 */
export function testHandlers(
  overrides: Partial<ServiceOptions> = {},
  deps: Partial<HandlerDeps> = {},
): Services & { handlers: HandlerMap } {
  const services = createServices({
    appName: 'Conference Call Trainer',
    appVersion: '0.1.0',
    locale: 'en-US',
    dataFolder: mkdtempSync(join(tmpdir(), 'cct-data-')),
    bundledScenarios: BUNDLED_SCENARIOS,
    chooseSavePath: async () => null,
    ...overrides,
  });
  if (Object.keys(deps).length === 0) return services;
  const merged = { ...services.deps, ...deps };
  // Rebuild the map over the overridden dependencies.
  return { ...services, deps: merged, handlers: createHandlers(merged) };
}
