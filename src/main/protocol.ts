import { isAbsolute, join, normalize, relative } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * Maps an `app://bundle/...` URL to a file under `root`, or null when the URL is not the app's
 * or would escape `root` (`..`, encoded separators, absolute paths).
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const candidate = normalize(join(root, relativePath));
  const fromRoot = relative(root, candidate);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return candidate;
}
