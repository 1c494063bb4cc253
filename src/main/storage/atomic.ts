import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: the bytes go to a temporary file beside the target, are flushed to
 * disk, and the temporary file is renamed over the target, so a reader sees the old file or the
 * new one, never half of one. The file is read back and compared before the call returns.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const written = await readFile(path);
  const expected = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (!written.equals(expected)) throw new Error(`${path}: the file read back differs from what was written`);
}
