/** The views of the app; later issues add the console and the editor. */
export const views = ['home', 'scenarios', 'about', 'history', 'overview'] as const;
/** Views reached by a link naming an assessment (`#/results/<attemptId>`), not listed in the navigation. */
export const detailViews = ['results', 'replay', 'edit'] as const;
/** One view of the app. */
export type View = (typeof views)[number] | (typeof detailViews)[number];

/** The view a location hash (`#/scenarios`, `#/results/<id>`) names; unknown hashes show the home view. */
export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return [...views, ...detailViews].includes(name as View) ? (name as View) : 'home';
}

/** The attempt id and replay time a hash names: `#/replay/<attemptId>?at=<ms>`. */
export function hashTarget(hash: string): { readonly id: string | null; readonly at: number | null } {
  const match = /^#\/?[a-z]+\/([^/?]+)(?:\?at=(\d+(?:\.\d+)?))?/.exec(hash);
  if (match === null) return { id: null, at: null };
  return { id: decodeURIComponent(match[1] ?? ''), at: match[2] === undefined ? null : Number(match[2]) };
}

/** The hash of a stored assessment's results screen. */
export function resultsHash(attemptId: string): string {
  return `#/results/${encodeURIComponent(attemptId)}`;
}

/** The hash of a stored assessment's replay, at a time (ms) when given. */
export function replayHash(attemptId: string, at?: number): string {
  const time = at === undefined ? '' : `?at=${Math.round(at)}`;
  return `#/replay/${encodeURIComponent(attemptId)}${time}`;
}

/** The hash that shows a view. */
export function hashForView(view: View): string {
  return `#/${view}`;
}

/** The hash of the scenario editor on one scenario of the library. */
export function editHash(scenarioId: string): string {
  return `#/edit/${encodeURIComponent(scenarioId)}`;
}
