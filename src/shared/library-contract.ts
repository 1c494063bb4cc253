/**
 * The IPC channels of the user's scenario library: open, create, duplicate, save, rename, delete
 * to a trash and restore, import and export (single files and packs with audio clips), the
 * clips of a scenario and the editor's drafts. `ipc.ts` spreads `libraryContract` into the one
 * contract, so `dispatch` validates these payloads like every other.
 */
import { z } from 'zod';
import { MAX_SCENARIO_BYTES } from './scenario';

/** A scenario id, as the format allows it (which keeps it a safe file name). */
export const LibraryScenarioIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, { error: 'must be a scenario id: lower-case letters, digits and dashes' })
  // Windows reserves these names for devices: `con.json` cannot be a file there.
  .refine((id) => !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(id), {
    error: 'is a reserved device name on Windows; choose another id',
  });

/**
 * A clip name as a scenario's `say.clip` writes it (`mortgage/broker-hello.ogg`). The main
 * process checks it again segment by segment (no device names, nothing that leaves the folder).
 */
export const ClipNameSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9/_-]*\.(ogg|mp3|wav)$/, {
    error: 'must be a clip name like "mortgage/broker-hello.ogg"',
  });

/** The key of an editor draft: lower-case letters, digits and dashes. */
export const DraftKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'must be lower-case letters, digits and dashes' })
  .refine((key) => !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(key), {
    error: 'is a reserved device name on Windows',
  });

/** The id of a deleted scenario in the trash. */
export const TrashIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, { error: 'must be a trash id as the library gave it' });

/** The templates a new scenario starts from. */
export const ScenarioTemplateSchema = z.enum([
  'three-party',
  'multiparty',
  'secondary-agent',
  'transfer-block',
]);
/** The templates a new scenario starts from. */
export type ScenarioTemplate = z.infer<typeof ScenarioTemplateSchema>;

/** One finding of the validator, as it crosses IPC (see `Finding`). */
export const LibraryFindingSchema = z.object({
  path: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  rule: z.string().nullable(),
  message: z.string(),
  line: z.int().optional(),
  column: z.int().optional(),
});

/** A problem of an imported file that is not about the scenario itself: a pack entry, a clip, the size. */
export const ImportProblemSchema = z.object({
  /** The file or pack entry it is about (`clips/../evil.wav`), or `(file)` for the whole file. */
  entry: z.string(),
  message: z.string(),
});
/** A problem of an imported file. */
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

const EntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.enum(['bundled', 'user']),
});

/** A scenario of the library, opened: its file text, its value and what the validator says of it. */
export const OpenedScenarioSchema = EntrySchema.extend({
  /** Bundled scenarios are read-only: duplicate one to edit it. */
  readOnly: z.boolean(),
  /** The file's text, as the raw JSON view shows it. */
  text: z.string(),
  /** The parsed file (not defaults-filled): what the form edits. */
  value: z.unknown(),
  findings: z.array(LibraryFindingSchema).readonly(),
  /** The clips the scenario names and whether the library has each. */
  clips: z.array(z.object({ name: z.string(), present: z.boolean() })).readonly(),
});

/** What a change of the library answers: the entry it made or changed, and the validator's warnings. */
export const LibraryChangeSchema = EntrySchema.extend({
  findings: z.array(LibraryFindingSchema).readonly(),
});

/** The most bytes of an imported file (scenario or pack); the payload limit allows its base64. */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

/** Where an imported file comes from: the open dialog, or bytes the renderer read (drag and drop). */
export const ImportSourceSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('dialog') }),
  z.strictObject({
    from: z.literal('file'),
    /** The file's name, for messages only: nothing is written under it. */
    name: z.string().min(1).max(260),
    /** The file's bytes in base64. */
    base64: z
      .string()
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' }),
  }),
]);

