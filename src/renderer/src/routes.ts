/** The views of the app; later issues add the console and the editor. */
export const views = ['home', 'scenarios', 'about'] as const;
/** One view of the app. */
export type View = (typeof views)[number];

/** The view a location hash (`#/scenarios`) names; unknown hashes show the home view. */
export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '');
  return (views as ReadonlyArray<string>).includes(name) ? (name as View) : 'home';
}

/** The hash that shows a view. */
export function hashForView(view: View): string {
  return `#/${view}`;
}
