import { type IpcChannel, ipcChannels, ipcContract } from '@shared/ipc';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, MAX_PAYLOAD_BYTES } from '../../src/main/ipc/dispatch';
import { registerIpc } from '../../src/main/ipc/register';
import { testHandlers } from '../support/handlers';

vi.mock('electron', () => ({}));

describe('the IPC contract and the handler map', () => {
  it('has exactly one handler per channel and no handler without a channel', () => {
    const { handlers } = testHandlers();
    expect(Object.keys(handlers).sort()).toEqual([...ipcChannels].sort());
  });

  it('registers every channel once with ipcMain, through the sender check', async () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
        expect(registered.has(channel)).toBe(false);
        registered.set(channel, listener);
      }),
    };
    const { handlers, deps } = testHandlers();
    const trusted = { id: 'own' };
    registerIpc(ipcMain as never, handlers, (event) => event === (trusted as never));
    expect([...registered.keys()].sort()).toEqual([...ipcChannels].sort());

    const info = registered.get('app:info');
    await expect(info?.(trusted, undefined)).resolves.toEqual({
      ok: true,
      value: {
        name: deps.appName,
        version: deps.appVersion,
        dataFolder: deps.dataFolder,
        locale: deps.locale,
      },
    });
    await expect(info?.({ id: 'foreign' }, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('answers the channels without a payload with values their response schemas accept', async () => {
    const { handlers } = testHandlers();
    for (const channel of [
      'app:info',
      'scenarios:list',
      'session:unfinished',
      'assessments:list',
      'scenarios:trash',
      'drafts:list',
    ] as const) {
      const result = await dispatch(handlers, channel, undefined, true);
      expect(result.ok, channel).toBe(true);
      if (result.ok)
        expect(ipcContract[channel as IpcChannel].response.safeParse(result.value).success).toBe(true);
    }
  });
});

describe('dispatch refuses what it must', () => {
  it('refuses a foreign sender without running the handler', async () => {
    const { handlers } = testHandlers();
    const spy = vi.spyOn(handlers, 'app:info');
    const result = await dispatch(handlers, 'app:info', undefined, false);
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: "app:info: the sender is not the app's window" },
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a malformed payload and names the problem', async () => {
    const { handlers } = testHandlers();
    const spy = vi.spyOn(handlers, 'scenarios:list');
    const result = await dispatch(handlers, 'scenarios:list', { folder: '/etc' }, true);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error.message).toMatch(/^scenarios:list: \(payload\): /);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel, including inherited property names', async () => {
    const { handlers } = testHandlers();
    for (const channel of ['fs:read', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(handlers, channel, undefined, true);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('refuses a payload over the size limit', async () => {
    const { handlers } = testHandlers();
    const result = await dispatch(handlers, 'app:info', 'x'.repeat(MAX_PAYLOAD_BYTES + 1), true);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    if (!result.ok) expect(result.error.message).toContain('limit');
  });

  it('turns a throwing handler into a failed result', async () => {
    const { handlers } = testHandlers(
      {},
      {
        listScenarios: async () => {
          throw new Error('disk unreadable');
        },
      },
    );
    const result = await dispatch(handlers, 'scenarios:list', undefined, true);
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'scenarios:list: disk unreadable' },
    });
  });
});
