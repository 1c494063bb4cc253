import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IpcChannel, IpcRequest, IpcResponse, ScenarioSummary } from '@shared/ipc';
import type { Scenario } from '@shared/scenario';
import { buildXapiStatements } from '@shared/scoring/xapi';
import { AssessmentChecker, type FindScenarioVersion } from '../assessment-check';
import type { DesktopService } from '../desktop/service';
import { createLibraryHandlers, type LibraryServices } from '../scenario-library/handlers';
import { type TrustListStore, trustListText } from '../signing/trust-list';
import { writeFileAtomic } from '../storage/atomic';
import type { AssessmentStore } from '../store/assessments';
import type { SessionStore } from '../store/sessions';

/** The handler of every request channel: exactly one per channel of the contract. */
export type HandlerMap = {
  readonly [C in IpcChannel]: (payload: IpcRequest<C>) => Promise<IpcResponse<C>>;
};

/** Asks the user where to save a file; null when they cancel. */
export type ChooseSavePath = (suggestion: {
  readonly defaultName: string;
  readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: ReadonlyArray<string> }>;
}) => Promise<string | null>;

/** Asks the user for files to open; an empty list when they cancel. */
export type ChooseOpenPaths = (request: {
  readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: ReadonlyArray<string> }>;
}) => Promise<ReadonlyArray<string>>;

/** What the handlers need from their host; tests pass temporary folders and scripted dialogs. */
export interface HandlerDeps {
  readonly appName: string;
  readonly appVersion: string;
  /** The folder where the app keeps its data (scenarios, journals, assessments). */
  readonly dataFolder: string;
  /** The system's UI language, e.g. `de-DE`. */
  readonly locale: string;
  /** Lists the scenario library. */
  readonly listScenarios: () => Promise<ReadonlyArray<ScenarioSummary>>;
  /** One scenario of the library by id. */
  readonly getScenario: (id: string) => Promise<Scenario | undefined>;
  readonly sessions: SessionStore;
  readonly assessments: AssessmentStore;
  readonly chooseSavePath: ChooseSavePath;
  /** The library's scenario of this id and, when given, content hash (for re-grading). */
  readonly findScenarioVersion?: FindScenarioVersion;
  /** The open dialog of the class overview's import. */
  readonly chooseOpenPaths?: ChooseOpenPaths;
  /** The user's scenario library, its importer and the editor's drafts. */
  readonly library: LibraryServices;
  /** The user's own agent desktop folder (none: the host serves no agent desktop). */
  readonly desktop?: DesktopService;
  /** The trust list of signing keys in the data folder. */
  readonly trust: TrustListStore;
  /** Re-grades assessments, remembering verdicts by content (shared with the store); one of its own when absent. */
  readonly checker?: AssessmentChecker;
}

