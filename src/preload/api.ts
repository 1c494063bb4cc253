import type { IpcEventName, IpcEventPayload, RendererApi } from '@shared/ipc';
import { IPC_CHANNEL_NAMES, IPC_EVENT_NAMES } from '@shared/ipc-names';
import type { IpcRenderer, IpcRendererEvent } from 'electron';

/**
 * Builds `window.api` from the contract: one invoker per request channel and `on` for the
 * contract's events. Nothing else of `ipcRenderer` reaches the page.
 */
export function createRendererApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): RendererApi {
  const api: Record<string, unknown> = {};
  for (const channel of IPC_CHANNEL_NAMES) {
    api[channel] = (...payload: unknown[]) => ipc.invoke(channel, payload[0]);
  }
  api.on = <E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void) => {
    if (!(IPC_EVENT_NAMES as ReadonlyArray<string>).includes(event))
      throw new Error(`window.api.on: no such event "${String(event)}"`);
    // The Electron event object stays in the preload: the page gets the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: IpcEventPayload<E>) => listener(payload);
    ipc.on(event, wrapped);
    return () => {
      ipc.removeListener(event, wrapped);
    };
  };
  return Object.freeze(api) as RendererApi;
}
