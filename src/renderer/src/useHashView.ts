import { useCallback, useEffect, useState } from 'react';
import { hashForView, type View, viewFromHash } from './routes';

/** The current view, kept in the location hash so Back and Forward work. */
export function useHashView(): readonly [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: View) => {
    window.location.hash = hashForView(next);
    setView(next);
  }, []);
  return [view, navigate] as const;
}