/** Builds the handler map from its host dependencies. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  // Re-gradings remembered by content hash: a class opened again is not replayed again.
  const checker = deps.checker ?? new AssessmentChecker(findVersion(deps));
  return {
    'app:info': async () => ({
      name: deps.appName,
      version: deps.appVersion,
      dataFolder: deps.dataFolder,
      locale: deps.locale,
    }),
    'scenarios:list': async () => [...(await deps.listScenarios())],
    'scenarios:get': async ({ id }) => {
      const scenario = await deps.getScenario(id);
      if (!scenario) throw new Error(`no scenario "${id}" in the library`);
      return scenario;
    },
    'session:begin': (request) => deps.sessions.begin(request),
    'session:append': ({ attemptId, records }) => deps.sessions.append(attemptId, records),
    'session:finish': ({ attemptId }) => deps.sessions.finish(attemptId),
    'session:unfinished': async () => [...(await deps.sessions.unfinished())],
    'session:recover': ({ attemptId }) => deps.sessions.recover(attemptId),
    'session:resume': ({ attemptId }) => deps.sessions.resume(attemptId),
    'assessments:list': async () => [...(await deps.assessments.list())],
    'assessments:get': ({ attemptId }) => deps.assessments.get(attemptId),
    'assessments:export': async ({ attemptId, format }) => {
      const assessment = await deps.assessments.get(attemptId);
      const base = `${assessment.scenario.id}-${assessment.trainee.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${attemptId.slice(0, 8)}`;
      const path = await deps.chooseSavePath({
        defaultName: format === 'xapi' ? `${base}.xapi.json` : `${base}.assessment.json`,
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (path === null) return { status: 'cancelled' };
      const value = format === 'xapi' ? buildXapiStatements(assessment) : assessment;
      // Written atomically and read back before the answer: a saved export is a complete file.
      await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
      return { status: 'saved', path };
    },
    ...createLibraryHandlers(deps.library),
    'assessments:verify': async ({ attemptId }) => checker.check(await deps.assessments.get(attemptId)),
    'assessments:export-all': async ({ attemptIds, format }) => {
      const assessments = [];
      for (const attemptId of attemptIds) assessments.push(await deps.assessments.get(attemptId));
      const path = await deps.chooseSavePath({
        defaultName: format === 'xapi' ? 'assessments.xapi.json' : 'assessments.json',
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (path === null) return { status: 'cancelled' };
      const value = format === 'xapi' ? assessments.flatMap((a) => buildXapiStatements(a)) : assessments;
      await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
      return { status: 'saved', path, count: assessments.length };
    },
    'assessments:import-files': async ({ files }) => {
      if (files !== undefined) return { status: 'imported', files: [...(await checker.importTexts(files))] };
      if (deps.chooseOpenPaths === undefined) throw new Error('this host has no open dialog');
      const paths = await deps.chooseOpenPaths({ filters: [{ name: 'Assessments', extensions: ['json'] }] });
      if (paths.length === 0) return { status: 'cancelled' };
      return { status: 'imported', files: [...(await checker.importPaths(paths))] };
    },
    'trust:list': () => deps.trust.view(),
    'trust:add': ({ publicKey, label }) => deps.trust.add(publicKey, label),
    'trust:remove': ({ publicKey }) => deps.trust.remove(publicKey),
    'trust:import': async ({ file }) => {
      if (file !== undefined) return { status: 'imported', ...(await deps.trust.import([file])) };
      if (deps.chooseOpenPaths === undefined) throw new Error('this host has no open dialog');
      const paths = await deps.chooseOpenPaths({ filters: [{ name: 'Trust list', extensions: ['json'] }] });
      if (paths.length === 0) return { status: 'cancelled' };
      const files = [];
      for (const path of paths) {
        files.push({ name: basename(path), text: await readTextFile(path) });
      }
      return { status: 'imported', ...(await deps.trust.import(files)) };
    },
    'trust:export': async (request) => {
      const view = await deps.trust.view();
      const keys =
        request.scope === 'own'
          ? [{ publicKey: view.own.publicKey, label: request.label }]
          : view.keys.map(({ publicKey, label }) => ({ publicKey, label }));
      const path = await deps.chooseSavePath({
        defaultName: request.scope === 'own' ? `key-${view.own.keyId.slice(8)}.keys.json` : 'keys.json',
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (path === null) return { status: 'cancelled' };
      await writeFileAtomic(path, trustListText({ keys }));
      return { status: 'saved', path };
    },
    'desktop:get': () => desktopOf(deps).info(),
    'desktop:choose': async () => {
      const desktop = await desktopOf(deps).choose();
      return desktop === null ? { status: 'cancelled' } : { status: 'chosen', desktop };
    },
  };
}

/** The agent desktop service, or a clear error where the host has none. */
function desktopOf(deps: HandlerDeps): DesktopService {
  if (deps.desktop === undefined) throw new Error('this host serves no agent desktop');
  return deps.desktop;
}

/** A keys.json of the open dialog: at most 1 MB, or an error naming it. */
async function readTextFile(path: string): Promise<string> {
  const name = basename(path);
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) throw new Error(`${name}: cannot be read (not a file)`);
  if (info.size > 1_000_000) throw new Error(`${name}: ${info.size} bytes; a trust list is at most 1 MB`);
  return readFile(path, 'utf8');
}

/** The scenario lookup by version, or by id only where the host gives no versioned lookup. */
function findVersion(deps: HandlerDeps): FindScenarioVersion {
  return (
    deps.findScenarioVersion ?? (async (id, hash) => (hash === undefined ? deps.getScenario(id) : undefined))
  );
}
