import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic';
import { ccpUrlOf, type DesktopOrigins, desktopProtocolHandler } from './protocol';

/** Asks the user for a folder; null when they cancel. */
export type ChooseFolder = () => Promise<string | null>;

/** What the renderer learns about the agent desktop: the folder, whether it can be played, the URLs. */
export interface DesktopInfo {
  /** The remembered folder, or null when none was chosen. */
  readonly folder: string | null;
  /** Why the remembered folder cannot be played now (gone, no index.html), or null. */
  readonly problem: string | null;
  /** The desktop's page (`index.html` of the folder). */
  readonly desktopUrl: string;
  /** The simulated CCP page, to pass to the desktop as `?ccpUrl=`. */
  readonly ccpUrl: string;
  /** The simulated CCP's origin: the only origin whose messages the app's bridge reads. */
  readonly ccpOrigin: string;
}

/** The agent desktop's folder: remembered in the data folder, served by `handle`. */
export interface DesktopService {
  readonly info: () => Promise<DesktopInfo>;
  /** Opens the folder dialog; the folder is remembered only when it holds an `index.html`. */
  readonly choose: () => Promise<DesktopInfo | null>;
  /** The `desktop:` scheme's handler over the remembered folder. */
  readonly handle: (request: Request) => Promise<Response>;
}

const FILE = 'agent-desktop.json';

/** Why `folder` cannot be served as an agent desktop, or null when it can. */
export async function desktopFolderProblem(folder: string): Promise<string | null> {
  if (!isAbsolute(folder)) return `The agent desktop folder "${folder}" is not an absolute path`;
  const info = await stat(folder).catch(() => null);
  if (info === null) return `The agent desktop folder "${folder}" does not exist`;
  if (!info.isDirectory()) return `"${folder}" is not a folder`;
  const index = await stat(join(folder, 'index.html')).catch(() => null);
  if (index === null || !index.isFile()) return `The folder "${folder}" has no index.html`;
  return null;
}

/**
 * The agent desktop service over `dataFolder` (where the choice is remembered, in
 * `agent-desktop.json`). Only a folder that holds an `index.html` is remembered or served.
 */
export function createDesktopService(options: {
  readonly dataFolder: string;
  readonly origins: DesktopOrigins;
  readonly chooseFolder?: ChooseFolder;
}): DesktopService {
  const file = join(options.dataFolder, FILE);
  let folder: string | null | undefined;
  let served: string | null = null;
  const remembered = async (): Promise<string | null> => {
    if (folder !== undefined) return folder;
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { folder?: unknown };
      folder = typeof parsed.folder === 'string' ? parsed.folder : null;
    } catch {
      folder = null;
    }
    return folder;
  };
  const info = async (): Promise<DesktopInfo> => {
    const chosen = await remembered();
    const problem = chosen === null ? null : await desktopFolderProblem(chosen);
    served = chosen !== null && problem === null ? chosen : null;
    return {
      folder: chosen,
      problem,
      desktopUrl: `${options.origins.desktop}/index.html`,
      ccpUrl: ccpUrlOf(options.origins),
      ccpOrigin: options.origins.ccp,
    };
  };
  return {
    info,
    choose: async () => {
      if (options.chooseFolder === undefined) throw new Error('this host has no folder dialog');
      const picked = await options.chooseFolder();
      if (picked === null) return null;
      const problem = await desktopFolderProblem(picked);
      if (problem !== null) throw new Error(problem);
      await writeFileAtomic(file, `${JSON.stringify({ folder: picked }, null, 2)}\n`);
      folder = picked;
      return info();
    },
    handle: desktopProtocolHandler({ origins: options.origins, folder: () => served }),
  };
}
