import type { IpcResponse, ScenarioSummary } from '@shared/ipc';
import type { ScenarioTemplate } from '@shared/library-contract';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import type { ClashAnswer, ImportFinding, ImportProblem, TrashEntry } from './types';

/** A change of the library the screen runs; one at a time. */
export type LibraryAction =
  | 'create'
  | 'duplicate'
  | 'rename'
  | 'delete'
  | 'restore'
  | 'import'
  | 'export'
  | 'exportPack';

/** The library's translation function, in the language of the moment. */
export type LibraryT = TFunction<'library'>;

/** What the screen says about the last action: progress, a result, a failure, or a refused import. */
export type Notice =
  // Text is written when shown, in the language then, so a notice follows a change of language.
  | { readonly kind: 'progress'; readonly text: (t: LibraryT) => string }
  | { readonly kind: 'done'; readonly text: (t: LibraryT) => string }
  | { readonly kind: 'failed'; readonly text: (t: LibraryT) => string }
  | {
      readonly kind: 'invalid';
      readonly name: string;
      readonly findings: ReadonlyArray<ImportFinding>;
      readonly problems: ReadonlyArray<ImportProblem>;
    };

/** The action that runs now and what it runs on (a scenario id, a trash id, or `library`). */
export interface Busy {
  readonly action: LibraryAction;
  readonly key: string;
}

/** A dialog's answer: closes it, or shows main's reason inside it. */
export type DialogOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Main's message without the channel name it starts with (`scenarios:rename: `). */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[a-z]+:[a-z-]+: /, '');
}

/** The bytes of a file as base64, in chunks so that a large pack does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * The library screen's data and actions: the scenarios and the trash as main lists them, the one
 * action that runs, and what the last one did. Every action reads the lists again when it ends.
 */