/** The answer of an import. */
export const ImportResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    scenario: LibraryChangeSchema,
    /** The clips stored with it. */
    clips: z.array(z.string()).readonly(),
    /** The id the file had, when it was imported under a new one (keep both). */
    renamedFrom: z.string().optional(),
    /** The id of the replaced scenario's copy in the trash. */
    replacedToTrash: z.string().optional(),
  }),
  /** Nothing was written: the scenario has errors or the file is not acceptable. */
  z.object({
    status: z.literal('invalid'),
    findings: z.array(LibraryFindingSchema).readonly(),
    problems: z.array(ImportProblemSchema).readonly(),
  }),
  /** The id is taken: call `scenarios:import-resolve` with the token and a choice. */
  z.object({
    status: z.literal('clash'),
    token: z.string(),
    id: z.string(),
    existing: EntrySchema,
    incomingTitle: z.string(),
    /** False when the existing scenario is bundled (read-only): only keep-both is possible. */
    canReplace: z.boolean(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);

/** One scenario in the trash. */
export const TrashEntrySchema = z.object({
  trashId: z.string(),
  id: z.string(),
  title: z.string(),
  deletedAt: z.string(),
});

/** One saved draft, without its text. */
export const DraftSummarySchema = z.object({
  key: z.string(),
  scenarioId: z.string().nullable(),
  savedAt: z.string(),
  bytes: z.int(),
});

const SavedOrCancelled = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

/** The library's request channels: name → payload schema and answer schema. */
export const libraryContract = {
  /** One scenario (bundled or user) with its text and findings, to edit or view. */
  'scenarios:open': {
    request: z.strictObject({ id: LibraryScenarioIdSchema }),
    response: OpenedScenarioSchema,
  },
  /** A new user scenario from a template. */
  'scenarios:create': {
    request: z.strictObject({
      template: ScenarioTemplateSchema,
      title: z.string().trim().min(1).max(120).optional(),
    }),
    response: LibraryChangeSchema,
  },
  /** An editable copy of a scenario (bundled or user) under a new id. */
  'scenarios:duplicate': {
    request: z.strictObject({ id: LibraryScenarioIdSchema }),
    response: LibraryChangeSchema,
  },
  /**
   * Saves a user scenario, given as the file's text or as a value. It is validated in full;
   * with any error nothing is written and the findings (JSON paths, lines and columns) come back.
   */
  'scenarios:save': {
    request: z.union([
      z.strictObject({ id: LibraryScenarioIdSchema, text: z.string().max(MAX_SCENARIO_BYTES) }),
      z.strictObject({ id: LibraryScenarioIdSchema, value: z.unknown() }),
    ]),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), scenario: LibraryChangeSchema }),
      z.object({ status: z.literal('invalid'), findings: z.array(LibraryFindingSchema).readonly() }),
    ]),
  },
  /** Gives a user scenario a new title, a new id, or both (its clips move with it). */
  'scenarios:rename': {
    request: z.strictObject({
      id: LibraryScenarioIdSchema,
      newId: LibraryScenarioIdSchema.optional(),
      title: z.string().trim().min(1).max(120).optional(),
    }),
    response: LibraryChangeSchema,
  },
  /** Moves a user scenario and its clips to the trash. */
  'scenarios:delete': {
    request: z.strictObject({ id: LibraryScenarioIdSchema }),
    response: TrashEntrySchema,
  },
  /** The trash, newest first. */
  'scenarios:trash': { request: z.undefined(), response: z.array(TrashEntrySchema).readonly() },
  /** Restores a scenario from the trash (under a new id if its own is taken meanwhile). */
  'scenarios:restore': {
    request: z.strictObject({ trashId: TrashIdSchema }),
    response: LibraryChangeSchema.extend({ renamedFrom: z.string().optional() }),
  },
  /** Imports a scenario file or a pack; validated before anything is written. */
  'scenarios:import': { request: ImportSourceSchema, response: ImportResultSchema },
  /** Answers a clash of `scenarios:import`: keep both (a new id) or replace (the old one goes to the trash). */
  'scenarios:import-resolve': {
    request: z.strictObject({
      token: z.uuid(),
      choice: z.enum(['keep-both', 'replace', 'cancel']),
    }),
    response: ImportResultSchema,
  },
  /** Exports a scenario as its JSON file, or as a pack with its clips, where the user chooses. */
  'scenarios:export': {
    request: z.strictObject({ id: LibraryScenarioIdSchema, format: z.enum(['scenario', 'pack']) }),
    response: SavedOrCancelled,
  },
  /** One audio clip of a scenario, checked by its magic bytes. */
  'clips:get': {
    request: z.strictObject({ scenarioId: LibraryScenarioIdSchema, clip: ClipNameSchema }),
    response: z.object({
      clip: z.string(),
      mime: z.enum(['audio/wav', 'audio/mpeg', 'audio/ogg']),
      base64: z.string(),
      bytes: z.int(),
    }),
  },
  /** Stores an audio clip for a user scenario (type, size and name checked). */
  'clips:put': {
    request: z.strictObject({
      scenarioId: LibraryScenarioIdSchema,
      clip: ClipNameSchema,
      base64: z
        .string()
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' }),
    }),
    response: z.object({ clip: z.string(), bytes: z.int() }),
  },
  /** Autosaves the editor's text under a key (it need not be valid yet). */
  'drafts:save': {
    request: z.strictObject({
      key: DraftKeySchema,
      scenarioId: LibraryScenarioIdSchema.nullable(),
      text: z.string().max(MAX_SCENARIO_BYTES),
    }),
    response: DraftSummarySchema,
  },
  /** The saved drafts, newest first. */
  'drafts:list': { request: z.undefined(), response: z.array(DraftSummarySchema).readonly() },
  /** One draft with its text. */
  'drafts:open': {
    request: z.strictObject({ key: DraftKeySchema }),
    response: DraftSummarySchema.extend({ text: z.string() }),
  },
  /** Discards a draft (after a save, or when the trainer declines it). */
  'drafts:discard': {
    request: z.strictObject({ key: DraftKeySchema }),
    response: z.object({ discarded: z.boolean() }),
  },
} as const;

/** The name of a library channel. */
export type LibraryChannel = keyof typeof libraryContract;
