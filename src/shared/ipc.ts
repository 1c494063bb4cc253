/**
 * The one contract between the main process and the renderer.
 *
 * Every request channel names the zod schema of its payload and of its answer; every
 * main→renderer event names the schema of what it carries. The preload script exposes exactly
 * these channels as `window.api`, and the main process registers exactly one handler for each.
 */
import { z } from 'zod';
import { cleanLine } from './clean-text';
import { libraryContract } from './library-contract';
import { SessionRecordSchema } from './scenario/director/session-schema';
import { ScenarioSchema } from './scenario/format/schema';
import { AssessmentSchema } from './scoring/assessment';
import { PublicKeySchema } from './scoring/signature';
import { SignatureCheckSchema, TrustViewSchema } from './scoring/trust';

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
  tags: z.array(z.string()).readonly().default([]),
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
  /** Journal lines that were damaged and left out of the grading (line 1 is the header). */
  damagedLines: z.array(z.int()).optional(),
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
  /** Lines in the middle that are damaged (not JSON, or not a record) and will not be graded. */
  damagedLines: z.array(z.int()).optional(),
});
/** A session the app did not finish. */
export type UnfinishedSession = z.infer<typeof UnfinishedSessionSchema>;

/** An unfinished session opened again to go on: what the renderer rebuilds it from. */
export const ResumedSessionSchema = z.object({
  attemptId: z.string(),
  /** The scenario in the version the session was taken on. */
  scenario: ScenarioSchema,
  mode: z.enum(['practice', 'assessment']),
  trainee: z.object({ name: z.string(), id: z.string().optional() }),
  seed: z.int(),
  startedAt: z.string(),
  /** The journal's records so far, `seq` 1 on without a gap. */
  records: z.array(SessionRecordSchema).readonly(),
  /** The last line was cut off by a crash: its record is lost (the line stays in the journal). */
  truncatedTail: z.boolean(),
  /** Lines of the journal that are not records (line 1 is the header). */
  damagedLines: z.array(z.int()).readonly(),
});
/** An unfinished session opened again to go on. */
export type ResumedSession = z.infer<typeof ResumedSessionSchema>;

export { MAX_APPEND_RECORDS } from './ipc-names';

import { MAX_APPEND_RECORDS } from './ipc-names';

/** How a stored or imported assessment stands when main re-grades it from its own log. */
export const AssessmentCheckSchema = z.object({
  /**
   * `verified`: the log replays and the stored score is what the scorer says now; `tampered`: the
   * scenario is the one it was taken on but the document differs from its re-grading;
   * `other-version`: the library has this scenario only in another version;
   * `unknown-scenario`: the library has no scenario of this id.
   */
  status: z.enum(['verified', 'tampered', 'other-version', 'unknown-scenario']),
  /** What differs, one sentence each. */
  problems: z.array(z.string()).readonly(),
  /** Whose Ed25519 signature the file carries and whether it matches the content. */
  signature: SignatureCheckSchema.optional(),
});
/** How an assessment stands when main re-grades it. */
export type AssessmentCheck = z.infer<typeof AssessmentCheckSchema>;

/** One file offered to the class overview: read, validated and re-graded, or refused with its error. */
export const ImportedAssessmentSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    name: z.string(),
    assessment: AssessmentSchema,
    check: AssessmentCheckSchema,
  }),
  z.object({ ok: z.literal(false), name: z.string(), error: z.string() }),
]);
/** One file offered to the class overview. */
export type ImportedAssessment = z.infer<typeof ImportedAssessmentSchema>;

/** The most files one import may carry. */
export const MAX_IMPORT_FILES = 2000;

/** The user's own agent desktop ("Use my agent desktop"): its folder and where the app serves it. */
export const DesktopInfoSchema = z.object({
  /** The remembered folder, or null when none was chosen. */
  folder: z.string().nullable(),
  /** Why the remembered folder cannot be played now (gone, no index.html), or null. */
  problem: z.string().nullable(),
  /** The desktop's page. */
  desktopUrl: z.string(),
  /** The simulated CCP page, given to the desktop as `?ccpUrl=`. */
  ccpUrl: z.string(),
  /** The simulated CCP's origin: the only origin whose conduit messages the app reads. */
  ccpOrigin: z.string(),
});
/** The user's own agent desktop: its folder and where the app serves it. */
export type DesktopInfo = z.infer<typeof DesktopInfoSchema>;

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
  /**
   * Opens an unfinished session again to go on with it in the same attempt: later records are
   * appended to its journal and `session:finish` grades it as usual.
   */
  'session:resume': {
    request: z.strictObject({ attemptId: AttemptIdSchema }),
    response: ResumedSessionSchema,
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
  /** The user's scenario library, its clips and drafts (see `library-contract.ts`). */
  ...libraryContract,
  /** Re-grades a stored assessment from its log against the library's scenario. */
  'assessments:verify': {
    request: z.strictObject({ attemptId: AttemptIdSchema }),
    response: AssessmentCheckSchema,
  },
  /** Exports several stored assessments as one JSON file: an array of assessments, or of all their xAPI statements. */
  'assessments:export-all': {
    request: z.strictObject({
      attemptIds: z.array(AttemptIdSchema).min(1).max(MAX_IMPORT_FILES),
      format: z.enum(['assessment', 'xapi']),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string(), count: z.int() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /**
   * Reads assessment files for the class overview: the files the user picks in the open dialog,
   * or (drag-and-drop) the dropped files' names and text. Each is validated with the assessment
   * schema and re-graded; a bad file is answered with its error and the others still load.
   */
  'assessments:import-files': {
    request: z.strictObject({
      files: z
        .array(z.strictObject({ name: z.string().max(1000), text: z.string().max(8_000_000) }))
        .max(MAX_IMPORT_FILES)
        .optional(),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('imported'), files: z.array(ImportedAssessmentSchema).readonly() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** The remembered agent desktop folder; asking for it makes the app serve it. */
  'desktop:get': { request: NoPayload, response: DesktopInfoSchema },
  /** Opens the folder dialog; a folder with an `index.html` is remembered and served. */
  'desktop:choose': {
    request: NoPayload,
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), desktop: DesktopInfoSchema }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** The trust list of signing keys (kept in the data folder) and this installation's own key. */
  'trust:list': { request: NoPayload, response: TrustViewSchema },
  /** Adds a key to the trust list (or renames it when it is there); answers the new list. */
  'trust:add': {
    request: z.strictObject({ publicKey: PublicKeySchema, label: cleanLine().trim().min(1).max(200) }),
    response: TrustViewSchema,
  },
  /** Removes a key from the trust list; answers the new list. */
  'trust:remove': { request: z.strictObject({ publicKey: PublicKeySchema }), response: TrustViewSchema },
  /**
   * Adds the keys of a keys.json (the format `grade --trust` reads) to the trust list: the file
   * the user picks in the open dialog, or the given text. A bad file changes nothing.
   */
  'trust:import': {
    request: z.strictObject({
      file: z.strictObject({ name: z.string().max(1000), text: z.string().max(1_000_000) }).optional(),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('imported'), added: z.int(), view: TrustViewSchema }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /**
   * Saves a keys.json where the user chooses: this installation's public key under a label (to
   * register a lab machine with the trainer), or the whole trust list (to share it).
   */
  'trust:export': {
    request: z.discriminatedUnion('scope', [
      z.strictObject({ scope: z.literal('own'), label: cleanLine().trim().min(1).max(200) }),
      z.strictObject({ scope: z.literal('list') }),
    ]),
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