export function useLibrary(onSelect: (id: string | null) => void) {
  const { t } = useTranslation('library');
  const [scenarios, setScenarios] = useState<ReadonlyArray<ScenarioSummary> | null>(null);
  const [trash, setTrash] = useState<ReadonlyArray<TrashEntry>>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [clash, setClash] = useState<(ClashAnswer & { readonly name: string }) | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const reload = useCallback(async () => {
    try {
      const [list, deleted] = await Promise.all([callApi('scenarios:list'), callApi('scenarios:trash')]);
      if (!mounted.current) return;
      setScenarios(list);
      setTrash(deleted);
      setLoadError(null);
    } catch (error) {
      if (mounted.current) setLoadError(reasonOf(error));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs one action: busy while it runs, then its result or failure, then the lists again. */
  const run = useCallback(
    async <T>(
      busyWith: Busy,
      progress: (t: LibraryT) => string,
      work: () => Promise<T>,
      describe: (value: T) => Notice | null,
      failure: (message: string, t: LibraryT) => string,
    ): Promise<DialogOutcome> => {
      setBusy(busyWith);
      setNotice({ kind: 'progress', text: progress });
      let result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
      try {
        result = { ok: true, value: await work() };
      } catch (error) {
        result = { ok: false, message: reasonOf(error) };
      }
      // The result shows (and a clash asks) once the lists are read again.
      await reload();
      if (mounted.current) {
        setNotice(
          result.ok ? describe(result.value) : { kind: 'failed', text: (t) => failure(result.message, t) },
        );
        setBusy(null);
      }
      return result.ok ? { ok: true } : result;
    },
    [reload],
  );

  const importAnswer = useCallback(
    (name: string, answer: IpcResponse<'scenarios:import'>): Notice | null => {
      switch (answer.status) {
        case 'imported': {
          onSelect(answer.scenario.id);
          const { scenario, clips, renamedFrom, replacedToTrash } = answer;
          const text = (t: LibraryT) => {
            const parts = [
              t('done.imported', { title: scenario.title, id: scenario.id, count: clips.length }),
            ];
            if (renamedFrom !== undefined)
              parts.push(t('done.importedAs', { from: renamedFrom, id: scenario.id }));
            if (replacedToTrash !== undefined) parts.push(t('done.replaced'));
            return parts.join(' ');
          };
          return { kind: 'done', text };
        }
        case 'invalid':
          return { kind: 'invalid', name, findings: answer.findings, problems: answer.problems };
        case 'clash':
          setClash({ ...answer, name });
          return null;
        case 'cancelled':
          return { kind: 'done', text: (t) => t('done.importCancelled') };
      }
    },
    [onSelect],
  );

  const create = useCallback(
    (template: ScenarioTemplate, title: string, wantedId: string): Promise<DialogOutcome> =>
      run(
        { action: 'create', key: 'library' },
        (t) => t('progress.create', { title }),
        async () => {
          const made = await callApi('scenarios:create', { template, title });
          if (wantedId === '' || wantedId === made.id) return { made, idError: null };
          // The trainer's id is given by a rename, which main checks like any other.
          try {
            return {
              made: await callApi('scenarios:rename', { id: made.id, newId: wantedId }),
              idError: null,
            };
          } catch (error) {
            return { made, idError: reasonOf(error) };
          }
        },
        ({ made, idError }): Notice => {
          onSelect(made.id);
          return idError === null
            ? { kind: 'done', text: (t) => t('done.created', { title: made.title, id: made.id }) }
            : {
                kind: 'failed',
                text: (t) =>
                  t('done.idNotSet', {
                    title: made.title,
                    id: made.id,
                    wanted: wantedId,
                    message: idError,
                  }),
              };
        },
        (message, t) => t('failed.create', { message }),
      ),
    [run, onSelect],
  );

  const duplicate = useCallback(
    (scenario: ScenarioSummary) =>
      run(
        { action: 'duplicate', key: scenario.id },
        (t) => t('progress.duplicate', { title: scenario.title }),
        () => callApi('scenarios:duplicate', { id: scenario.id }),
        (copy) => {
          onSelect(copy.id);
          return { kind: 'done', text: (t) => t('done.duplicated', { title: copy.title, id: copy.id }) };
        },
        (message, t) => t('failed.duplicate', { title: scenario.title, message }),
      ),
    [run, onSelect],
  );

  const rename = useCallback(
    (scenario: ScenarioSummary, newId: string, title: string) =>
      run(
        { action: 'rename', key: scenario.id },
        (t) => t('progress.rename', { title: scenario.title }),
        () =>
          callApi('scenarios:rename', {
            id: scenario.id,
            ...(newId === scenario.id ? {} : { newId }),
            ...(title === scenario.title ? {} : { title }),
          }),
        (renamed) => {
          onSelect(renamed.id);
          return { kind: 'done', text: (t) => t('done.renamed', { title: renamed.title, id: renamed.id }) };
        },
        (message, t) => t('failed.rename', { message }),
      ),
    [run, onSelect],
  );

  const remove = useCallback(
    (scenario: ScenarioSummary) =>
      run(
        { action: 'delete', key: scenario.id },
        (t) => t('progress.delete', { title: scenario.title }),
        () => callApi('scenarios:delete', { id: scenario.id }),
        (entry) => {
          onSelect(null);
          return { kind: 'done', text: (t) => t('done.deleted', { title: entry.title }) };
        },
        (message, t) => t('failed.delete', { title: scenario.title, message }),
      ),
    [run, onSelect],
  );

  const restore = useCallback(
    (entry: TrashEntry) =>
      run(
        { action: 'restore', key: entry.trashId },
        (t) => t('progress.restore', { title: entry.title }),
        () => callApi('scenarios:restore', { trashId: entry.trashId }),
        (restored) => {
          onSelect(restored.id);
          return {
            kind: 'done',
            text: (t) =>
              restored.renamedFrom === undefined
                ? t('done.restored', { title: restored.title, id: restored.id })
                : t('done.restoredAs', {
                    title: restored.title,
                    id: restored.id,
                    from: restored.renamedFrom,
                  }),
          };
        },
        (message, t) => t('failed.restore', { title: entry.title, message }),
      ),
    [run, onSelect],
  );

  const exportAs = useCallback(
    (scenario: ScenarioSummary, format: 'scenario' | 'pack') => {
      const action = format === 'pack' ? 'exportPack' : 'export';
      return run(
        { action, key: scenario.id },
        (t) => t(`progress.${action}`, { title: scenario.title }),
        () => callApi('scenarios:export', { id: scenario.id, format }),
        (answer) => ({
          kind: 'done',
          text: (t) =>
            answer.status === 'saved'
              ? t('done.exported', { title: scenario.title, path: answer.path })
              : t('done.exportCancelled'),
        }),
        (message, t) => t(`failed.${action}`, { title: scenario.title, message }),
      );
    },
    [run],
  );

  /** Imports through main's open dialog. */
  const importByDialog = useCallback(() => {
    const name = t('invalid.theFile');
    return run(
      { action: 'import', key: 'library' },
      (t) => t('progress.import', { name }),
      () => callApi('scenarios:import', { from: 'dialog' }),
      (answer) => importAnswer(name, answer),
      (message, t) => t('failed.import', { name, message }),
    );
  }, [run, importAnswer, t]);

  /** Imports a file the trainer dropped: its bytes go to main, which checks everything. */
  const importFile = useCallback(
    (file: File) =>
      run(
        { action: 'import', key: 'library' },
        (t) => t('progress.import', { name: file.name }),
        async () => {
          const bytes = new Uint8Array(await file.arrayBuffer());
          return callApi('scenarios:import', { from: 'file', name: file.name, base64: toBase64(bytes) });
        },
        (answer) => importAnswer(file.name, answer),
        (message, t) => t('failed.import', { name: file.name, message }),
      ),
    [run, importAnswer],
  );

  /** Answers the id clash of the import that waits. */
  const resolveClash = useCallback(
    (choice: 'keep-both' | 'replace' | 'cancel') => {
      if (clash === null) return Promise.resolve<DialogOutcome>({ ok: true });
      const { token, name } = clash;
      setClash(null);
      return run(
        { action: 'import', key: 'library' },
        (t) => t('progress.import', { name }),
        () => callApi('scenarios:import-resolve', { token, choice }),
        (answer) => importAnswer(name, answer),
        (message, t) => t('failed.import', { name, message }),
      );
    },
    [clash, run, importAnswer],
  );

  return {
    scenarios,
    trash,
    loadError,
    busy,
    notice,
    setNotice,
    clash,
    create,
    duplicate,
    rename,
    remove,
    restore,
    exportAs,
    importByDialog,
    importFile,
    resolveClash,
  };
}
