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
    const editor = new EditorView({ state, parent: host.current });
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
