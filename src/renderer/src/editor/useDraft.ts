import type { IpcResponse } from '@shared/ipc';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../api';

/** The key under which the editor keeps the draft of a scenario. */
export function draftKey(scenarioId: string): string {
  return `edit-${scenarioId}`;
}

/** A draft found when the editor opened, newer than the saved file. */
export interface DraftOffer {
  readonly savedAt: string;
  readonly text: string;
}

/**
 * The editor's draft in the data folder: written whenever the text differs from the saved file
 * (one write at a time, always the latest text), offered when the editor opens on a scenario
 * with a draft that differs from its file, and discarded after a save.
 */
export function useDraft(
  opened: IpcResponse<'scenarios:open'>,
  text: string,
  savedText: string,
): {
  readonly offer: DraftOffer | null;
  /** Takes the offered draft's text (the offer closes). */
  readonly restore: () => string | null;
  /** Declines the offered draft: it is deleted. */
  readonly discard: () => void;
  /** The document was saved (or its changes given up): the draft is deleted. */
  readonly saved: () => void;
} {
  const key = draftKey(opened.id);
  const [offer, setOffer] = useState<DraftOffer | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef<string | null>(null);
  const enqueue = useCallback((op: () => Promise<unknown>) => {
    queue.current = queue.current.then(op).catch(() => undefined);
  }, []);

  // A draft of an earlier session, when it differs from the file.
  // biome-ignore lint/correctness/useExhaustiveDependencies: looked up once, when the editor opens
  useEffect(() => {
    if (opened.readOnly) return;
    let current = true;
    enqueue(async () => {
      const drafts = await callApi('drafts:list');
      if (!drafts.some((d) => d.key === key)) return;
      const found = await callApi('drafts:open', { key });
      if (found.text === opened.text) {
        await callApi('drafts:discard', { key });
        return;
      }
      if (current) setOffer({ savedAt: found.savedAt, text: found.text });
    });
    return () => {
      current = false;
    };
  }, []);

  // Every change that differs from the saved file is kept as the draft.
  useEffect(() => {
    if (opened.readOnly || text === savedText) return;
    pending.current = text;
    enqueue(async () => {
      const latest = pending.current;
      if (latest === null) return;
      pending.current = null;
      await callApi('drafts:save', { key, scenarioId: opened.id, text: latest });
    });
  }, [text, savedText, opened.readOnly, opened.id, key, enqueue]);

  return {
    offer,
    restore: () => {
      const taken = offer?.text ?? null;
      setOffer(null);
      return taken;
    },
    discard: () => {
      setOffer(null);
      enqueue(() => callApi('drafts:discard', { key }));
    },
    saved: () => {
      pending.current = null;
      enqueue(() => callApi('drafts:discard', { key }));
    },
  };
}
