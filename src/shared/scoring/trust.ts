/**
 * The three things said of an assessment, kept apart: *consistent* (it re-grades from its own
 * log to what it says), *signed by* (which installation's key signed exactly this content) and
 * *trusted* (consistent, and signed by a key the trainer keeps in the trust list, or by this
 * installation's own key). The class overview and the results screen show them; `grade` says
 * the same with `--trust keys.json`.
 */
import { z } from 'zod';
import { cleanLine } from '../clean-text';
import { keyIdOf, PublicKeySchema, type SignatureCheck } from './signature';

/** What a document's signature says, as it crosses from main to the renderer. */
export const SignatureCheckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unsigned') }),
  z.object({ status: z.literal('invalid'), keyId: z.string(), message: z.string() }),
  z.object({ status: z.literal('valid'), keyId: z.string(), publicKey: PublicKeySchema }),
]);

/** One key of the trust list, with its short id. */
export const TrustedKeySchema = z.object({
  publicKey: PublicKeySchema,
  keyId: z.string(),
  label: cleanLine().min(1).max(200),
});
/** One key of the trust list, with its short id. */
export type TrustedKey = z.infer<typeof TrustedKeySchema>;

/** The trust list as the app shows it: this installation's own key, and the keys the trainer trusts. */
export const TrustViewSchema = z.object({
  own: z.object({ publicKey: PublicKeySchema, keyId: z.string() }),
  keys: z.array(TrustedKeySchema).readonly(),
});
/** The trust list as the app shows it. */
export type TrustView = z.infer<typeof TrustViewSchema>;

/** Whether an assessment re-grades to what it says: `unknown` when its scenario version is not at hand. */
export type Consistency = 'yes' | 'no' | 'unknown';

/** Who signed an assessment, as far as the trust list knows. */
export type Signer =
  | { readonly kind: 'unsigned' }
  | { readonly kind: 'invalid'; readonly keyId: string; readonly message: string }
  | {
      readonly kind: 'key';
      readonly keyId: string;
      readonly publicKey: string;
      /** The trust list's label of the key; null when the key is not in it. */
      readonly label: string | null;
      /** The key is this installation's own. */
      readonly own: boolean;
    };

/** The three words for one assessment. */
export interface TrustVerdict {
  readonly consistent: Consistency;
  readonly signer: Signer;
  /**
   * Consistent and signed by a known key (in the trust list or this installation's). A trainee who
   * controls a machine and its key can sign anything; a trusted file is as good as that machine.
   */
  readonly trusted: boolean;
}

/** The consistency of a re-grading status (`verified`, `tampered`, another version, no scenario). */
export function consistencyOf(status: string | null | undefined): Consistency {
  if (status === 'verified') return 'yes';
  if (status === 'tampered') return 'no';
  return 'unknown';
}

/** The trust list's key of a public key, or the installation's own; null when neither. */
function knownKey(publicKey: string, view: TrustView | null): { label: string | null; own: boolean } {
  if (view === null) return { label: null, own: false };
  if (publicKey === view.own.publicKey) return { label: null, own: true };
  return { label: view.keys.find((key) => key.publicKey === publicKey)?.label ?? null, own: false };
}

/**
 * Consistent, signed by and trusted for an assessment: from main's re-grading status, its
 * signature check, and the trust list (null while it is not known: nothing is trusted then).
 */
export function trustVerdict(
  status: string | null | undefined,
  signature: SignatureCheck | undefined,
  view: TrustView | null,
): TrustVerdict {
  const consistent = consistencyOf(status);
  if (signature === undefined || signature.status === 'unsigned') {
    return { consistent, signer: { kind: 'unsigned' }, trusted: false };
  }
  if (signature.status === 'invalid') {
    return {
      consistent,
      signer: { kind: 'invalid', keyId: signature.keyId, message: signature.message },
      trusted: false,
    };
  }
  const known = knownKey(signature.publicKey, view);
  return {
    consistent,
    signer: {
      kind: 'key',
      keyId: signature.keyId,
      publicKey: signature.publicKey,
      label: known.label,
      own: known.own,
    },
    trusted: consistent === 'yes' && (known.own || known.label !== null),
  };
}

/** The trust view of a stored trust list and the installation's own public key. */
export function trustViewOf(
  ownPublicKey: string,
  keys: ReadonlyArray<{ readonly publicKey: string; readonly label: string }>,
): TrustView {
  return {
    own: { publicKey: ownPublicKey, keyId: keyIdOf(ownPublicKey) },
    keys: keys.map((key) => ({ publicKey: key.publicKey, keyId: keyIdOf(key.publicKey), label: key.label })),
  };
}
