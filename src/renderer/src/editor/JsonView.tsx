import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, EditorSelection, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Finding } from '@shared/scenario';
import { type RefObject, useEffect, useImperativeHandle, useRef } from 'react';
import { findingDiagnostics, offsetOf, schemaCompletion, schemaHover } from './json-support';
import type { JsonSchema } from './schema-form/schema';

/** What the editor screen does with the JSON view. */
export interface JsonViewHandle {
  /** Moves the cursor to a line and column, scrolls there and focuses the view. */
  readonly jumpTo: (line: number, column: number) => void;
}

/**
 * CodeMirror's look. The view lives in a shadow root: there its styles are constructed style
 * sheets, which the page's Content-Security-Policy (`style-src 'self'`) allows, where the
 * `<style>` elements it would add to the document are refused. The app's colours (custom
 * properties) reach into the shadow root.
 */
const theme = EditorView.theme({
  '&': {
    minHeight: '20rem',
    maxHeight: 'calc(100vh - 12rem)',
    backgroundColor: 'var(--panel)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
  },
  '.cm-scroller': { fontFamily: 'ui-monospace, monospace', lineHeight: '1.45' },
  '.cm-gutters': {
    backgroundColor: 'var(--bg)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'rgb(10 102 194 / 8%)' },
  '.editor-hover': { maxWidth: '28rem', padding: '0.3rem 0.5rem' },
  '.editor-hover p': { margin: '0.2rem 0 0' },
});

/** Marks the view's own updates from the document (form edits, undo), which are not the trainer's typing. */
const fromOutside = Annotation.define<boolean>();

/** The raw JSON of the scenario in CodeMirror 6, with completion, hover and the findings as diagnostics. */
export function JsonView(props: {
  readonly text: string;
  readonly findings: ReadonlyArray<Finding>;
  readonly schema: JsonSchema;
  /** The document's last valid value, to pick the variant of a union for completion and hover. */
  readonly value: unknown;
  readonly readOnly: boolean;
  readonly label: string;
  readonly describedBy?: string;
  readonly onChange: (text: string) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly handle: RefObject<JsonViewHandle | null>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is made once; later props reach it through `latest` and the effects below
  useEffect(() => {
    if (host.current === null) return;
    const currentValue = () => latest.current.value;
    const state = EditorState.create({
      doc: props.text,
      extensions: [
        theme,
        // Briefings and lines are long: they wrap rather than scroll sideways.
        EditorView.lineWrapping,
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        json(),
        lintGutter(),
        autocompletion({ override: [schemaCompletion(props.schema, currentValue)] }),
        schemaHover(props.schema, currentValue),
        keymap.of([
          // Undo and redo are the editor's own, over the whole document, form edits included.
          {
            key: 'Mod-z',
            run: () => {
              latest.current.onUndo();
              return true;
            },
            preventDefault: true,
          },
          {
            key: 'Mod-Shift-z',
            run: () => {
              latest.current.onRedo();
              return true;
            },
            preventDefault: true,
          },
          {
            key: 'Mod-y',
            run: () => {
              latest.current.onRedo();
              return true;
            },
            preventDefault: true,
          },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...defaultKeymap,
          indentWithTab,
        ]),
        EditorState.readOnly.of(props.readOnly),
        EditorView.contentAttributes.of({
          'aria-label': props.label,
          ...(props.describedBy === undefined ? {} : { 'aria-describedby': props.describedBy }),
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          if (update.transactions.some((tr) => tr.annotation(fromOutside))) return;
          latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.replaceChildren(parent);
    const editor = new EditorView({ state, parent, root: shadow });
    view.current = editor;
    editor.dispatch(setDiagnostics(editor.state, findingDiagnostics(editor.state, props.findings)));
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // The document changed elsewhere (the form, undo, a restored draft): the view shows it.
  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    const current = editor.state.doc.toString();
    if (current === props.text) return;
    // Only the changed middle is replaced, so that the cursor and scroll stay where they were.
    let start = 0;
    while (start < current.length && start < props.text.length && current[start] === props.text[start])
      start++;
    let endOld = current.length;
    let endNew = props.text.length;
    while (endOld > start && endNew > start && current[endOld - 1] === props.text[endNew - 1]) {
      endOld--;
      endNew--;
    }
    editor.dispatch({
      changes: { from: start, to: endOld, insert: props.text.slice(start, endNew) },
      annotations: fromOutside.of(true),
    });
  }, [props.text]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    editor.dispatch(setDiagnostics(editor.state, findingDiagnostics(editor.state, props.findings)));
  }, [props.findings]);

  useImperativeHandle(
    props.handle,
    () => ({
      jumpTo: (line, column) => {
        const editor = view.current;
        if (editor === null) return;
        const at = offsetOf(editor.state, line, column);
        editor.dispatch({
          selection: EditorSelection.cursor(at),
          effects: EditorView.scrollIntoView(at, { y: 'center' }),
        });
        editor.focus();
      },
    }),
    [],
  );

  return <div className="editor-json" ref={host} />;
}
