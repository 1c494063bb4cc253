import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative } from 'node:path';

/**
 * The three origins of "Use my agent desktop": the app's page (which frames the desktop), the
 * desktop's folder, and the simulated CCP (which the desktop's Streams library frames). In the
 * app they are `app://bundle`, `desktop://folder` and `desktop://ccp`; the end-to-end tests serve
 * the same handler on 127.0.0.1 ports.
 */
export interface DesktopOrigins {
  readonly app: string;
  readonly desktop: string;
  readonly ccp: string;
}

/** The path of the simulated CCP page: a desktop passes `<ccp origin>/ccp-v2/` as its `ccpUrl`. */
export const CCP_PATH = '/ccp-v2/';

/** The `ccpUrl` a desktop is given (as `?ccpUrl=`): the simulated CCP page. */
export function ccpUrlOf(origins: DesktopOrigins): string {
  return `${origins.ccp}${CCP_PATH}`;
}

/**
 * The Content-Security-Policy of the desktop's pages: its own folder (inline script and style
 * included: they are the folder's own), frames of the simulated CCP only, no request to any
 * other origin, no plugins, no form posts, framed only by the app.
 */
export function desktopContentSecurityPolicy(origins: DesktopOrigins): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    `frame-src ${origins.ccp}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors ${origins.app}`,
  ].join('; ');
}

/**
 * The Content-Security-Policy of the simulated CCP page: its own script only, nothing else, and
 * framed only inside the app's desktop view.
 */
export function ccpContentSecurityPolicy(origins: DesktopOrigins): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${origins.app} ${origins.desktop}`,
  ].join('; ');
}

/** The simulated CCP page: it only loads its relay script. */
const CCP_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Simulated CCP</title>
  </head>
  <body>
    <p>Simulated CCP of the Conference Call Trainer.</p>
    <script src="relay.js"></script>
  </body>
</html>
`;

/**
 * The relay script of the simulated CCP page. The simulator runs in the app's page (the top
 * window), where the trainee's session lives; this page passes the conduit's messages between
 * the desktop (its parent) and the app (the top), checking the origin and the window of each
 * message both ways. It sends `hello` when it loads; the app answers with Streams'
 * `acknowledge` and the agent's state.
 */
export function ccpRelayScript(origins: DesktopOrigins): string {
  return `'use strict';
(() => {
  const APP = ${JSON.stringify(origins.app)};
  const DESKTOP = ${JSON.stringify(origins.desktop)};
  if (window.parent === window || window.top === window.parent) {
    document.body.textContent = 'The simulated CCP works only inside the app\\u2019s agent desktop view.';
    return;
  }
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && event.origin === DESKTOP) {
      window.top.postMessage({ cctConduit: 'up', message: event.data }, APP);
    } else if (event.source === window.top && event.origin === APP) {
      const data = event.data;
      if (data && data.cctConduit === 'down') window.parent.postMessage(data.message, DESKTOP);
    }
  });
  window.top.postMessage({ cctConduit: 'hello' }, APP);
})();
`;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

/** The origin of a URL as `scheme://host` (Node gives custom schemes an opaque `origin`). */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * The file of the desktop folder `root` that `pathname` (a URL path, still percent-encoded)
 * names, or null when it would leave the folder (`..`, encoded separators, NUL, absolute paths)
 * or is not a proper path. `/` is `index.html`.
 */
export function resolveDesktopFile(root: string, pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const relativePath = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const candidate = normalize(join(root, relativePath));
  const fromRoot = relative(root, candidate);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return candidate;
}

/** What the desktop handler is given: the origins, and the folder chosen now (null: none). */
export interface DesktopHandlerOptions {
  readonly origins: DesktopOrigins;
  readonly folder: () => string | null;
}

function respond(body: string | Uint8Array | null, status: number, type: string, policy: string): Response {
  return new Response(body as ConstructorParameters<typeof Response>[0], {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}

/**
 * The handler of the `desktop:` scheme, a plain Request → Response function: on the desktop
 * origin, the files of the chosen folder (and nothing outside it, symbolic links included); on
 * the CCP origin, the simulated CCP page and its relay script. Every answer carries its
 * Content-Security-Policy; anything else is a 404.
 */
export function desktopProtocolHandler(
  options: DesktopHandlerOptions,
): (request: Request) => Promise<Response> {
  const { origins } = options;
  const desktopPolicy = desktopContentSecurityPolicy(origins);
  const ccpPolicy = ccpContentSecurityPolicy(origins);
  const notFound = (policy: string, text = 'Not found') =>
    respond(text, 404, 'text/plain; charset=utf-8', policy);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound(ccpPolicy);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(ccpPolicy);
    const origin = originOf(url);
    if (origin === origins.ccp) {
      if (url.pathname === CCP_PATH || url.pathname === `${CCP_PATH}index.html`)
        return respond(CCP_HTML, 200, MIME['.html'] as string, ccpPolicy);
      if (url.pathname === `${CCP_PATH}relay.js`)
        return respond(ccpRelayScript(origins), 200, MIME['.js'] as string, ccpPolicy);
      return notFound(ccpPolicy);
    }
    if (origin !== origins.desktop) return notFound(ccpPolicy);
    const root = options.folder();
    if (root === null) return notFound(desktopPolicy, 'No agent desktop folder is chosen');
    const file = resolveDesktopFile(root, url.pathname);
    if (file === null) return notFound(desktopPolicy);
    // A symbolic link inside the folder must not lead out of it.
    const inside = await Promise.all([realpath(root), realpath(file)]).then(
      ([realRoot, realFile]) => {
        const fromRoot = relative(realRoot, realFile);
        return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
      },
      () => false,
    );
    const isFile =
      inside &&
      (await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ));
    if (!isFile) return notFound(desktopPolicy);
    const body = await readFile(file);
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return respond(request.method === 'HEAD' ? null : new Uint8Array(body), 200, type, desktopPolicy);
  };
}
