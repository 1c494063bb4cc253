import type { Signer, TrustVerdict } from '@shared/scoring/trust';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trust, TrustStatus } from './useTrust';

/** Who signed an assessment, in words: its label and key id, "unsigned" or "invalid signature". */
export function signerText(t: TFunction, signer: Signer): string {
  switch (signer.kind) {
    case 'unsigned':
      return t('overview:signer.unsigned');
    case 'invalid':
      return t('overview:signer.invalid');
    case 'key':
      if (signer.own) return t('overview:signer.own', { keyId: signer.keyId });
      return signer.label === null
        ? t('overview:signer.unknown', { keyId: signer.keyId })
        : t('overview:signer.known', { keyId: signer.keyId, label: signer.label });
  }
}

/** The signer of an assessment as a table cell or a fact shows it (no hook of its own: one per row). */
export function SignerName(props: { readonly signer: Signer; readonly t: TFunction }) {
  const { signer, t } = props;
  const kind = signer.kind === 'key' ? '' : ` overview-signer-${signer.kind}`;
  return (
    <span
      className={`overview-signer${kind}`}
      title={
        signer.kind === 'invalid' ? t('overview:signer.invalidTitle', { message: signer.message }) : undefined
      }
    >
      {signerText(t, signer)}
    </span>
  );
}

/** "yes" or "no": consistent and signed by a known key. */
export function TrustedWord(props: { readonly verdict: TrustVerdict; readonly t: TFunction }) {
  const { t } = props;
  const trusted = props.verdict.trusted;
  return (
    <span className={trusted ? 'overview-trusted-yes' : 'overview-trusted-no'}>
      {trusted ? t('overview:trusted.yes') : t('overview:trusted.no')}
    </span>
  );
}

/**
 * "Trust this signer" for a row signed by a key the list does not know: the button opens a
 * small form asking for the key's label (which machine it is), then asks main to trust it.
 */
export function TrustSignerButton(props: {
  readonly trainee: string;
  readonly keyId: string;
  readonly publicKey: string;
  readonly onTrust: (publicKey: string, label: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('overview');
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === '') return;
    if (await props.onTrust(props.publicKey, label)) setOpen(false);
  };
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="overview-trust-signer"
        aria-label={t('trustSignerOf', { trainee: props.trainee, keyId: props.keyId })}
        onClick={() => setOpen(true)}
      >
        {t('trustSigner')}
      </button>
    );
  }
  return (
    <form
      className="overview-trust-form"
      aria-label={t('trustForm', { keyId: props.keyId })}
      onSubmit={submit}
    >
      <label>
        {t('trustLabel')}{' '}
        <input
          ref={input}
          value={label}
          maxLength={200}
          placeholder={t('trustLabelHint')}
          onChange={(event) => setLabel(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        />
      </label>
      <button type="submit" disabled={label.trim() === ''}>
        {t('trustConfirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('trustCancel')}
      </button>
    </form>
  );
}

function StatusText(props: { readonly status: TrustStatus }) {
  const { t } = useTranslation('overview');
  const { status } = props;
  switch (status.kind) {
    case 'idle':
    case 'failed':
      return null;
    case 'added':
      return <>{t('trust.added', { label: status.label })}</>;
    case 'removed':
      return <>{t('trust.removed')}</>;
    case 'imported':
      return <>{t('trust.imported', { count: status.count })}</>;
    case 'saved':
      return <>{t('trust.saved', { path: status.path })}</>;
    case 'cancelled':
      return <>{t('trust.cancelled')}</>;
  }
}

/**
 * The trust list in the overview: this installation's own key (to export under a label, so
 * that a lab machine can be registered with the trainer), the trusted keys with a button each
 * to remove one, the import of a keys.json and the export of the whole list.
 */
export function TrustPanel(props: { readonly trust: Trust }) {
  const { t } = useTranslation('overview');
  const { view, loadError, status } = props.trust;
  const [label, setLabel] = useState('');
  return (
    <section aria-labelledby="overview-trust" className="overview-trust">
      <h2 id="overview-trust">{t('trust.title')}</h2>
      <p>{t('trust.intro')}</p>
      {loadError !== null && <p role="alert">{t('trust.failed', { message: loadError })}</p>}
      {view === null && loadError === null && <p aria-busy="true">{t('trust.loading')}</p>}
      {view !== null && (
        <>
          <h3 id="overview-trust-own">{t('trust.own')}</h3>
          <p>
            <code>{view.own.keyId}</code>
          </p>
          <label className="overview-trust-key">
            {t('trust.ownKey')} <input readOnly value={view.own.publicKey} size={66} />
          </label>
          <form
            className="overview-trust-export"
            onSubmit={(event) => {
              event.preventDefault();
              if (label.trim() !== '') void props.trust.exportKeys({ scope: 'own', label });
            }}
          >
            <label>
              {t('trust.exportLabel')}{' '}
              <input
                value={label}
                maxLength={200}
                placeholder={t('trustLabelHint')}
                onChange={(event) => setLabel(event.target.value)}
              />
            </label>
            <button type="submit" disabled={label.trim() === ''}>
              {t('trust.exportOwn')}
            </button>
          </form>
          <h3 id="overview-trust-keys">{t('trust.listLabel')}</h3>
          {view.keys.length === 0 ? (
            <p>{t('trust.empty')}</p>
          ) : (
            <ul aria-labelledby="overview-trust-keys" className="overview-trust-list">
              {view.keys.map((key) => (
                <li key={key.publicKey}>
                  <span>{key.label}</span> <code>{key.keyId}</code>{' '}
                  <button
                    type="button"
                    aria-label={t('trust.removeKey', { label: key.label, keyId: key.keyId })}
                    onClick={() => void props.trust.remove(key.publicKey)}
                  >
                    {t('trust.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="overview-trust-actions">
            <button type="button" onClick={() => void props.trust.importKeys()}>
              {t('trust.importKeys')}
            </button>
            <button
              type="button"
              disabled={view.keys.length === 0}
              onClick={() => void props.trust.exportKeys({ scope: 'list' })}
            >
              {t('trust.exportList')}
            </button>
          </div>
        </>
      )}
      <p role="status" className="overview-status">
        <StatusText status={status} />
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="overview-trust-error">
          {t('trust.failed', { message: status.message })}
        </p>
      )}
    </section>
  );
}
