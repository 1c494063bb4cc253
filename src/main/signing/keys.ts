import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPair, isKeyPair, type KeyPair, keyIdOf } from '@shared/scoring/signature';

/** The file of the installation's key pair, in the data folder. */
export function keyFileOf(dataFolder: string): string {
  return join(dataFolder, 'keys', 'installation-key.json');
}

async function readKeyFile(path: string): Promise<KeyPair> {
  const value = JSON.parse(await readFile(path, 'utf8')) as Partial<KeyPair & { algorithm: string }>;
  const pair = { publicKey: String(value.publicKey), secretKey: String(value.secretKey) };
  if (value.algorithm !== 'Ed25519' || !isKeyPair(pair)) {
    throw new Error(`${path}: not an Ed25519 key pair of this app; move it away to make a new one`);
  }
  return pair;
}

/**
 * The installation's Ed25519 key pair: read from `<data>/keys/installation-key.json`, or made
 * there on first start (written once, exclusively, readable by the user only). A damaged key
 * file is an error naming it, never silently replaced: assessments signed with it would no
 * longer match a trust list.
 */
export async function loadOrCreateKeyPair(dataFolder: string): Promise<KeyPair> {
  const path = keyFileOf(dataFolder);
  try {
    return await readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(join(dataFolder, 'keys'), { recursive: true, mode: 0o700 });
  const pair = generateKeyPair();
  const body = `${JSON.stringify({ algorithm: 'Ed25519', keyId: keyIdOf(pair.publicKey), ...pair }, null, 2)}\n`;
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return pair;
  } catch (error) {
    // Another start made it first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(path);
    throw error;
  }
}

/** A memoised loader: the key pair is read or made once per process. */
export function installationKeys(dataFolder: string): () => Promise<KeyPair> {
  let pending: Promise<KeyPair> | null = null;
  return () => {
    pending ??= loadOrCreateKeyPair(dataFolder).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
