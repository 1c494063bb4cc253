import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { APP_ORIGIN, hardenWebContents, isAppUrl, secureWebPreferences } from './security';

/** Where the main window loads its page from. */
export interface WindowSource {
  readonly preloadPath: string;
  /** The electron-vite dev server in development; undefined in a built app. */
  readonly devServerUrl?: string;
  readonly title: string;
  /** Whether DevTools may open: development and tests only, never a packaged build. */
  readonly devTools?: boolean;
}

/** The BrowserWindow options of the main window. */
export function mainWindowOptions(source: WindowSource): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: source.title,
    backgroundColor: '#1b1f24',
    webPreferences: secureWebPreferences(source.preloadPath, source.devTools ?? false),
  };
}

/** Creates the one window of the app, hardened, and loads the renderer. */
export function createMainWindow(source: WindowSource): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(source));
  hardenWebContents(window.webContents, source.devServerUrl);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-prevent-unload', (event) => {
    if (confirmLeave(window)) event.preventDefault();
  });
  void window.loadURL(source.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * Asks whether to close the page although a view holds it (the scenario editor with unsaved
 * changes); Electron asks nothing by itself. True: close anyway.
 */
function confirmLeave(window: BrowserWindow): boolean {
  const german = app.getLocale().toLowerCase().startsWith('de');
  const choice = dialog.showMessageBoxSync(window, {
    type: 'question',
    buttons: german ? ['Ohne Speichern schließen', 'Bleiben'] : ['Close without saving', 'Stay'],
    defaultId: 1,
    cancelId: 1,
    title: german ? 'Ungespeicherte Änderungen' : 'Unsaved changes',
    message: german
      ? 'Ein Szenario hat ungespeicherte Änderungen. Ein Entwurf bleibt erhalten und wird beim nächsten Öffnen angeboten.'
      : 'A scenario has unsaved changes. A draft is kept and offered when you open it again.',
  });
  return choice === 0;
}

/** Builds the check that an IPC request comes from this window's own page. */
export function trustedSenderCheck(
  getWindow: () => BrowserWindow | null,
  devServerUrl?: string,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    if (event.sender !== window.webContents) return false;
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isAppUrl(url, devServerUrl);
  };
}
