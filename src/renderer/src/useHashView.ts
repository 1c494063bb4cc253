import { useCallback, useEffect, useState } from 'react';
import { mayLeave } from './leave-guard';
import { hashForView, type View, viewFromHash } from './routes';

/** The current view, kept in the location hash so Back and Forward work. */
export function useHashView(): readonly [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const onChange = () => {
      // A view with unsaved work may keep the app where it is (and ask the user first).
      if (window.location.hash !== shown && !mayLeave(window.location.hash)) {
        window.history.replaceState(window.history.state, '', shown || '#');
        return;
      }
      shown = window.location.hash;
      setView(viewFromHash(shown));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: View) => {
    if (!mayLeave(hashForView(next))) return;
    window.location.hash = hashForView(next);
    setView(next);
  }, []);
  return [view, navigate] as const;
}
