import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IpcEventName, type IpcEventPayload, ipcChannels, ipcEventNames } from '@shared/ipc';
import { _electron, type Browser, chromium, type ElectronApplication, type Page } from 'playwright-core';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createServices } from '../../../src/main/services';
import { CHROMIUM_ARGS, findChromium } from './browser';
import { serveFolder } from './static-server';

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

/** Starts the app on the chosen target with a fresh temporary data folder (or a given one, to restart on it). */
export async function launchApp(
  target: E2eTarget = chooseTarget(),
  dataFolder: string = mkdtempSync(join(tmpdir(), 'cct-e2e-')),
): Promise<RunningApp> {
  return target === 'electron' ? launchElectron(dataFolder) : launchChromium(dataFolder);
}

async function launchElectron(dataFolder: string): Promise<RunningApp> {
  const app: ElectronApplication = await _electron.launch({
    args: [join(ROOT, 'out/main/index.js')],
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

async function launchChromium(dataFolder: string): Promise<RunningApp> {
  const executablePath = findChromium();
  const rendererRoot = join(ROOT, 'out/renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    throw new Error(`${rendererRoot}/index.html is missing: run "npm run build" first`);
  }
  const { handlers, deps } = createServices({
    appName: pkg.productName,
    appVersion: pkg.version,
    dataFolder,
    locale: 'en-US',
    bundledScenarios: join(ROOT, 'resources/scenarios'),
    chooseSavePath: async ({ defaultName }) => join(dataFolder, 'exports', defaultName),
  });
  const server = await serveFolder(rendererRoot);
  const browser: Browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  const context = await browser.newContext({ locale: 'en-US' });
  // The transport is replaced, nothing else: every request reaches the real handler map
  // through the same dispatch function that ipcMain uses.
  await context.exposeFunction('__cctInvoke', (channel: string, payload: unknown) =>
    dispatch(handlers, channel, payload, true),
  );
  await context.addInitScript(
    ({ channels, events }) => {
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
    },
  };
}
