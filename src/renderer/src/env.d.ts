import type { RendererApi } from '@shared/ipc';

declare global {
  interface Window {
    /** The IPC contract, exposed by the preload script (or the end-to-end harness). */
    readonly api: RendererApi;
  }
}
