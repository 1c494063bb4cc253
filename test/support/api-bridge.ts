import { type IpcEventName, type IpcEventPayload, ipcChannels, type RendererApi } from '@shared/ipc';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { HandlerMap } from '../../src/main/ipc/handlers';

/** A `window.api` whose requests go straight to the real handler map through `dispatch`. */
export function bridgeApi(handlers: HandlerMap): {
  api: RendererApi;
  emit: <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => void;
} {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    // A structured clone stands in for Electron's IPC serialisation.
    api[channel] = async (...payload: unknown[]) =>
      structuredClone(await dispatch(handlers, channel, structuredClone(payload[0]), true));
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  return {
    api: api as RendererApi,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
