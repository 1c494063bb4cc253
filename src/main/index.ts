import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { gradeInWorker } from './grading/grader';
import { checkResponses } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { menuTemplate, type SendEvent } from './menu';
import { appProtocolHandler } from './protocol';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CCP_ORIGIN,
  DESKTOP_ORIGIN,
  DESKTOP_SCHEME,
  guardWebContentsCreation,
  hardenSession,
  userDataOverride,
} from './security';
import { createServices } from './services';
import { type DataFolderLock, lockDataFolder } from './storage/lock';
import { createMainWindow, trustedSenderCheck } from './window';

// The app's pages are served from app://bundle/ so that 'self' in the CSP means the app's own
// files and nothing else (file:// pages share one opaque origin with every local file).
// "Use my agent desktop": desktop://folder/ serves the chosen folder and desktop://ccp/ the
// simulated CCP, each an origin of its own (standard, secure), never the app's.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  { scheme: DESKTOP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();

// Tests and development point the app at a data folder of their own; a packaged build does not.
const userData = userDataOverride(app.isPackaged, process.env);
if (userData) app.setPath('userData', userData);

// Answers are checked against the IPC contract in development and tests.
checkResponses(!app.isPackaged);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
guardWebContentsCreation(app, devServerUrl);
let mainWindow: BrowserWindow | null = null;
let dataLock: DataFolderLock | null = null;

const send: SendEvent = (event, payload) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
};

async function start(): Promise<void> {
  await app.whenReady();
  // One instance per data folder: a second would list the first one's running session as
  // unfinished and recover it. The lock file also holds against a copy started another way.
  try {
    dataLock = await lockDataFolder(app.getPath('userData'));
  } catch (error) {
    dialog.showErrorBox(app.getName(), error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const rendererRoot = join(__dirname, '../renderer');
  protocol.handle(
    APP_SCHEME,
    appProtocolHandler(rendererRoot, (url) => net.fetch(url)),
  );
  hardenSession(session.defaultSession, devServerUrl);

  const showOpen = async (
    properties: Array<'openFile' | 'multiSelections'>,
    filters: ReadonlyArray<{ readonly name: string; readonly extensions: ReadonlyArray<string> }>,
  ): Promise<string[]> => {
    const options = {
      properties,
      filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    };
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  const { handlers, desktop, sessions } = createServices({
    appName: app.getName(),
    appVersion: app.getVersion(),
    dataFolder: app.getPath('userData'),
    locale: app.getLocale(),
    bundledScenarios: app.isPackaged
      ? join(process.resourcesPath, 'resources/scenarios')
      : join(__dirname, '../../resources/scenarios'),
    // Finish and recover replay and score in a worker thread: the window never waits on them.
    grade: gradeInWorker(join(__dirname, 'grade-worker.js'), (error) =>
      console.error(`grading in the main thread: ${error.message}`),
    ),
    chooseSavePath: async ({ defaultName, filters }) => {
      const options = {
        defaultPath: defaultName,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenPath: async ({ filters }) => {
      const paths = await showOpen(['openFile'], filters);
      return paths[0] ?? null;
    },
    chooseOpenPaths: ({ filters }) => showOpen(['openFile', 'multiSelections'], filters),
    desktopOrigins: {
      app: devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN,
      desktop: DESKTOP_ORIGIN,
      ccp: CCP_ORIGIN,
    },
    chooseFolder: async () => {
      const options = { properties: ['openDirectory' as const] };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  protocol.handle(DESKTOP_SCHEME, desktop.handle);
  registerIpc(
    ipcMain,
    handlers,
    trustedSenderCheck(() => mainWindow, devServerUrl),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(app.getName(), send, process.platform === 'darwin')),
  );

  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    devServerUrl,
    title: app.getName(),
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // A page that reloads or crashes leaves its running sessions: they are offered to resume.
  mainWindow.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) void sessions.release();
  });
  mainWindow.webContents.on('render-process-gone', () => void sessions.release());
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void dataLock?.release();
});

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void start();
} else {
  // Another instance runs: it is brought to the front, and this one ends.
  app.quit();
}
