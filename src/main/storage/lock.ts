import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file's name in the data folder. */
export const LOCK_FILE = 'instance.lock';

/** Whether a process is running (signal 0 checks without sending anything). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A held lock on a data folder. */
export interface DataFolderLock {
  /** Gives the folder up (removes the lock file if it is still this process's). */
  release(): Promise<void>;
}

/**
 * Claims a data folder for this process: a lock file holding the process id, created only if
 * there is none. A second instance of the app on the same folder is refused (it would list the
 * first one's running session as unfinished and recover it); a lock left by a process that is
 * gone (a crash) is taken over.
 */
export async function lockDataFolder(
  folder: string,
  options: { readonly pid?: number; readonly isAlive?: (pid: number) => boolean } = {},
): Promise<DataFolderLock> {
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processAlive;
  const path = join(folder, LOCK_FILE);
  await mkdir(folder, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${pid}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        release: async () => {
          const holder = await readFile(path, 'utf8').catch(() => '');
          if (Number.parseInt(holder, 10) === pid) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== pid && isAlive(holder)) {
      throw new Error(
        `the data folder ${folder} is in use by another instance of the app (process ${holder})`,
      );
    }
    // Left by a process that is gone (or unreadable): take it over.
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`the data folder ${folder} could not be locked (${path})`);
}
