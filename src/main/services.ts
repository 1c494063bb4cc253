import { randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AssessmentChecker } from './assessment-check';
import type { DesktopOrigins } from './desktop/protocol';
import { type ChooseFolder, createDesktopService, type DesktopService } from './desktop/service';
import type { Grader } from './grading/grader';
import {
  type ChooseOpenPaths,
  type ChooseSavePath,
  createHandlers,
  type HandlerDeps,
  type HandlerMap,
} from './ipc/handlers';
import { findScenario, type Library, summaryOf } from './library';
import { createLibraryServices } from './scenario-library/handlers';
import type { ChooseOpenPath } from './scenario-library/import';
import { APP_ORIGIN, CCP_ORIGIN, DESKTOP_ORIGIN } from './security';
import { installationKeys } from './signing/keys';
import { TrustListStore } from './signing/trust-list';
import type { JournalWriter } from './storage/journal';
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
  /** The open dialog of imports (none: imports come only as dropped files). */
  readonly chooseOpenPath?: ChooseOpenPath;
  /** The clips of bundled scenarios (default: `../audio/lines` beside them). */
  readonly bundledClips?: string;
  /** The templates of new scenarios (default: `../templates` beside the bundled scenarios). */
  readonly templates?: string;
  /** The open dialog of the class overview's import; none: importing by dialog fails clearly. */
  readonly chooseOpenPaths?: ChooseOpenPaths;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly newSeed?: () => number;
  /** How session journals write; tests give one that fails like a full disk. */
  readonly journalWriter?: JournalWriter;
  /** Where finished and recovered sessions are graded (a worker thread in the app). */
  readonly grade?: Grader;
  /** The origins the agent desktop is served on (default: the app's `desktop:` scheme). */
  readonly desktopOrigins?: DesktopOrigins;
  /** The folder dialog of "Use my agent desktop"; none: choosing fails clearly. */
  readonly chooseFolder?: ChooseFolder;
}

/** The handler map and what it is built on. */
export interface Services {
  readonly handlers: HandlerMap;
  readonly deps: HandlerDeps;
  readonly sessions: SessionStore;
  readonly assessments: AssessmentStore;
  /** The agent desktop folder and its `desktop:` scheme handler. */
  readonly desktop: DesktopService;
}

/** Wires the library, the stores and the handlers over the host's folders. */
export function createServices(options: ServiceOptions): Services {
  let library: Promise<Library> | null = null;
  const currentLibrary = (reload = false): Promise<Library> => {
    if (library === null || reload) {
      // The scenario library re-validates only the files that changed since it last read them.
      library = libraryServices.library.load();
    }
    return library;
  };
  // The installation's signing key, made in the data folder on first start.
  const keys = installationKeys(options.dataFolder);
  keys().catch(() => undefined);
  const findScenarioVersion = async (id: string, hash?: string) =>
    findScenario(await currentLibrary(), id, hash)?.scenario;
  // One checker for the store and the overview: each stored file is replayed once, not per use.
  const checker = new AssessmentChecker(findScenarioVersion);
  const assessments = new AssessmentStore(join(options.dataFolder, 'assessments'), {
    keys,
    findScenario: async (id, hash) => findScenario(await currentLibrary(), id, hash)?.scenario,
    check: (assessment) => checker.check(assessment),
  });
  const sessions = new SessionStore({
    journalsFolder: join(options.dataFolder, 'journals'),
    assessments,
    findScenario: async (id, hash) => findScenario(await currentLibrary(), id, hash)?.scenario,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    newSeed: options.newSeed ?? (() => randomInt(0, 2 ** 32 - 1)),
    app: { name: options.appName, version: options.appVersion },
    ...(options.journalWriter ? { journalWriter: options.journalWriter } : {}),
    ...(options.grade ? { grade: options.grade } : {}),
  });
  const libraryServices = createLibraryServices({
    dataFolder: options.dataFolder,
    bundledScenarios: options.bundledScenarios,
    bundledClips: options.bundledClips,
    templates: options.templates,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    // A change of the user's scenarios makes the next lookup read the folders again.
    onChange: () => {
      library = null;
    },
    chooseSavePath: options.chooseSavePath,
    chooseOpenPath: options.chooseOpenPath ?? (async () => null),
  });
  const desktop = createDesktopService({
    dataFolder: options.dataFolder,
    origins: options.desktopOrigins ?? { app: APP_ORIGIN, desktop: DESKTOP_ORIGIN, ccp: CCP_ORIGIN },
    ...(options.chooseFolder === undefined ? {} : { chooseFolder: options.chooseFolder }),
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
    library: libraryServices,
    trust: new TrustListStore(options.dataFolder, keys),
    findScenarioVersion,
    checker,
    ...(options.chooseOpenPaths === undefined ? {} : { chooseOpenPaths: options.chooseOpenPaths }),
    desktop,
  };
  return { handlers: createHandlers(deps), deps, sessions, assessments, desktop };
}
