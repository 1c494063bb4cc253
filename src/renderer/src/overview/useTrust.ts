import type { TrustView } from '@shared/scoring/trust';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../api';

/** What the last change of the trust list said. */
export type TrustStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'added'; readonly label: string }
  | { readonly kind: 'removed' }
  | { readonly kind: 'imported'; readonly count: number }
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** The trust list main keeps: read once, changed through main, which answers the new list. */
export function useTrust() {
  const [view, setView] = useState<TrustView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<TrustStatus>({ kind: 'idle' });

  useEffect(() => {
    let current = true;
    callApi('trust:list').then(
      (value) => current && setView(value),
      (error: unknown) => current && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, []);

  const attempt = useCallback(async (change: () => Promise<TrustStatus>): Promise<boolean> => {
    try {
      setStatus(await change());
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }, []);

  /** Trusts a key under a label. */
  const add = useCallback(
    (publicKey: string, label: string) =>
      attempt(async () => {
        setView(await callApi('trust:add', { publicKey, label }));
        return { kind: 'added', label: label.trim() };
      }),
    [attempt],
  );

  /** Stops trusting a key. */
  const remove = useCallback(
    (publicKey: string) =>
      attempt(async () => {
        setView(await callApi('trust:remove', { publicKey }));
        return { kind: 'removed' };
      }),
    [attempt],
  );

  /** Adds the keys of keys.json files the user picks. */
  const importKeys = useCallback(
    () =>
      attempt(async () => {
        const answer = await callApi('trust:import', {});
        if (answer.status === 'cancelled') return { kind: 'cancelled' };
        setView(answer.view);
        return { kind: 'imported', count: answer.added };
      }),
    [attempt],
  );

  /** Saves this installation's key under a label, or the whole list, as a keys.json. */
  const exportKeys = useCallback(
    (request: { readonly scope: 'own'; readonly label: string } | { readonly scope: 'list' }) =>
      attempt(async () => {
        const answer = await callApi('trust:export', request);
        return answer.status === 'saved' ? { kind: 'saved', path: answer.path } : { kind: 'cancelled' };
      }),
    [attempt],
  );

  return { view, loadError, status, add, remove, importKeys, exportKeys };
}

/** The trust list and its changes, as the overview passes them on. */
export type Trust = ReturnType<typeof useTrust>;
