import type { IpcChannel, IpcErrorCode, IpcRequest, IpcResponse, IpcResult } from '@shared/ipc';

/** A refused or failed IPC request, with the main process's code and message. */
export class IpcCallError extends Error {
  override readonly name = 'IpcCallError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Calls a channel of the contract and returns its value, or throws an IpcCallError. */
export async function callApi<C extends IpcChannel>(
  channel: C,
  ...payload: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]
): Promise<IpcResponse<C>> {
  const invoke = window.api[channel] as (...args: unknown[]) => Promise<IpcResult<IpcResponse<C>>>;
  const result = await invoke(...payload);
  if (!result.ok) throw new IpcCallError(result.error.code, result.error.message);
  return result.value;
}
