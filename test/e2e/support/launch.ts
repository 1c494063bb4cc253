import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IpcEventName, type IpcEventPayload, ipcChannels, ipcEventNames } from '@shared/ipc';
import { _electron, type Browser, chromium, type ElectronApplication, type Page } from 'playwright-core';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createServices } from '../../../src/main/services';
import { CHROMIUM_ARGS, findChromium } from './browser';
import { serveFolder, serveHandler } from './static-server';

const ROOT = join(__dirname, '../../..');

/** What the tests run against: the real Electron app, or the built renderer in Chromium. */
export type E2eTarget = 'electron' | 'chromium';

/** A running app under test. */
export interface RunningApp {
  readonly target: E2eTarget;
  readonly page: Page;
  /** The data folder the handlers were given (a fresh temporary folder). */
  readonly dataFolder: string;
  readonly name: string;
  readonly version: string;
  /** Errors the page logged or threw, CSP violations included. */
  readonly pageErrors: ReadonlyArray<string>;
  /** Sends a main→renderer event from the contract. */
  readonly emit: <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** True when the Electron runtime has been downloaded (Electron 44+ fetches it on first start). */
export function electronRuntimeInstalled(): boolean {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return false;
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary);
}

/** The target: $E2E_TARGET if set, else Electron where its runtime is installed, else Chromium. */
export function chooseTarget(env: NodeJS.ProcessEnv = process.env): E2eTarget {
  if (env.E2E_TARGET === 'electron' || env.E2E_TARGET === 'chromium') return env.E2E_TARGET;
  if (env.E2E_TARGET) throw new Error(`E2E_TARGET must be "electron" or "chromium", not "${env.E2E_TARGET}"`);
  return electronRuntimeInstalled() ? 'electron' : 'chromium';
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** How a test wants the app started. */
export interface LaunchOptions {
  /**
   * Installs Playwright's fake clock before the page loads and pauses it, so that the test runs
   * time with `page.clock.runFor` (the app's own timers and clocks, unchanged).
   */
  readonly fakeClock?: boolean;
  /** The UI language stored before the page loads. */
  readonly language?: 'en' | 'de';
  /**
   * Records every play event of every Howl the page creates (`window.__plays`: the sound's
   * source; `window.__playTimes`: when, by `performance.now()`), by listening on howler's own
   * `play` event.
   */
  readonly observeHowler?: boolean;
  /** The data folder to start on (to restart the app on the same one); a fresh one when absent. */
  readonly dataFolder?: string;
  /**
   * "Use my agent desktop" (Chromium only): the folder dialog's answer. The desktop and the
   * simulated CCP are served on two more 127.0.0.1 ports by main's real `desktop:` handler.
   */
  readonly chooseFolder?: () => Promise<string | null>;
  /**
   * More command-line switches for the browser (or Electron), e.g. a fake microphone:
   * `--use-fake-device-for-media-stream --use-fake-ui-for-media-stream`.
   */
  readonly browserArgs?: ReadonlyArray<string>;
}

/** Starts the app on the chosen target with a fresh temporary data folder (or the given one). */
export async function launchApp(
  target: E2eTarget = chooseTarget(),
  options: LaunchOptions = {},
): Promise<RunningApp> {
  const dataFolder = options.dataFolder ?? mkdtempSync(join(tmpdir(), 'cct-e2e-'));
  const app =
    target === 'electron'
      ? await launchElectron(dataFolder, options.browserArgs)
      : await launchChromium(dataFolder, options);
  if (target === 'electron' && (options.fakeClock || options.language)) {
    await prepare(app.page, options);
    await app.page.reload();
  }
  return app;
}

async function prepare(page: Page, options: LaunchOptions): Promise<void> {
  // Callers run under tsx (the benchmarks) too, whose output names functions with a helper
  // that the page lacks; the page gets a do-nothing one.
  await page.addInitScript('window.__name = window.__name || ((f) => f)');
  if (options.language !== undefined) {
    await page.addInitScript(
      (language) => window.localStorage.setItem('language', language),
      options.language,
    );
  }
  if (options.observeHowler) {
    await page.addInitScript(() => {
      const plays: string[] = [];
      const times: number[] = [];
      let howl: unknown;
      Object.defineProperty(window, '__plays', { value: plays });
      Object.defineProperty(window, '__playTimes', { value: times });
      Object.defineProperty(window, 'Howl', {
        configurable: true,
        get: () => howl,
        set: (value: { prototype: { init: (options: unknown) => unknown } }) => {
          howl = value;
          const init = value.prototype.init;
          value.prototype.init = function (
            this: { on: (e: string, f: () => void) => void; _src: unknown },
            o,
          ) {
            const result = init.call(this, o);
            this.on('play', () => {
              plays.push(String(this._src));
              times.push(performance.now());
            });
            return result;
          };
        },
      });
    });
  }
  if (options.fakeClock) {
    await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
    await page.clock.pauseAt(new Date('2026-03-02T09:00:01Z'));
  }
}

async function launchElectron(dataFolder: string, switches: ReadonlyArray<string> = []): Promise<RunningApp> {
  const app: ElectronApplication = await _electron.launch({
    args: [...switches, join(ROOT, 'out/main/index.js')],
    cwd: ROOT,
    env: { ...process.env, CCT_USER_DATA: dataFolder },
  });
  const page = await app.firstWindow();
  const pageErrors = collectErrors(page);
  return {
    target: 'electron',
    page,
    dataFolder,
    name: pkg.productName,
    version: pkg.version,
    pageErrors,
    emit: async (event, payload) => {
      await app.evaluate(
        ({ BrowserWindow }, [name, data]) => {
          BrowserWindow.getAllWindows()[0]?.webContents.send(name as string, data);
        },
        [event, payload] as const,
      );
    },
    close: () => app.close(),
  };
}

async function launchChromium(dataFolder: string, options: LaunchOptions = {}): Promise<RunningApp> {
  const executablePath = findChromium();
  const rendererRoot = join(ROOT, 'out/renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    throw new Error(`${rendererRoot}/index.html is missing: run "npm run build" first`);
  }
  // The agent desktop's two origins: main's own `desktop:` handler answers both.
  let handleDesktop: (request: Request) => Promise<Response> = async () =>
    new Response(null, { status: 503 });
  const desktopServers =
    options.chooseFolder === undefined
      ? []
      : [await serveHandler((r) => handleDesktop(r)), await serveHandler((r) => handleDesktop(r))];
  const [desktopServer, ccpServer] = desktopServers;
  const server = await serveFolder(rendererRoot, desktopServer?.url);
  const { handlers, deps, desktop } = createServices({
    appName: pkg.productName,
    appVersion: pkg.version,
    dataFolder,
    locale: 'en-US',
    bundledScenarios: join(ROOT, 'resources/scenarios'),
    chooseSavePath: async ({ defaultName }) => join(dataFolder, 'exports', defaultName),
    // The open dialog picks the one file a test put in `<data>/imports`; with none it is cancelled.
    chooseOpenPath: async () => {
      const folder = join(dataFolder, 'imports');
      const names = existsSync(folder) ? readdirSync(folder) : [];
      return names.length === 1 ? join(folder, names[0] as string) : null;
    },
    ...(desktopServer === undefined || ccpServer === undefined
      ? {}
      : {
          desktopOrigins: { app: server.url, desktop: desktopServer.url, ccp: ccpServer.url },
          chooseFolder: options.chooseFolder as () => Promise<string | null>,
        }),
  });
  handleDesktop = desktop.handle;
  const browser: Browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.browserArgs ?? [])],
  });
  const context = await browser.newContext({ locale: 'en-US' });
  // The transport is replaced, nothing else: every request reaches the real handler map
  // through the same dispatch function that ipcMain uses.
  await context.exposeFunction('__cctInvoke', (channel: string, payload: unknown) =>
    dispatch(handlers, channel, payload, true),
  );
  await context.addInitScript(
    ({ channels, events }) => {
      // As Electron's preload (nodeIntegrationInSubFrames off): the app's page only, no frame.
      if (window.top !== window) return;
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const invoke = (window as unknown as { __cctInvoke: (c: string, p: unknown) => Promise<unknown> })
        .__cctInvoke;
      const api: Record<string, unknown> = {};
      for (const channel of channels) api[channel] = (payload?: unknown) => invoke(channel, payload);
      api.on = (event: string, listener: (payload: unknown) => void) => {
        if (!events.includes(event)) throw new Error(`window.api.on: no such event "${event}"`);
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, 'api', { value: Object.freeze(api) });
      Object.defineProperty(window, '__cctEmit', {
        value: (event: string, payload: unknown) => {
          for (const listener of listeners.get(event) ?? []) listener(payload);
        },
      });
    },
    { channels: [...ipcChannels] as string[], events: [...ipcEventNames] as string[] },
  );
  const page = await context.newPage();
  const pageErrors = collectErrors(page);
  await prepare(page, options);
  await page.goto(`${server.url}/index.html`);
  return {
    target: 'chromium',
    page,
    dataFolder,
    name: deps.appName,
    version: deps.appVersion,
    pageErrors,
    emit: async (event, payload) => {
      await page.evaluate(
        ([name, data]) =>
          (window as unknown as { __cctEmit: (e: string, p: unknown) => void }).__cctEmit(name, data),
        [event, payload] as const,
      );
    },
    close: async () => {
      await browser.close();
      await server.close();
      for (const other of desktopServers) await other.close();
    },
  };
}
