import { randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type ChooseSavePath, createHandlers, type HandlerDeps, type HandlerMap } from './ipc/handlers';
import { findScenario, type Library, loadLibrary, summaryOf } from './library';
import { installationKeys } from './signing/keys';
import { AssessmentStore } from './store/assessments';
import { SessionStore } from './store/sessions';

/** What the main process is built from; tests give temporary folders and scripted dialogs. */
export interface ServiceOptions {
  readonly appName: string;
  readonly appVersion: string;
  readonly locale: string;
  /** The user's data folder: `scenarios/`, `journals/` and `assessments/` live in it. */
  readonly dataFolder: string;
  /** The folder of the scenarios that ship with the app. */
  readonly bundledScenarios: string;
  readonly chooseSavePath: ChooseSavePath;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly newSeed?: () => number;
}

/** The handler map and what it is built on. */
export interface Services {
  readonly handlers: HandlerMap;
  readonly deps: HandlerDeps;
  readonly sessions: SessionStore;
  readonly assessments: AssessmentStore;
}

/** Wires the library, the stores and the handlers over the host's folders. */
export function createServices(options: ServiceOptions): Services {
  let library: Promise<Library> | null = null;
  const currentLibrary = (reload = false): Promise<Library> => {
    if (library === null || reload) {
      library = loadLibrary([
        { path: options.bundledScenarios, source: 'bundled' },
        { path: join(options.dataFolder, 'scenarios'), source: 'user' },
      ]);
    }
    return library;
  };
  // The installation's signing key, made in the data folder on first start.
  const keys = installationKeys(options.dataFolder);
  keys().catch(() => undefined);
  const assessments = new AssessmentStore(join(options.dataFolder, 'assessments'), {
    keys,
    findScenario: async (id, hash) => findScenario(await currentLibrary(), id, hash)?.scenario,
  });
  const sessions = new SessionStore({
    journalsFolder: join(options.dataFolder, 'journals'),
    assessments,
    findScenario: async (id, hash) => findScenario(await currentLibrary(), id, hash)?.scenario,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    newSeed: options.newSeed ?? (() => randomInt(0, 2 ** 32 - 1)),
    app: { name: options.appName, version: options.appVersion },
  });
  const deps: HandlerDeps = {
    appName: options.appName,
    appVersion: options.appVersion,
    dataFolder: options.dataFolder,
    locale: options.locale,
    // The list re-reads the folders, so a scenario the trainer saved shows up at once.
    listScenarios: async () => (await currentLibrary(true)).entries.map(summaryOf),
    getScenario: async (id) => findScenario(await currentLibrary(), id)?.scenario,
    sessions,
    assessments,
    chooseSavePath: options.chooseSavePath,
  };
  return { handlers: createHandlers(deps), deps, sessions, assessments };
}
