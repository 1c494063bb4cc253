import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const { BrowserWindowMock } = vi.hoisted(() => {
  class BrowserWindowMock {
    static instances: BrowserWindowMock[] = [];
    readonly handlers = new Map<string, (...args: unknown[]) => void>();
    windowOpenHandler?: (details: unknown) => unknown;
    loadedUrl?: string;
    readonly webContents = {
      setWindowOpenHandler: (handler: (details: unknown) => unknown) => {
        this.windowOpenHandler = handler;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => {
        this.handlers.set(event, listener);
      },
    };
    constructor(readonly options: Record<string, unknown>) {
      BrowserWindowMock.instances.push(this);
    }
    once() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindowMock };
});

vi.mock('electron', () => ({ BrowserWindow: BrowserWindowMock }));

import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  DESKTOP_ORIGIN,
  hardenSession,
  isAppUrl,
} from '../../src/main/security';
import { createMainWindow, trustedSenderCheck } from '../../src/main/window';

function navigationEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with web security on', () => {
    const window = createMainWindow({
      preloadPath: '/app/out/preload/index.js',
      title: 'Trainer',
    }) as unknown as InstanceType<typeof BrowserWindowMock>;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
  });

  it('denies window.open and navigation away from the app', () => {
    const window = createMainWindow({ preloadPath: '/p.js', title: 'Trainer' }) as unknown as InstanceType<
      typeof BrowserWindowMock
    >;
    expect(window.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(window.windowOpenHandler?.({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });

    const navigate = window.handlers.get('will-navigate');
    const away = navigationEvent();
    navigate?.(away, 'https://example.com/phish');
    expect(away.prevented).toBe(true);
    const fileUrl = navigationEvent();
    navigate?.(fileUrl, 'file:///etc/passwd');
    expect(fileUrl.prevented).toBe(true);
    const own = navigationEvent();
    navigate?.(own, `${APP_ORIGIN}/index.html#/about`);
    expect(own.prevented).toBe(false);

    const redirect = navigationEvent();
    window.handlers.get('will-redirect')?.(redirect, 'http://127.0.0.1:9/');
    expect(redirect.prevented).toBe(true);
    const webview = navigationEvent();
    window.handlers.get('will-attach-webview')?.(webview);
    expect(webview.prevented).toBe(true);
  });

  it('accepts the dev server origin only when one is given', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('the session', () => {
  function fakeSession() {
    const calls: Record<string, (...args: never[]) => unknown> = {};
    return {
      calls,
      session: {
        setPermissionRequestHandler: (handler: never) => {
          calls.request = handler;
        },
        setPermissionCheckHandler: (handler: never) => {
          calls.check = handler;
        },
        webRequest: {
          onHeadersReceived: (handler: never) => {
            calls.headers = handler;
          },
        },
      },
    };
  }

  it('denies every permission request and check that names no app page and no audio', () => {
    const { session, calls } = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (calls.request as (...args: unknown[]) => void)({}, permission, (answer: boolean) => {
        granted = answer;
      });
      expect(granted, permission).toBe(false);
      expect((calls.check as (...args: unknown[]) => boolean)({}, permission)).toBe(false);
    }
  });

  it("grants the microphone to the app's own page only, audio only, main frame only", () => {
    const { session, calls } = fakeSession();
    hardenSession(session as never, 'http://localhost:5173');
    const request = (permission: string, details: Record<string, unknown>): boolean | undefined => {
      let granted: boolean | undefined;
      (calls.request as (...args: unknown[]) => void)(
        {},
        permission,
        (answer: boolean) => {
          granted = answer;
        },
        details,
      );
      return granted;
    };
    const page = { requestingUrl: `${APP_ORIGIN}/index.html#/edit/x`, isMainFrame: true };
    expect(request('media', { ...page, mediaTypes: ['audio'] })).toBe(true);
    expect(
      request('media', { ...page, requestingUrl: 'http://localhost:5173/', mediaTypes: ['audio'] }),
    ).toBe(true);
    expect(request('media', { ...page, mediaTypes: ['video'] })).toBe(false);
    expect(request('media', { ...page, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(request('media', { ...page, mediaTypes: [] })).toBe(false);
    expect(request('media', { ...page, isMainFrame: false, mediaTypes: ['audio'] })).toBe(false);
    expect(
      request('media', {
        requestingUrl: `${DESKTOP_ORIGIN}/index.html`,
        isMainFrame: false,
        mediaTypes: ['audio'],
      }),
    ).toBe(false);
    expect(request('media', { ...page, requestingUrl: 'https://example.com/', mediaTypes: ['audio'] })).toBe(
      false,
    );
    expect(
      request('media', { ...page, requestingUrl: 'http://localhost:9999/', mediaTypes: ['audio'] }),
    ).toBe(false);
    expect(request('display-capture', { ...page, mediaTypes: ['audio'] })).toBe(false);
    expect(request('notifications', page)).toBe(false);

    const check = (permission: string, origin: string, details: Record<string, unknown>): boolean =>
      (calls.check as (...args: unknown[]) => boolean)({}, permission, origin, details);
    expect(check('media', APP_ORIGIN, { ...page, mediaType: 'audio' })).toBe(true);
    expect(check('media', APP_ORIGIN, { ...page, mediaType: 'video' })).toBe(false);
    expect(check('media', APP_ORIGIN, { ...page, isMainFrame: false, mediaType: 'audio' })).toBe(false);
    expect(
      check('media', DESKTOP_ORIGIN, {
        requestingUrl: `${DESKTOP_ORIGIN}/`,
        isMainFrame: false,
        mediaType: 'audio',
      }),
    ).toBe(false);
    expect(check('media', 'https://example.com', { ...page, mediaType: 'audio' })).toBe(false);
    expect(check('geolocation', APP_ORIGIN, { ...page, mediaType: 'audio' })).toBe(false);
  });

  it('grants no dev server page the microphone in a packaged build (no dev server)', () => {
    const { session, calls } = fakeSession();
    hardenSession(session as never);
    let granted: boolean | undefined;
    (calls.request as (...args: unknown[]) => void)(
      {},
      'media',
      (answer: boolean) => {
        granted = answer;
      },
      { requestingUrl: 'http://localhost:5173/', isMainFrame: true, mediaTypes: ['audio'] },
    );
    expect(granted).toBe(false);
  });

  it('adds the Content-Security-Policy header to every response', () => {
    const { session, calls } = fakeSession();
    hardenSession(session as never);
    let headers: Record<string, string[]> | undefined;
    (calls.headers as (...args: unknown[]) => void)(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response: { responseHeaders: Record<string, string[]> }) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it("leaves the agent desktop's own policy on its responses", () => {
    const { session, calls } = fakeSession();
    hardenSession(session as never);
    const own = { 'Content-Security-Policy': ["default-src 'self'"] };
    let headers: Record<string, string[]> | undefined;
    (calls.headers as (...args: unknown[]) => void)(
      { url: `${DESKTOP_ORIGIN}/index.html`, responseHeaders: own },
      (response: { responseHeaders: Record<string, string[]> }) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers).toEqual(own);
    (calls.headers as (...args: unknown[]) => void)(
      { url: 'https://example.com/', responseHeaders: own },
      (response: { responseHeaders: Record<string, string[]> }) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name as string, values];
    }),
  );

  it('allows no remote origin, no inline script and no eval; the only frame is the agent desktop', () => {
    for (const [name, values] of directives) {
      if (name === 'frame-src') continue;
      for (const value of values) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|data:|blob:)$/);
      }
    }
    expect(directives.get('frame-src')).toEqual([DESKTOP_ORIGIN]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it("lets howler fetch bundled audio (connect-src 'self')", () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('media-src')).toContain("'self'");
  });

  it('is the same policy the renderer page declares', () => {
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the IPC sender check', () => {
  it('trusts only the main window showing an app page', () => {
    const window = createMainWindow({ preloadPath: '/p.js', title: 'Trainer' });
    const check = trustedSenderCheck(() => window);
    const own = { sender: window.webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    expect(check(own as never)).toBe(true);
    expect(check({ sender: {}, senderFrame: own.senderFrame } as never)).toBe(false);
    expect(
      check({ sender: window.webContents, senderFrame: { url: 'https://evil.example/' } } as never),
    ).toBe(false);
    expect(check({ sender: window.webContents, senderFrame: null } as never)).toBe(false);
    expect(trustedSenderCheck(() => null)(own as never)).toBe(false);
  });
});

describe('the app:// protocol', async () => {
  const { resolveAppFile } = await import('../../src/main/protocol');
  const root = '/app/out/renderer';

  it.each([
    ['app://bundle/', '/app/out/renderer/index.html'],
    ['app://bundle/index.html', '/app/out/renderer/index.html'],
    ['app://bundle/assets/index-1.js', '/app/out/renderer/assets/index-1.js'],
    ['app://bundle/audio/ring%20tone.ogg', '/app/out/renderer/audio/ring tone.ogg'],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/..%2f..%2f..%2fetc/passwd',
    'app://bundle/..%5c..%5cetc%5cpasswd',
  ])('never resolves %s outside the renderer folder', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://example.com/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});
