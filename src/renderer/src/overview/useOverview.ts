import type { ImportedAssessment } from '@shared/ipc';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../api';
import type { OverviewRow } from './stats';

/** The most bytes of dropped files sent to main in one request (the bridge takes 8 MB). */
const BATCH_BYTES = 6_000_000;

/** What the last import said. */
export type ImportStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly count: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** Splits dropped files into requests under the bridge's size limit. */
export function batches<T extends { readonly text: string }>(
  files: ReadonlyArray<T>,
  limit = BATCH_BYTES,
): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && size + file.text.length > limit) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.text.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** The stored assessments (re-checked by main) and the imported files of the class overview. */
export function useOverview() {
  const [stored, setStored] = useState<ReadonlyArray<OverviewRow> | null>(null);
  const [imported, setImported] = useState<ReadonlyArray<OverviewRow>>([]);
  const [rejected, setRejected] = useState<ReadonlyArray<{ name: string; error: string }>>([]);
  const [status, setStatus] = useState<ImportStatus>({ kind: 'idle' });

  useEffect(() => {
    let current = true;
    (async () => {
      const list = await callApi('assessments:list');
      return Promise.all(
        list.map(async (summary): Promise<OverviewRow> => {
          const [assessment, check] = await Promise.all([
            callApi('assessments:get', { attemptId: summary.attemptId }),
            callApi('assessments:verify', { attemptId: summary.attemptId }).catch(() => null),
          ]);
          return { key: `stored:${summary.attemptId}`, source: 'stored', file: null, assessment, check };
        }),
      );
    })().then(
      (rows) => current && setStored(rows),
      () => current && setStored([]),
    );
    return () => {
      current = false;
    };
  }, []);

  const take = useCallback((files: ReadonlyArray<ImportedAssessment>) => {
    const rows: OverviewRow[] = [];
    const bad: { name: string; error: string }[] = [];
    files.forEach((file) => {
      if (file.ok) {
        rows.push({
          key: `imported:${file.name}:${file.assessment.attemptId}:${Math.random().toString(36).slice(2)}`,
          source: 'imported',
          file: file.name,
          assessment: file.assessment,
          check: file.check,
        });
      } else {
        bad.push({ name: file.name, error: file.error });
      }
    });
    setImported((known) => [...known, ...rows]);
    setRejected((known) => [...known, ...bad]);
    setStatus({ kind: 'done', count: files.length });
  }, []);

  const run = useCallback(
    async (load: () => Promise<ReadonlyArray<ImportedAssessment> | null>) => {
      setStatus({ kind: 'busy' });
      try {
        const files = await load();
        if (files === null) setStatus({ kind: 'cancelled' });
        else take(files);
      } catch (error) {
        setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [take],
  );

  /** Opens main's file dialog. */
  const importByDialog = useCallback(
    () =>
      run(async () => {
        const answer = await callApi('assessments:import-files', {});
        return answer.status === 'imported' ? answer.files : null;
      }),
    [run],
  );

  /** Sends dropped files' text to main to be validated and re-graded. */
  const importDropped = useCallback(
    (files: ReadonlyArray<File>) =>
      run(async () => {
        const texts = await Promise.all(
          files.map(async (file) => ({ name: file.name, text: await file.text() })),
        );
        const results: ImportedAssessment[] = [];
        for (const batch of batches(texts)) {
          const answer = await callApi('assessments:import-files', { files: batch });
          if (answer.status === 'imported') results.push(...answer.files);
        }
        return results;
      }),
    [run],
  );

  return { stored, imported, rejected, status, importByDialog, importDropped };
}
