/**
 * The one contract between the main process and the renderer.
 *
 * Every request channel names the zod schema of its payload and of its answer; every
 * main→renderer event names the schema of what it carries. The preload script exposes exactly
 * these channels as `window.api`, and the main process registers exactly one handler for each.
 */
import { z } from 'zod';
import { cleanLine } from './clean-text';
import { SessionRecordSchema } from './scenario/director/session-schema';
import { ScenarioSchema } from './scenario/format/schema';
import { AssessmentSchema } from './scoring/assessment';

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

/** An attempt id: a UUID the main process made. */
const AttemptIdSchema = z.uuid();
const TraineeSchema = z.strictObject({
  name: cleanLine().trim().min(1).max(200),
  id: cleanLine().max(200).optional(),
});

/** One stored assessment, as the results list shows it. */
export const AssessmentSummarySchema = z.object({
  attemptId: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  trainee: z.string(),
  mode: z.enum(['practice', 'assessment']),
  startedAt: z.string(),
  raw: z.number(),
  max: z.number(),
  scaled: z.number(),
  passed: z.boolean(),
  /**
   * What re-checking the stored file found: `verified` (consistent and signed by this
   * installation), `tampered` (changed outside the app: show this instead of the score),
   * `unverifiable` (its scenario is no longer in the library).
   */
  integrity: z.enum(['verified', 'tampered', 'unverifiable']).optional(),
});
/** One stored assessment, as the results list shows it. */
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

/** A session the app did not finish (it was closed or crashed), found in its journal. */
export const UnfinishedSessionSchema = z.object({
  attemptId: z.string(),
  scenarioId: z.string(),
  trainee: z.string(),
  startedAt: z.string(),
  records: z.int(),
  /** The last line was cut off by a crash and is lost. */
  truncatedTail: z.boolean(),
});
/** A session the app did not finish. */
export type UnfinishedSession = z.infer<typeof UnfinishedSessionSchema>;

/** The most records one `session:append` may carry. */
export const MAX_APPEND_RECORDS = 500;

/** Request channels: name → payload schema and answer schema. */
export const ipcContract = {
  'app:info': { request: NoPayload, response: AppInfoSchema },
  'scenarios:list': { request: NoPayload, response: z.array(ScenarioSummarySchema).readonly() },
  /** One scenario of the library, validated, to play. */
  'scenarios:get': { request: z.strictObject({ id: z.string().min(1).max(64) }), response: ScenarioSchema },
  /** Starts a session: a journal is opened on disk and the attempt id and seed are returned. */
  'session:begin': {
    request: z.strictObject({
      scenarioId: z.string().min(1).max(64),
      mode: z.enum(['practice', 'assessment']),
      trainee: TraineeSchema,
      seed: z
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional(),
    }),
    response: z.object({ attemptId: z.string(), seed: z.int(), startedAt: z.string() }),
  },
  /** Appends records to the session's journal, in order; each is flushed to disk. */
  'session:append': {
    request: z.strictObject({
      attemptId: AttemptIdSchema,
      records: z.array(SessionRecordSchema).min(1).max(MAX_APPEND_RECORDS),
    }),
    response: z.object({ written: z.int() }),
  },
  /** Ends the session: main re-grades the journal's log and stores the assessment. */
  'session:finish': {
    request: z.strictObject({ attemptId: AttemptIdSchema }),
    response: AssessmentSummarySchema,
  },
  /** The sessions whose journals were never finished. */
  'session:unfinished': { request: NoPayload, response: z.array(UnfinishedSessionSchema).readonly() },
  /** Closes an unfinished session as stopped and stores its assessment. */
  'session:recover': {
    request: z.strictObject({ attemptId: AttemptIdSchema }),
    response: AssessmentSummarySchema,
  },
  /** The stored assessments, newest first. */
  'assessments:list': { request: NoPayload, response: z.array(AssessmentSummarySchema).readonly() },
  /** One stored assessment. */
  'assessments:get': { request: z.strictObject({ attemptId: AttemptIdSchema }), response: AssessmentSchema },
  /** Exports an assessment or its xAPI statements to a file the user chooses. */
  'assessments:export': {
    request: z.strictObject({ attemptId: AttemptIdSchema, format: z.enum(['assessment', 'xapi']) }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
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
