import { type IpcChannel, type IpcResult, ipcContract } from '@shared/ipc';
import type { HandlerMap } from './handlers';

/** The most bytes of JSON a single request payload may carry. */
export const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

/** Whether answers are checked against the contract's response schemas (development and tests). */
let responseChecks = process.env.NODE_ENV !== 'production';

/** Turns the check of every answer against the contract on (development, tests) or off (packaged builds). */
export function checkResponses(on: boolean): void {
  responseChecks = on;
}

function isChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(ipcContract, channel);
}

function describePayloadIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  return issues
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Answers one request: refuses a foreign sender, an unknown channel and a payload that is too
 * large or of the wrong shape, then runs the channel's handler. This is the whole of what the
 * main process does with a request; `ipcMain` and the end-to-end harness are only transports.
 */
export async function dispatch(
  handlers: HandlerMap,
  channel: string,
  payload: unknown,
  senderTrusted: boolean,
): Promise<IpcResult<unknown>> {
  if (!senderTrusted) {
    return {
      ok: false,
      error: { code: 'forbidden-sender', message: `${channel}: the sender is not the app's window` },
    };
  }
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `${channel}: no such channel` } };
  }
  if (payload !== undefined) {
    let size: number;
    try {
      size = JSON.stringify(payload)?.length ?? 0;
    } catch {
      return {
        ok: false,
        error: { code: 'invalid-payload', message: `${channel}: the payload is not JSON data` },
      };
    }
    if (size > MAX_PAYLOAD_BYTES) {
      return {
        ok: false,
        error: {
          code: 'invalid-payload',
          message: `${channel}: the payload is ${size} bytes; the limit is ${MAX_PAYLOAD_BYTES}`,
        },
      };
    }
  }
  const parsed = ipcContract[channel].request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        message: `${channel}: ${describePayloadIssues(parsed.error.issues)}`,
      },
    };
  }
  try {
    // The contract ties each channel to its handler's payload type; TypeScript cannot follow
    // the correlation through a union of channels, hence the widening here.
    const handler = handlers[channel] as (payload: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    if (responseChecks) {
      const answer = ipcContract[channel].response.safeParse(value);
      if (!answer.success) {
        return {
          ok: false,
          error: {
            code: 'failed',
            message: `${channel}: the answer breaks the contract (${describePayloadIssues(answer.error.issues)})`,
          },
        };
      }
    }
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message: `${channel}: ${message}` } };
  }
}
