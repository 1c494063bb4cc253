import type { IpcResponse } from '@shared/ipc';
// Deep imports: through the package's index, the loader would join the app's first bundle.
import { type Finding, jsonPath } from '@shared/scenario/format/findings';
import { loadScenario } from '@shared/scenario/library/load';
import {
  type KeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import scenarioSchema from '../../../../resources/schema/scenario.schema.json';
import { callApi } from '../api';
import { setLeaveGuard } from '../leave-guard';
import { checksHash, editHash } from '../routes';
import { ClipsPanel, renameClip } from './ClipsPanel';
import { helpKey } from './help';
import { historyReducer, startHistory } from './history';
import { JsonView, type JsonViewHandle } from './JsonView';
import { EditorLeaveDialog } from './LeaveDialog';
import { focusPath, ObjectField, SchemaField, SchemaForm } from './schema-form/SchemaForm';
import { type JsonSchema, type PathSegment, parseJsonPath, setAt } from './schema-form/schema';
import { listSections, type Section, sectionOf, sections } from './sections';
import { useDraft } from './useDraft';
import './editor.css';

const SCHEMA = scenarioSchema as unknown as JsonSchema;

/** The document's text as the form writes it: two-space indented JSON with a final newline. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly warnings: number }
  | { readonly kind: 'invalid'; readonly errors: number }
  | { readonly kind: 'failed'; readonly message: string };

/** The scenario editor: a form from the schema and a raw JSON view of one document, validated as it changes. */
export function ScenarioEditor(props: { readonly opened: IpcResponse<'scenarios:open'> }) {
  const { t, i18n } = useTranslation('editor');
  const { opened } = props;
  const readOnly = opened.readOnly;
  const [history, dispatch] = useReducer(historyReducer, opened.text, startHistory);
  const [savedText, setSavedText] = useState(opened.text);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [section, setSection] = useState<Section>('metadata');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [focusRequest, setFocusRequest] = useState<{ segments: ReadonlyArray<PathSegment> } | null>(null);
  const [jsonJump, setJsonJump] = useState<{ line: number; column: number } | null>(null);
  const [pendingLeave, setPendingLeave] = useState<string | null>(null);
  const [duplicateError, setDuplicateError] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const jsonHandle = useRef<JsonViewHandle | null>(null);
  const leaving = useRef(false);

  const { text } = history;
  const dirty = text !== savedText;
  const parsed = useMemo(() => parse(text), [text]);
  const lastValid = useRef<unknown>(null);
  if (parsed.ok) lastValid.current = parsed.value;
  const formValue = parsed.ok ? parsed.value : lastValid.current;

  // The same loader main uses for `scenarios:open`: findings with JSON paths, lines and columns.
  const checkedText = useDeferredValue(text);
  const findings = useMemo(() => loadScenario(checkedText).findings, [checkedText]);
  const checking = checkedText !== text;
  const findingsByPath = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) map.set(f.path, [...(map.get(f.path) ?? []), f]);
    return map;
  }, [findings]);
  const syntaxError = parsed.ok
    ? null
    : (findings.find((f) => f.code === 'malformed-json' || f.code === 'not-json') ?? null);

  const draft = useDraft(opened, text, savedText);
  const helpFor = useCallback(
    (segments: ReadonlyArray<PathSegment>) => {
      const key = helpKey(segments);
      return key === null ? undefined : t(`help.${key}`);
    },
    [t],
  );

  const edit = useCallback((next: string, key: string) => {
    dispatch({ type: 'edit', text: next, key, at: Date.now() });
  }, []);
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);

  const onSet = useCallback(
    (segments: ReadonlyArray<PathSegment>, value: unknown) => {
      if (!parsed.ok || readOnly) return;
      edit(serialise(setAt(parsed.value, segments, value)), `form:${jsonPath(segments)}`);
    },
    [parsed, readOnly, edit],
  );

  const onRenameClip = useCallback(
    (from: string, to: string) => {
      if (!parsed.ok || readOnly) return;
      edit(serialise(renameClip(parsed.value, from, to)), `clip:${from}`);
    },
    [parsed, readOnly, edit],
  );

  // Leaving with unsaved changes asks first: in the app through the hash, and when the window closes.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(
    () =>
      setLeaveGuard((next) => {
        if (!dirtyRef.current || leaving.current) return true;
        setPendingLeave(next);
        return false;
      }),
    [],
  );
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  useEffect(() => {
    if (focusRequest === null || formRef.current === null) return;
    focusPath(formRef.current, focusRequest.segments);
  }, [focusRequest]);
  useEffect(() => {
    if (jsonJump === null || view !== 'json') return;
    jsonHandle.current?.jumpTo(jsonJump.line, jsonJump.column);
  }, [jsonJump, view]);

  const jump = (f: Finding) => {
    if (view === 'json' || !parsed.ok) {
      setView('json');
      setJsonJump({ line: f.line ?? 1, column: f.column ?? 1 });
      return;
    }
    const segments = parseJsonPath(f.path);
    setSection(sectionOf(segments));
    setFocusRequest({ segments });
  };

  const save = async (): Promise<boolean> => {
    const saving = text;
    setStatus({ kind: 'saving' });
    try {
      const answer = await callApi('scenarios:save', { id: opened.id, text: saving });
      if (answer.status === 'invalid') {
        setStatus({ kind: 'invalid', errors: answer.findings.filter((f) => f.severity === 'error').length });
        return false;
      }
      setSavedText(saving);
      draft.saved();
      setStatus({
        kind: 'saved',
        warnings: answer.scenario.findings.filter((f) => f.severity === 'warning').length,
      });
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };

  const leaveTo = (hash: string) => {
    leaving.current = true;
    setPendingLeave(null);
    window.location.hash = hash;
  };

  const duplicate = async () => {
    try {
      const copy = await callApi('scenarios:duplicate', { id: opened.id });
      leaveTo(editHash(copy.id));
    } catch (error) {
      setDuplicateError(error instanceof Error ? error.message : String(error));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
    else if (key === 's') void save();
    else return;
    event.preventDefault();
  };

  const title =
    parsed.ok && typeof (parsed.value as { title?: unknown } | null)?.title === 'string'
      ? String((parsed.value as { title: string }).title)
      : opened.title;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const perSection = new Map<Section, number>();
  for (const f of findings) {
    const s = sectionOf(parseJsonPath(f.path));
    perSection.set(s, (perSection.get(s) ?? 0) + 1);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys are shortcuts of the buttons in the toolbar
    <div className="scenario-editor" onKeyDown={onKeyDown}>
      <h1 id="editor-title">{t('title', { title })}</h1>
      {readOnly ? (
        <div className="editor-banner" role="note">
          <p>{t('readOnly')}</p>
          <button type="button" onClick={() => void duplicate()}>
            {t('duplicate')}
          </button>
          {duplicateError === null ? null : (
            <p role="alert">{t('duplicateFailed', { message: duplicateError })}</p>
          )}
        </div>
      ) : null}
      {draft.offer === null ? null : (
        <div className="editor-banner" role="alert">
          <p>
            {t('draft.offer', {
              time: new Date(draft.offer.savedAt).toLocaleString(i18n.language),
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              const restored = draft.restore();
              if (restored !== null) edit(restored, 'draft');
            }}
          >
            {t('draft.restore')}
          </button>
          <button type="button" onClick={() => draft.discard()}>
            {t('draft.discard')}
          </button>
        </div>
      )}
      <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <button type="button" onClick={() => void save()} disabled={readOnly || status.kind === 'saving'}>
          {t('save')}
        </button>
        <button
          type="button"
          onClick={undo}
          disabled={history.past.length === 0}
          aria-keyshortcuts="Control+Z"
        >
          {t('undo')}
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={history.future.length === 0}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          {t('redo')}
        </button>
        <fieldset className="editor-view-switch">
          <legend className="visually-hidden">{t('views')}</legend>
          {(['form', 'json'] as const).map((name) => (
            <button type="button" key={name} aria-pressed={view === name} onClick={() => setView(name)}>
              {t(name === 'form' ? 'formView' : 'jsonView')}
            </button>
          ))}
        </fieldset>
        <a href={checksHash(opened.id)}>{t('checks')}</a>
        <span className={dirty ? 'editor-dirty' : 'editor-clean'}>
          {dirty ? t('unsaved') : t('allSaved')}
        </span>
        <p role="status" className="editor-status">
          {statusText(status, t)}
        </p>
      </div>
      <div className="editor-body">
        {view === 'form' ? (
          <div className="editor-form-area">
            <nav aria-label={t('sections')} className="editor-sections">
              <ul>
                {sections.map((name) => (
                  <li key={name}>
                    <button
                      type="button"
                      aria-current={section === name ? 'true' : undefined}
                      onClick={() => setSection(name)}
                    >
                      {t(`section.${name}`)}
                      {perSection.get(name) ? ` (${perSection.get(name)})` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="editor-form" ref={formRef}>
              {syntaxError === null && parsed.ok ? null : (
                <p role="alert" className="editor-syntax-error">
                  {t('syntaxError', {
                    line: syntaxError?.line ?? 1,
                    column: syntaxError?.column ?? 1,
                    message: syntaxError?.message ?? '',
                  })}
                </p>
              )}
              <SchemaForm
                root={SCHEMA}
                findings={findingsByPath}
                onSet={onSet}
                readOnly={readOnly || !parsed.ok}
                helpFor={helpFor}
              >
                <FormSection section={section} value={formValue} label={t(`section.${section}`)} />
              </SchemaForm>
              <ClipsPanel
                scenarioId={opened.id}
                value={formValue}
                known={opened.clips}
                readOnly={readOnly}
                onRename={onRenameClip}
              />
            </div>
          </div>
        ) : (
          <JsonView
            text={text}
            findings={findings}
            schema={SCHEMA}
            value={formValue}
            readOnly={readOnly}
            label={t('jsonLabel')}
            onChange={(next) => edit(next, 'json')}
            onUndo={undo}
            onRedo={redo}
            handle={jsonHandle}
          />
        )}
        <FindingsList findings={findings} checking={checking} counts={counts} onJump={jump} />
      </div>
      {pendingLeave === null ? null : (
        <EditorLeaveDialog
          title={title}
          onStay={() => setPendingLeave(null)}
          onSave={async () => {
            const target = pendingLeave;
            if (await save()) leaveTo(target);
            else setPendingLeave(null);
          }}
          onDiscard={() => {
            draft.saved();
            leaveTo(pendingLeave);
          }}
          canSave={!readOnly}
        />
      )}
    </div>
  );
}

function statusText(
  status: SaveStatus,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'saving':
      return t('saving');
    case 'saved':
      return status.warnings > 0 ? t('savedWithWarnings', { count: status.warnings }) : t('saved');
    case 'invalid':
      return t('notSaved', { count: status.errors });
    case 'failed':
      return t('saveFailed', { message: status.message });
  }
}

const SECTION_KEYS: Readonly<Record<string, string>> = {
  parties: 'parties',
  script: 'script',
  goals: 'goals',
  questions: 'questions',
  rubric: 'rubric',
  reference: 'reference',
  tests: 'tests',
};

/** One section of the form: part of the root object, or one of its properties. */
function FormSection(props: { readonly section: Section; readonly value: unknown; readonly label: string }) {
  const value = (props.value !== null && typeof props.value === 'object' ? props.value : {}) as Record<
    string,
    unknown
  >;
  const call = SCHEMA.properties?.call as JsonSchema;
  switch (props.section) {
    case 'metadata':
      return (
        <ObjectField
          schema={SCHEMA}
          segments={[]}
          value={value}
          label={props.label}
          except={['call', ...listSections]}
        />
      );
    case 'call':
      return (
        <ObjectField
          schema={call}
          segments={['call']}
          value={value.call}
          label={props.label}
          except={['instance']}
        />
      );
    case 'instance':
      return (
        <SchemaField
          schema={call.properties?.instance as JsonSchema}
          segments={['call', 'instance']}
          value={(value.call as Record<string, unknown> | undefined)?.instance}
          label={props.label}
        />
      );
    default: {
      const key = SECTION_KEYS[props.section] as string;
      return (
        <SchemaField
          schema={SCHEMA.properties?.[key] as JsonSchema}
          segments={[key]}
          value={value[key]}
          label={props.label}
        />
      );
    }
  }
}

function FindingsList(props: {
  readonly findings: ReadonlyArray<Finding>;
  readonly checking: boolean;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly onJump: (f: Finding) => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <section className="editor-findings" aria-labelledby="editor-findings-title">
      <h2 id="editor-findings-title">{t('findings.title')}</h2>
      <p aria-live="polite">
        {props.findings.length === 0
          ? t('findings.none')
          : t('findings.summary', {
              errors: props.counts.error,
              warnings: props.counts.warning,
              infos: props.counts.info,
            })}
        {props.checking ? ` ${t('findings.checking')}` : ''}
      </p>
      <ul>
        {props.findings.map((f, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two findings may share path and code
          <li key={`${f.path}-${f.code}-${index}`} className={`finding-${f.severity}`}>
            <button
              type="button"
              onClick={() => props.onJump(f)}
              aria-label={`${t(`findings.severity.${f.severity}`)}: ${f.message}. ${t('findings.jump', { path: f.path })}`}
            >
              <span className="finding-severity">{t(`findings.severity.${f.severity}`)}</span> {f.message}
              <span className="finding-where">
                {f.path}
                {f.line === undefined
                  ? ''
                  : ` · ${t('findings.at', { line: f.line, column: f.column ?? 1 })}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
