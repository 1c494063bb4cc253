import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type HandlerDeps, type HandlerMap } from '../../src/main/ipc/handlers';

/** The real handler map on a fresh temporary data folder, as the tests use it. */
export function testHandlers(overrides: Partial<HandlerDeps> = {}): {
  handlers: HandlerMap;
  deps: HandlerDeps;
} {
  const deps: HandlerDeps = {
    appName: 'Conference Call Trainer',
    appVersion: '0.1.0',
    dataFolder: mkdtempSync(join(tmpdir(), 'cct-data-')),
    locale: 'en-US',
    listScenarios: async () => [],
    ...overrides,
  };
  return { handlers: createHandlers(deps), deps };
}
