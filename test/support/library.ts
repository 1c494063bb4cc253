import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcChannel, IpcRequest, IpcResponse } from '@shared/ipc';
import { expect } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { ServiceOptions } from '../../src/main/services';
import { testHandlers } from './handlers';

/** A real WAV clip of the repository. */
export const WAV = new Uint8Array(readFileSync(join(__dirname, '../../resources/audio/join.wav')));
/** The first bytes of an Ogg file: enough for the magic-byte check. */
export const OGG = new Uint8Array([...Buffer.from('OggS'), 0, 2, ...new Array(40).fill(0)]);

/** Every file under a folder, as paths relative to it, sorted. */
export function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(folder, '');
  return out.sort();
}

/**
 * The real handlers on a data folder inside a fresh sandbox folder (so that a test can check
 * that nothing was written beside the data folder), called through `dispatch` as the renderer
 * calls them.
 */
export function libraryApp(overrides: Partial<ServiceOptions> = {}) {
  const sandbox = mkdtempSync(join(tmpdir(), 'cct-library-'));
  const dataFolder = join(sandbox, 'data');
  const services = testHandlers({ dataFolder, ...overrides });
  const result = <C extends IpcChannel>(
    channel: C,
    ...payload: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]
  ) => dispatch(services.handlers, channel, payload[0], true);
  /** Calls a channel and expects an answer. */
  const call = async <C extends IpcChannel>(
    channel: C,
    ...payload: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]
  ): Promise<IpcResponse<C>> => {
    const answer = await result(channel, ...payload);
    if (!answer.ok) expect.fail(`${channel} failed: ${answer.error.message}`);
    return answer.value as IpcResponse<C>;
  };
  /** Calls a channel and expects a refusal; returns its code and message. */
  const refused = async <C extends IpcChannel>(
    channel: C,
    payload: unknown,
  ): Promise<{ code: string; message: string }> => {
    const answer = await dispatch(services.handlers, channel, payload, true);
    if (answer.ok) expect.fail(`${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)}`);
    return answer.error;
  };
  return { ...services, sandbox, dataFolder, call, refused };
}
