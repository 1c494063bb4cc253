import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { actionsToInputs, runSession, type SessionRecord } from '@shared/scenario';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createServices } from '../../../src/main/services';
import { App } from '../../../src/renderer/src/App';
import { createI18n } from '../../../src/renderer/src/i18n';
import { bridgeApi } from '../../support/api-bridge';
import { BUNDLED_SCENARIOS, testHandlers } from '../../support/handlers';
import { bundled } from '../render-console';

afterEach(() => {
  vi.useRealTimers();
  window.location.hash = '';
});

const scenario = bundled('warm-transfer-swap');
const SEED = scenario.reference.seed;

async function call(
  handlers: ReturnType<typeof testHandlers>['handlers'],
  channel: string,
  payload?: unknown,
) {
  const result = await dispatch(handlers, channel, payload, true);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as never;
}

/** A warm transfer that stopped at 40 s (after the first swap): its journal is left unfinished. */
async function crashedAt40(): Promise<{
  dataFolder: string;
  attemptId: string;
  all: ReadonlyArray<SessionRecord>;
  written: ReadonlyArray<SessionRecord>;
}> {
  const first = testHandlers({ newSeed: () => SEED });
  const begun: { attemptId: string } = await call(first.handlers, 'session:begin', {
    scenarioId: scenario.id,
    mode: 'practice',
    trainee: { name: 'Robin Resume' },
  });
  const all = runSession(scenario, SEED, actionsToInputs(scenario.reference.actions)).log.records;
  const written = all.filter((record) => record.time <= 40_000);
  await call(first.handlers, 'session:append', { attemptId: begun.attemptId, records: written });
  return { dataFolder: first.deps.dataFolder, attemptId: begun.attemptId, all, written };
}

describe('resuming an unfinished session from the recovery banner', () => {
  it('replays the journal, goes on at the console from where it stopped and grades the whole call in the same attempt', async () => {
    const crashed = await crashedAt40();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    // The app starts again on the same data folder.
    const services = createServices({
      appName: 'Conference Call Trainer',
      appVersion: '0.1.0',
      locale: 'en-US',
      dataFolder: crashed.dataFolder,
      bundledScenarios: BUNDLED_SCENARIOS,
      chooseSavePath: async () => null,
    });
    Object.defineProperty(window, 'api', { value: bridgeApi(services.handlers).api, configurable: true });
    const i18n = await createI18n('en');
    render(
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>,
    );
    const advance = async (ms: number) => {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      });
    };
    // The handlers read and write files: wait for them without running the session's clock.
    const settle = async <T,>(query: () => T): Promise<T> => {
      for (let i = 0; i < 500; i++) {
        try {
          return query();
        } catch {
          await act(async () => {
            await vi.advanceTimersByTimeAsync(0);
            await new Promise((resolve) => setImmediate(resolve));
          });
        }
      }
      return query();
    };
    const banner = await settle(() => screen.getByRole('region', { name: 'Unfinished sessions' }));
    expect(banner.textContent).toContain(`${crashed.written.length} records`);
    fireEvent.click(within(banner).getByRole('button', { name: 'Resume' }));
    await settle(() => screen.getByRole('heading', { level: 1, name: `Console: ${scenario.title}` }));
    expect(within(banner).getByRole('status').textContent).toBe('Resumed: the call goes on at the console.');
    expect(window.location.hash).toBe('#/scenarios');

    // The call is as it was at its last record (0:36): the caller and the specialist on the
    // call, the clock going on from there.
    const last = crashed.written.at(-1)?.time ?? 0;
    expect(last).toBe(36_000);
    expect(screen.getByText('0:36', { selector: 'time' })).toBeTruthy();
    const connections = within(screen.getByRole('region', { name: 'Connections' }));
    expect(connections.getAllByRole('listitem')).toHaveLength(2);
    // The lines said before the stop are among the captions again.
    const said = crashed.written.filter((record) => record.kind === 'line');
    expect(said.length).toBeGreaterThan(0);
    const log = screen.getByRole('log', { name: 'Captions' });
    for (const line of said) if (line.kind === 'line') expect(log.textContent).toContain(line.text);

    // The trainee goes on with the reference's later actions, at their times.
    const press = async (at: number, name: string) => {
      await advance(at - last - (performance.now() - start));
      fireEvent.click(screen.getByRole('button', { name }));
      await advance(0);
    };
    const start = performance.now();
    await press(44_000, 'Swap');
    await press(52_000, 'Join');
    await press(64_000, 'Leave');
    await press(68_000, 'Clear contact');
    await advance(10);
    await settle(() => screen.getByText('Score: 100 of 100 (100%)'));

    const stored: { attemptId: string; log: { records: SessionRecord[] } } = await call(
      services.handlers,
      'assessments:get',
      { attemptId: crashed.attemptId },
    );
    expect(stored.log.records).toEqual(crashed.all);
    expect(readdirSync(join(crashed.dataFolder, 'journals'))).toEqual([
      `${crashed.attemptId}.journal.done.jsonl`,
    ]);
  });
});
