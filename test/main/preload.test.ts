import { ipcChannels, rendererApiKeys } from '@shared/ipc';
import { describe, expect, it, vi } from 'vitest';

const { exposed } = vi.hoisted(() => ({ exposed: [] as Array<[string, unknown]> }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));

import { createRendererApi } from '../../src/preload/api';

function fakeIpc() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    ipc: {
      invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
      }),
      removeListener: vi.fn((event: string) => {
        listeners.delete(event);
      }),
    },
  };
}

describe('the preload script', () => {
  it('exposes exactly one object, window.api, and nothing else', async () => {
    await import('../../src/preload/index');
    expect(exposed.map(([key]) => key)).toEqual(['api']);
    expect(Object.keys(exposed[0]?.[1] as object).sort()).toEqual([...rendererApiKeys].sort());
  });

  it('exposes one invoker per channel of the contract and `on`', () => {
    const api = createRendererApi(fakeIpc().ipc as never);
    expect(Object.keys(api).sort()).toEqual([...ipcChannels, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a request to its own channel with its payload', async () => {
    const { ipc } = fakeIpc();
    const api = createRendererApi(ipc as never);
    await expect(api['app:info']()).resolves.toEqual({
      ok: true,
      value: { channel: 'app:info', payload: undefined },
    });
    expect(ipc.invoke).toHaveBeenCalledWith('app:info', undefined);
  });

  it('passes event payloads without the Electron event object, and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc();
    const api = createRendererApi(ipc as never);
    const seen: unknown[] = [];
    const off = api.on('app:navigate', (payload) => seen.push(payload));
    listeners.get('app:navigate')?.({ sender: 'secret' }, { view: 'about' });
    expect(seen).toEqual([{ view: 'about' }]);
    off();
    expect(listeners.has('app:navigate')).toBe(false);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    const api = createRendererApi(fakeIpc().ipc as never);
    expect(() => api.on('ipc:raw' as never, () => {})).toThrow(/no such event/);
  });
});

describe('the preload knows the channel names without the schemas', () => {
  it('lists exactly the contract channels and events, in order', async () => {
    const { IPC_CHANNEL_NAMES, IPC_EVENT_NAMES } = await import('@shared/ipc-names');
    const { ipcEventNames } = await import('@shared/ipc');
    expect([...IPC_CHANNEL_NAMES]).toEqual([...ipcChannels]);
    expect([...IPC_EVENT_NAMES]).toEqual([...ipcEventNames]);
  });
});
