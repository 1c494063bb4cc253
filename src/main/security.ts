import type { App, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The app's own scheme: the renderer is served from `app://bundle/`, never from file://. */
export const APP_SCHEME = 'app';
/** The host under which the renderer's files are served. */
export const APP_HOST = 'bundle';
/** The origin of every page the app may show. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The scheme of "Use my agent desktop": `desktop://folder/` serves the folder the user chose,
 * `desktop://ccp/` the simulated CCP page. Both are origins of their own, not the app's.
 */
export const DESKTOP_SCHEME = 'desktop';
/** The origin of the user's agent desktop (its folder's files). */
export const DESKTOP_ORIGIN = `${DESKTOP_SCHEME}://folder`;
/** The origin of the simulated CCP page the desktop's Streams library frames. */
export const CCP_ORIGIN = `${DESKTOP_SCHEME}://ccp`;

/**
 * The Content-Security-Policy of the app's pages: nothing from remote origins, no inline script,
 * no eval; `connect-src 'self'` lets howler fetch the bundled audio, `media-src` lets it play;
 * the only frame is the user's agent desktop (`frameOrigin`).
 */
export function appContentSecurityPolicy(frameOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob: data:",
    "connect-src 'self'",
    `frame-src ${frameOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The Content-Security-Policy of every page of the app. The same string is written into
 * `src/renderer/index.html` (a test checks they agree).
 */
export const CONTENT_SECURITY_POLICY = appContentSecurityPolicy(DESKTOP_ORIGIN);

/**
 * The window's web preferences: isolated, sandboxed, no Node, web security on; DevTools only
 * when `devTools` is true (development and tests, never a packaged build).
 */
export function secureWebPreferences(
  preloadPath: string,
  devTools = false,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** True when `url` is one of the app's own pages (or the dev server's, in development). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * True when a frame inside the app's page may show `url`: the user's agent desktop and the
 * simulated CCP (and an empty frame), nothing else.
 */
export function isFrameUrl(url: string): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  try {
    // Custom schemes have an opaque `origin` in Node's URL: compare scheme and host.
    const { protocol, host } = new URL(url);
    const origin = `${protocol}//${host}`;
    return origin === DESKTOP_ORIGIN || origin === CCP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Denies what a training console never needs: navigation away from the app, new windows,
 * `<webview>` tags. Links that open a new window are refused, not opened in the system browser:
 * the app works offline and shows nothing from the web. A frame (the agent desktop and its
 * simulated CCP) may navigate only within those two origins.
 */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isFrameUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** What a permission request tells about who asks (the fields of Electron's request details used). */
export interface PermissionRequestFacts {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
  readonly mediaTypes?: ReadonlyArray<string>;
}

/**
 * True for the one permission the app grants: the microphone (`media` with audio only), asked
 * by the app's own page (its main frame), to record a scenario's audio clips. The agent desktop
 * and the simulated CCP (frames of other origins), video, screens and every other permission
 * are refused.
 */
export function mayGrantPermission(
  permission: string,
  details: PermissionRequestFacts | undefined,
  devServerUrl?: string,
): boolean {
  if (permission !== 'media' || details === undefined) return false;
  if (details.isMainFrame !== true) return false;
  if (typeof details.requestingUrl !== 'string' || !isAppUrl(details.requestingUrl, devServerUrl))
    return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

/** What a permission check tells about who asks (the fields of Electron's check details used). */
export interface PermissionCheckFacts {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
  readonly mediaType?: string;
}

/** The permission check's answer: as {@link mayGrantPermission}, for the app page's microphone only. */
export function mayCheckPermission(
  permission: string,
  requestingOrigin: string | undefined,
  details: PermissionCheckFacts | undefined,
  devServerUrl?: string,
): boolean {
  if (permission !== 'media' || details === undefined) return false;
  if (details.isMainFrame !== true || details.mediaType !== 'audio') return false;
  if (typeof requestingOrigin !== 'string' || !isAppUrl(requestingOrigin, devServerUrl)) return false;
  return typeof details.requestingUrl !== 'string' || isAppUrl(details.requestingUrl, devServerUrl);
}

/**
 * Denies every permission request (camera, notifications, geolocation…) but the app page's own
 * microphone (see {@link mayGrantPermission}), and adds the Content-Security-Policy header to
 * every response the session serves, except the agent desktop's and the simulated CCP's, which
 * keep their own.
 */
export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayGrantPermission(permission, details as PermissionRequestFacts | undefined, devServerUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayCheckPermission(permission, requestingOrigin, details, devServerUrl),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    // The agent desktop and the simulated CCP carry their own policies (see src/main/desktop).
    if (isFrameUrl(details.url) && !details.url.startsWith('about:')) {
      callback({ responseHeaders: details.responseHeaders });
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/**
 * Hardens every web contents the app ever creates (windows, frames, anything a future change
 * adds), not only the main window's: navigation away, new windows and `<webview>` are denied.
 */
export function guardWebContentsCreation(app: Pick<App, 'on'>, devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
}

/**
 * The data folder the app is told to use by `CCT_USER_DATA` (tests, development), or undefined:
 * a packaged build ignores it, so a shortcut or environment cannot point it at other files.
 */
export function userDataOverride(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  if (isPackaged) return undefined;
  const folder = env.CCT_USER_DATA;
  return folder === undefined || folder === '' ? undefined : folder;
}
