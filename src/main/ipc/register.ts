import { ipcChannels } from '@shared/ipc';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch } from './dispatch';
import type { HandlerMap } from './handlers';

/** Decides whether an IPC request comes from the app's own window and page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Registers exactly one `ipcMain.handle` per channel of the contract, all through `dispatch`. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: HandlerMap,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(handlers, channel, payload, isTrustedSender(event)),
    );
  }
}
