import type { ScenarioSummary } from '@shared/ipc';
import {
  LibraryScenarioIdSchema,
  type ScenarioTemplate,
  ScenarioTemplateSchema,
} from '@shared/library-contract';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ClashAnswer } from './types';
import type { DialogOutcome } from './useLibrary';

/** A modal dialog: focus stays inside, Escape closes it (not while it works), focus goes back after. */
function LibraryDialog(props: {
  readonly title: string;
  readonly role?: 'dialog' | 'alertdialog';
  readonly working: boolean;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  return (
    <ModalOverlay
      isOpen
      isDismissable={!props.working}
      isKeyboardDismissDisabled={props.working}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      className="library-overlay"
    >
      <Modal className="library-modal">
        <Dialog role={props.role ?? 'dialog'} className="library-dialog">
          <Heading slot="title">{props.title}</Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The message the id schema of the contract gives for an id, or null when it accepts it. */
function idProblem(id: string): string | null {
  const parsed = LibraryScenarioIdSchema.safeParse(id);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid');
}

/** Runs a dialog's action: its button is busy meanwhile; main's refusal stays in the dialog. */
function useDialogAction(onClose: () => void) {
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (action: () => Promise<DialogOutcome>) => {
    setWorking(true);
    setError(null);
    const outcome = await action();
    setWorking(false);
    if (outcome.ok) onClose();
    else setError(outcome.message);
  };
  return { working, error, setError, submit };
}

/**
 * The form of a dialog that asks for a title and an id: what comes before them (`children`), the
 * title (required), the id with its hint, main's or the form's refusal, and submit and cancel.
 */
function TitleIdForm(props: {
  readonly title: string;
  readonly onTitle: (title: string) => void;
  readonly id: string;
  readonly onId: (id: string) => void;
  /** Which dialog: its labels, hint and buttons. */
  readonly kind: 'create' | 'rename';
  readonly working: boolean;
  readonly error: string | null;
  readonly onSubmit: (event: FormEvent) => void;
  readonly onClose: () => void;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation('library');
  const { working, error } = props;
  const strings = props.kind === 'create' ? 'create' : 'renameDialog';
  const errorId = useId();
  const hintId = useId();
  const described = error === null ? undefined : errorId;
  return (
    <form className="library-form" onSubmit={props.onSubmit} noValidate>
      {props.children}
      <label>
        {t(`${strings}.titleLabel`)}
        <input
          type="text"
          value={props.title}
          maxLength={120}
          aria-required="true"
          aria-describedby={described}
          onChange={(event) => props.onTitle(event.target.value)}
        />
      </label>
      <label>
        {t(`${strings}.idLabel`)}
        <input
          type="text"
          value={props.id}
          spellCheck={false}
          aria-describedby={[hintId, described].filter(Boolean).join(' ')}
          onChange={(event) => props.onId(event.target.value)}
        />
      </label>
      <p id={hintId} className="library-hint">
        {t(`${strings}.idHint`)}
      </p>
      {error !== null && (
        <p id={errorId} role="alert" className="library-error">
          {error}
        </p>
      )}
      <div className="library-dialog-buttons">
        <button type="submit" disabled={working} aria-busy={working || undefined}>
          {working ? t(`busy.${props.kind}`) : t(`${strings}.submit`)}
        </button>
        <button type="button" className="secondary" disabled={working} onClick={props.onClose}>
          {t(`${strings}.cancel`)}
        </button>
      </div>
    </form>
  );
}

/** Asks for a template, a title and (optionally) an id; main makes the scenario. */
export function CreateDialog(props: {
  readonly scenarios: ReadonlyArray<ScenarioSummary>;
  readonly onCreate: (template: ScenarioTemplate, title: string, id: string) => Promise<DialogOutcome>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('library');
  const [template, setTemplate] = useState<ScenarioTemplate>('three-party');
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const { working, error, setError, submit } = useDialogAction(props.onClose);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = id.trim();
    if (title.trim() === '') return setError(t('create.titleRequired'));
    if (wanted !== '') {
      const problem = idProblem(wanted);
      if (problem !== null) return setError(t('idRefused', { id: wanted, message: problem }));
      // Giving a taken id would leave a scenario under another id: say so before anything is made.
      const holder = props.scenarios.find((scenario) => scenario.id === wanted);
      if (holder !== undefined) return setError(t('idTaken', { id: wanted, title: holder.title }));
    }
    void submit(() => props.onCreate(template, title.trim(), wanted));
  };
  return (
    <LibraryDialog title={t('create.title')} working={working} onClose={props.onClose}>
      <TitleIdForm
        title={title}
        onTitle={setTitle}
        id={id}
        onId={setId}
        kind="create"
        working={working}
        error={error}
        onSubmit={onSubmit}
        onClose={props.onClose}
      >
        <fieldset>
          <legend>{t('create.template')}</legend>
          {ScenarioTemplateSchema.options.map((option) => (
            <label key={option} className="library-radio">
              <input
                type="radio"
                name="template"
                value={option}
                checked={template === option}
                onChange={() => setTemplate(option)}
              />
              <span>
                {t(`create.templates.${option}`)}
                <small>{t(`create.templateHints.${option}`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
      </TitleIdForm>
    </LibraryDialog>
  );
}

/** Asks for a user scenario's new title and id; main renames it or says why not. */
export function RenameDialog(props: {
  readonly scenario: ScenarioSummary;
  readonly onRename: (newId: string, title: string) => Promise<DialogOutcome>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('library');
  const { scenario } = props;
  const [title, setTitle] = useState(scenario.title);
  const [id, setId] = useState(scenario.id);
  const { working, error, setError, submit } = useDialogAction(props.onClose);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nextTitle = title.trim();
    const nextId = id.trim();
    if (nextTitle === '') return setError(t('create.titleRequired'));
    if (nextTitle === scenario.title && nextId === scenario.id) return setError(t('renameDialog.unchanged'));
    void submit(() => props.onRename(nextId, nextTitle));
  };
  return (
    <LibraryDialog
      title={t('renameDialog.title', { title: scenario.title })}
      working={working}
      onClose={props.onClose}
    >
      <TitleIdForm
        title={title}
        onTitle={setTitle}
        id={id}
        onId={setId}
        kind="rename"
        working={working}
        error={error}
        onSubmit={onSubmit}
        onClose={props.onClose}
      />
    </LibraryDialog>
  );
}

/** Asks before a user scenario goes to the trash. */
export function DeleteDialog(props: {
  readonly scenario: ScenarioSummary;
  readonly onDelete: () => Promise<DialogOutcome>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('library');
  const { working, submit } = useDialogAction(props.onClose);
  return (
    <LibraryDialog
      role="alertdialog"
      title={t('deleteDialog.title', { title: props.scenario.title })}
      working={working}
      onClose={props.onClose}
    >
      <p>{t('deleteDialog.body')}</p>
      <div className="library-dialog-buttons">
        <button
          type="button"
          className="danger"
          disabled={working}
          aria-busy={working || undefined}
          // A failure is reported on the screen; the dialog has nothing more to ask.
          onClick={() =>
            void submit(async () => {
              await props.onDelete();
              return { ok: true };
            })
          }
        >
          {working ? t('busy.delete') : t('deleteDialog.submit')}
        </button>
        <button type="button" className="secondary" disabled={working} onClick={props.onClose}>
          {t('deleteDialog.cancel')}
        </button>
      </div>
    </LibraryDialog>
  );
}

/** An imported scenario's id is taken: keep both, replace (not a bundled one), or cancel. */
export function ClashDialog(props: {
  readonly clash: ClashAnswer;
  readonly onChoose: (choice: 'keep-both' | 'replace' | 'cancel') => void;
}) {
  const { t } = useTranslation('library');
  const { clash } = props;
  const replaceHintId = useId();
  return (
    <LibraryDialog
      role="alertdialog"
      title={t('clash.title', { id: clash.id })}
      working={false}
      onClose={() => props.onChoose('cancel')}
    >
      <p>
        {t('clash.body', {
          id: clash.id,
          existing: clash.existing.title,
          source: t(`source.${clash.existing.source}`),
          incoming: clash.incomingTitle,
        })}
      </p>
      <ul className="library-choices">
        <li>
          <button type="button" onClick={() => props.onChoose('keep-both')}>
            {t('clash.keepBoth')}
          </button>
          <span className="library-hint">{t('clash.keepBothHint')}</span>
        </li>
        <li>
          <button
            type="button"
            className="danger"
            disabled={!clash.canReplace}
            aria-describedby={replaceHintId}
            onClick={() => props.onChoose('replace')}
          >
            {t('clash.replace')}
          </button>
          <span id={replaceHintId} className="library-hint">
            {clash.canReplace ? t('clash.replaceHint') : t('clash.replaceBundled')}
          </span>
        </li>
      </ul>
      <div className="library-dialog-buttons">
        <button type="button" className="secondary" onClick={() => props.onChoose('cancel')}>
          {t('clash.cancel')}
        </button>
      </div>
    </LibraryDialog>
  );
}
