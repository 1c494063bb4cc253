import type { App, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The app's own scheme: the renderer is served from `app://bundle/`, never from file://. */
export const APP_SCHEME = 'app';
/** The host under which the renderer's files are served. */
export const APP_HOST = 'bundle';
/** The origin of every page the app may show. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy of every page: nothing from remote origins, no inline script,
 * no eval; `connect-src 'self'` lets howler fetch the bundled audio, `media-src` lets it play.
 * The same string is written into `src/renderer/index.html` (a test checks they agree).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
 * Denies what a training console never needs: navigation away from the app, new windows,
 * `<webview>` tags. Links that open a new window are refused, not opened in the system browser:
 * the app works offline and shows nothing from the web.
 */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Denies every permission request (camera, microphone, notifications, geolocation…) and
 * adds the Content-Security-Policy header to every response the session serves.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
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
