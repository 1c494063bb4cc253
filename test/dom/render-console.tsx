import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioSchema } from '@shared/scenario';
import { act, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { callApi } from '../../src/renderer/src/api';
import { ConsoleView } from '../../src/renderer/src/console/ConsoleView';
import { createI18n, type Language } from '../../src/renderer/src/i18n';
import { type PlayMode, PlaySession } from '../../src/renderer/src/session/play-session';
import { bridgeApi } from '../support/api-bridge';
import { BUNDLED_SCENARIOS, testHandlers } from '../support/handlers';

/** A bundled scenario, parsed as the app loads it. */
export function bundled(id: string) {
  return ScenarioSchema.parse(JSON.parse(readFileSync(join(BUNDLED_SCENARIOS, `${id}.json`), 'utf8')));
}

/**
 * The console on a session of a bundled scenario, its journal in the real handlers on a
 * temporary data folder, time faked (`advance` runs it). No sound player: the DOM has no audio.
 */
export async function renderConsole(options: {
  readonly scenario: string;
  readonly mode: PlayMode;
  readonly language?: Language;
}) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  const services = testHandlers();
  const bridge = bridgeApi(services.handlers);
  Object.defineProperty(window, 'api', { value: bridge.api, configurable: true });
  const scenario = bundled(options.scenario);
  const begun = await callApi('session:begin', {
    scenarioId: scenario.id,
    mode: options.mode,
    trainee: { name: 'Test Trainee' },
    seed: scenario.reference.seed,
  });
  const session = new PlaySession({
    scenario,
    attemptId: begun.attemptId,
    seed: begun.seed,
    mode: options.mode,
    player: null,
    journal: {
      append: async (attemptId, records) => {
        await callApi('session:append', { attemptId, records: [...records] });
      },
      finish: (attemptId) => callApi('session:finish', { attemptId }),
    },
  });
  const i18n = await createI18n(options.language ?? 'en');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ConsoleView session={session} onRestart={() => undefined} />
    </I18nextProvider>,
  );
  const advance = async (seconds: number) => {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(seconds * 1000);
    });
  };
  return { ...view, session, scenario, advance, services };
}
