import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { appProtocolHandler } from '../../src/main/protocol';
import {
  CONTENT_SECURITY_POLICY,
  guardWebContentsCreation,
  secureWebPreferences,
  userDataOverride,
} from '../../src/main/security';
import { mainWindowOptions } from '../../src/main/window';

const root = join(__dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('Electron fuses set by electron-builder (issue 14: no fuses set)', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off, asar integrity and asar-only loading on', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it("the fuses pass electron-builder's own schema check", async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000);
});

describe('DevTools off in packaged builds (issue 14)', () => {
  it('are off unless the window is told otherwise (development and tests)', () => {
    expect(secureWebPreferences('/p.js').devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: '/p.js', title: 'T' }).webPreferences?.devTools).toBe(false);
    expect(
      mainWindowOptions({ preloadPath: '/p.js', title: 'T', devTools: true }).webPreferences?.devTools,
    ).toBe(true);
  });
});

describe('CCT_USER_DATA only in development and tests (issue 14: honoured in packaged builds)', () => {
  it('is ignored by a packaged build', () => {
    expect(userDataOverride(true, { CCT_USER_DATA: '/elsewhere' })).toBeUndefined();
    expect(userDataOverride(false, { CCT_USER_DATA: '/elsewhere' })).toBe('/elsewhere');
    expect(userDataOverride(false, {})).toBeUndefined();
  });
});

describe('a web-contents-created guard (issue 14: none)', () => {
  it('denies navigation, new windows and webview attachment in every web contents the app creates', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    guardWebContentsCreation({
      on: ((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
      }) as never,
    });
    const contentsListeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: unknown) => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: (details: unknown) => unknown) => {
        openHandler = handler;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => {
        contentsListeners.set(event, listener);
      },
    };
    listeners.get('web-contents-created')?.({}, contents);
    expect(openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const prevented = (event: string, url?: string) => {
      let stopped = false;
      contentsListeners.get(event)?.({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });
});

describe('the CSP sent by the app:// handler itself (issue 14: webRequest never sees app:// responses)', () => {
  const rendererRoot = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cct-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    return dir;
  };
  // The transport Electron gives (net.fetch of a file URL), here reading the file.
  const fetchFile = async (url: string) =>
    new Response(await readFile(fileURLToPath(url)), { headers: { 'Content-Type': 'text/plain' } });

  it('every file it serves carries the Content-Security-Policy header, and its body unchanged', async () => {
    const handle = appProtocolHandler(rendererRoot(), fetchFile);
    for (const url of ['app://bundle/', 'app://bundle/index.html', 'app://bundle/assets/app.js']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Content-Type')).toBe('text/plain');
    }
    expect(await (await handle(new Request('app://bundle/assets/app.js'))).text()).toBe('console.log(1)');
  });

  it('a refused or missing file is a 404 with the same header', async () => {
    const handle = appProtocolHandler(rendererRoot(), fetchFile);
    for (const url of [
      'app://bundle/missing.js',
      'app://bundle/..%2f..%2fetc%2fpasswd',
      'app://bundle/assets',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
