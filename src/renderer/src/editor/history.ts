/**
 * The editor's document and its undo history: whole-document states (the file's text), so that
 * undo and redo work the same across the form and the JSON view.
 */

/** The document with what undo and redo return to. */
export interface DocumentHistory {
  readonly text: string;
  readonly past: ReadonlyArray<string>;
  readonly future: ReadonlyArray<string>;
  /**
   * What the last edit changed (a field's path, or the JSON view) and when: further edits of the
   * same thing within a second join it, so that undo takes back a word, not a letter.
   */
  readonly last: { readonly key: string; readonly at: number } | null;
}

/** How many states undo keeps. */
export const HISTORY_LIMIT = 200;

/** How long edits of the same thing join into one undo step (ms). */
export const JOIN_WITHIN_MS = 1000;

/** A change of the document's history. */
export type HistoryAction =
  | { readonly type: 'edit'; readonly text: string; readonly key: string; readonly at: number }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'reset'; readonly text: string };

/** A history that starts at a text. */
export function startHistory(text: string): DocumentHistory {
  return { text, past: [], future: [], last: null };
}

/** The history after an action. */
export function historyReducer(state: DocumentHistory, action: HistoryAction): DocumentHistory {
  switch (action.type) {
    case 'edit': {
      if (action.text === state.text) return state;
      const joins =
        state.last !== null &&
        state.last.key === action.key &&
        action.at - state.last.at <= JOIN_WITHIN_MS &&
        state.past.length > 0;
      const past = joins ? state.past : [...state.past, state.text].slice(-HISTORY_LIMIT);
      return { text: action.text, past, future: [], last: { key: action.key, at: action.at } };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (previous === undefined) return state;
      return {
        text: previous,
        past: state.past.slice(0, -1),
        future: [state.text, ...state.future],
        last: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return { text: next, past: [...state.past, state.text], future: rest, last: null };
    }
    case 'reset':
      return startHistory(action.text);
  }
}
