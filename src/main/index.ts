import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { registerIpc } from './ipc/register';
import { menuTemplate, type SendEvent } from './menu';
import { resolveAppFile } from './protocol';
import { APP_SCHEME, hardenSession } from './security';
import { createServices } from './services';
import { createMainWindow, trustedSenderCheck } from './window';

// The app's pages are served from app://bundle/ so that 'self' in the CSP means the app's own
// files and nothing else (file:// pages share one opaque origin with every local file).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

// Tests and portable set-ups point the app at a data folder of their own.
if (process.env.CCT_USER_DATA) app.setPath('userData', process.env.CCT_USER_DATA);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
let mainWindow: BrowserWindow | null = null;

const send: SendEvent = (event, payload) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
};

async function start(): Promise<void> {
  await app.whenReady();
  const rendererRoot = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  hardenSession(session.defaultSession);

  const { handlers } = createServices({
    appName: app.getName(),
    appVersion: app.getVersion(),
    dataFolder: app.getPath('userData'),
    locale: app.getLocale(),
    bundledScenarios: app.isPackaged
      ? join(process.resourcesPath, 'resources/scenarios')
      : join(__dirname, '../../resources/scenarios'),
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
    chooseOpenPaths: async ({ filters }) => {
      const options = {
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
  });
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
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

app.on('window-all-closed', () => app.quit());
void start();
