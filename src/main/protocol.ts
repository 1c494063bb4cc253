import { stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

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

/**
 * A response of the `app://` handler with the Content-Security-Policy (and no-sniff) header set
 * on it: responses of a custom protocol do not pass through `webRequest`, so the handler itself
 * sends the policy.
 */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The `app://` protocol handler: the file under `root` the URL names, fetched with `fetchFile`
 * (Electron's `net.fetch` of its file URL), or 404; every answer carries the CSP header.
 */
export function appProtocolHandler(
  root: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(root, request.url);
    const found =
      file !== null &&
      (await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ));
    if (!file || !found) return withSecurityHeaders(new Response('Not found', { status: 404 }));
    return withSecurityHeaders(await fetchFile(pathToFileURL(file).toString()));
  };
}
