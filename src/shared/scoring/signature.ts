/**
 * Signed assessments: each installation of the app has an Ed25519 key pair, and every
 * assessment it stores carries a signature over its canonical JSON (every field but the
 * signature itself). A trust list names the public keys a trainer accepts (lab machines whose
 * keys they registered). Pure TypeScript with the audited `@noble/curves`.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { cleanLine } from '../clean-text';
import { canonicalJson } from '../digest';

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/** An Ed25519 public key, 32 bytes as lower-case hex. */
export const PublicKeySchema = Hex(32);

/** The signature an installation puts on an assessment it stores. */
export const AssessmentSignatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** `ed25519:` and the first 16 hex digits of the SHA-256 of the public key. */
  keyId: z.string().regex(/^ed25519:[0-9a-f]{16}$/),
  publicKey: PublicKeySchema,
  /** The signature of the UTF-8 canonical JSON of the assessment without `signature`, as hex. */
  value: Hex(64),
});
/** The signature an installation puts on an assessment it stores. */
export type AssessmentSignature = z.infer<typeof AssessmentSignatureSchema>;

/** A trainer's trust list (`grade --trust keys.json`): the public keys whose signatures count. */
export const TrustListSchema = z.strictObject({
  keys: z.array(
    z.strictObject({
      publicKey: PublicKeySchema,
      /** Which machine this is, e.g. "Lab 2, seat 4". */
      label: cleanLine().min(1).max(200),
    }),
  ),
});
/** A trainer's trust list. */
export type TrustList = z.infer<typeof TrustListSchema>;

/** An installation's key pair, both halves as hex. */
export interface KeyPair {
  readonly publicKey: string;
  readonly secretKey: string;
}

/** A new key pair from the platform's secure random source. */
export function generateKeyPair(): KeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { publicKey: bytesToHex(publicKey), secretKey: bytesToHex(secretKey) };
}

/** Whether a key pair's public half is the one its secret half gives. */
export function isKeyPair(pair: KeyPair): boolean {
  try {
    return bytesToHex(ed25519.getPublicKey(hexToBytes(pair.secretKey))) === pair.publicKey;
  } catch {
    return false;
  }
}

/** The short id of a public key: `ed25519:` and 16 hex digits of its SHA-256. */
export function keyIdOf(publicKey: string): string {
  return `ed25519:${bytesToHex(sha256(hexToBytes(publicKey))).slice(0, 16)}`;
}

/** What is signed: the canonical JSON of the document without its `signature`. */
function signedBytes(document: { readonly signature?: unknown }): Uint8Array {
  const { signature: _signature, ...rest } = document;
  return utf8ToBytes(canonicalJson(rest));
}

/** The document with its signature by `keys` (any earlier signature replaced). */
export function signDocument<T extends { readonly signature?: AssessmentSignature }>(
  document: T,
  keys: KeyPair,
): T & { signature: AssessmentSignature } {
  const value = bytesToHex(ed25519.sign(signedBytes(document), hexToBytes(keys.secretKey)));
  return {
    ...document,
    signature: { algorithm: 'Ed25519', keyId: keyIdOf(keys.publicKey), publicKey: keys.publicKey, value },
  };
}

/**
 * Checks an Ed25519 signature of a message by a public key. The default is `@noble/curves`; a
 * host with a native implementation (Node's `crypto`) passes its own, which is many times faster.
 */
export type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** Ed25519 verification in pure TypeScript (`@noble/curves`): the same answer on every host. */
export const nobleVerify: Ed25519Verify = (signature, message, publicKey) =>
  ed25519.verify(signature, message, publicKey);

/** What a document's signature says. */
export type SignatureCheck =
  | { readonly status: 'unsigned' }
  | { readonly status: 'invalid'; readonly keyId: string; readonly message: string }
  | { readonly status: 'valid'; readonly keyId: string; readonly publicKey: string };

/**
 * Checks a document's signature against the public key it names. `valid` means only that the
 * holder of that key signed exactly this content; whether the key is one to trust is
 * `trustedLabel`'s question.
 */
export function checkSignature(
  document: { readonly signature?: AssessmentSignature },
  verify: Ed25519Verify = nobleVerify,
): SignatureCheck {
  const signature = document.signature;
  if (signature === undefined) return { status: 'unsigned' };
  if (keyIdOf(signature.publicKey) !== signature.keyId) {
    return { status: 'invalid', keyId: signature.keyId, message: 'the key id is not that of the public key' };
  }
  let ok = false;
  try {
    ok = verify(hexToBytes(signature.value), signedBytes(document), hexToBytes(signature.publicKey));
  } catch {
    ok = false;
  }
  return ok
    ? { status: 'valid', keyId: signature.keyId, publicKey: signature.publicKey }
    : {
        status: 'invalid',
        keyId: signature.keyId,
        message: 'the signature does not match the content: it was changed after signing',
      };
}

/** The label of a valid signature's key in the trust list, or null when the key is not in it. */
export function trustedLabel(check: SignatureCheck, list: TrustList): string | null {
  if (check.status !== 'valid') return null;
  return list.keys.find((key) => key.publicKey === check.publicKey)?.label ?? null;
}
