/**
 * The one contract between the main process and the renderer.
 *
 * Every request channel names the zod schema of its payload and of its answer; every
 * main→renderer event names the schema of what it carries. The preload script exposes exactly
 * these channels as `window.api`, and the main process registers exactly one handler for each.
 */
import { z } from 'zod';

/** What the renderer learns about the app it runs in. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataFolder: z.string(),
  locale: z.string(),
});
/** What the renderer learns about the app it runs in. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** One entry of the scenario library, as the picker lists it. */
export const ScenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  difficulty: z.string(),
  estimatedMinutes: z.number(),
  mode: z.enum(['three-party', 'multiparty']),
  language: z.string(),
  source: z.enum(['bundled', 'user']),
});
/** One entry of the scenario library, as the picker lists it. */
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

const NoPayload = z.undefined();

/** Request channels: name → payload schema and answer schema. */
export const ipcContract = {
  'app:info': { request: NoPayload, response: AppInfoSchema },
  'scenarios:list': { request: NoPayload, response: z.array(ScenarioSummarySchema).readonly() },
} as const;

/** Events the main process sends to the renderer: name → payload schema. */
export const ipcEvents = {
  /** A menu item asks the renderer to show one of its views. */
  'app:navigate': z.object({ view: z.enum(['home', 'scenarios', 'about']) }),
} as const;

/** The name of a request channel. */
export type IpcChannel = keyof typeof ipcContract;
/** The name of a main→renderer event. */
export type IpcEventName = keyof typeof ipcEvents;
/** The payload a channel accepts. */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** The value a channel answers with. */
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['response']>;
/** The payload an event carries. */
export type IpcEventPayload<E extends IpcEventName> = z.infer<(typeof ipcEvents)[E]>;

/** The request channels, in declaration order. */
export const ipcChannels = Object.keys(ipcContract) as ReadonlyArray<IpcChannel>;
/** The event names, in declaration order. */
export const ipcEventNames = Object.keys(ipcEvents) as ReadonlyArray<IpcEventName>;

/** Why the main process refused or failed a request. */
export type IpcErrorCode = 'forbidden-sender' | 'unknown-channel' | 'invalid-payload' | 'failed';

/** Every answer crosses the bridge as a result, never as a thrown error (whose text Electron mangles). */
export type IpcResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: IpcErrorCode; readonly message: string } };

/** The shape of `window.api`: one function per request channel, and `on` for events. */
export type RendererApi = {
  readonly [C in IpcChannel]: (
    ...payload: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]
  ) => Promise<IpcResult<IpcResponse<C>>>;
} & {
  /** Subscribes to a main→renderer event; returns the function that unsubscribes. */
  readonly on: <E extends IpcEventName>(
    event: E,
    listener: (payload: IpcEventPayload<E>) => void,
  ) => () => void;
};

/** The keys `window.api` exposes: the channels and `on`, nothing else. */
export const rendererApiKeys: ReadonlyArray<string> = [...ipcChannels, 'on'];
