import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { type Ed25519Verify, nobleVerify } from '@shared/scoring/signature';

/** The DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form (RFC 8410). */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Whether the platform's crypto has Ed25519; learnt on the first use. */
let native: boolean | null = null;

/** The key objects of the last public keys seen: a class comes from a few lab machines. */
const keyObjects = new Map<string, KeyObject>();

function keyObjectOf(publicKey: Uint8Array): KeyObject {
  const hex = Buffer.from(publicKey).toString('hex');
  let key = keyObjects.get(hex);
  if (key === undefined) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    if (keyObjects.size >= 256) keyObjects.clear();
    keyObjects.set(hex, key);
  }
  return key;
}

/**
 * Ed25519 verification with Node's own crypto (native, some fifty times faster than pure
 * TypeScript) and the same verdict as `nobleVerify` on the app's signatures; where the platform lacks Ed25519, `nobleVerify`.
 */
export const nodeVerify: Ed25519Verify = (signature, message, publicKey) => {
  if (native === false || publicKey.length !== 32 || signature.length !== 64) {
    return nobleVerify(signature, message, publicKey);
  }
  try {
    const ok = verify(null, message, keyObjectOf(publicKey), signature);
    native = true;
    return ok;
  } catch {
    if (native === true) return false;
    // The platform's crypto has no Ed25519: pure TypeScript from now on.
    native = false;
    return nobleVerify(signature, message, publicKey);
  }
};
