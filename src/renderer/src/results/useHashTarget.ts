import { useEffect, useState } from 'react';
import { hashTarget } from '../routes';

/** The attempt id and time the location hash names, kept current as the hash changes. */
export function useHashTarget(): { readonly id: string | null; readonly at: number | null } {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hashTarget(hash);
}
