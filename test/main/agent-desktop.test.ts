import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { desktopProtocolHandler, resolveDesktopFile } from '../../src/main/desktop/protocol';
import { createDesktopService } from '../../src/main/desktop/service';
import { CCP_ORIGIN, DESKTOP_ORIGIN, hardenWebContents, isFrameUrl } from '../../src/main/security';
import { createServices } from '../../src/main/services';

const origins = { app: 'app://bundle', desktop: DESKTOP_ORIGIN, ccp: CCP_ORIGIN };

function desktopFolder(): { outside: string; folder: string } {
  const outside = mkdtempSync(join(tmpdir(), 'cct-desktop-'));
  const folder = join(outside, 'desktop');
  mkdirSync(join(folder, 'js'), { recursive: true });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>d</title>');
  writeFileSync(join(folder, 'js', 'desktop.js'), 'console.log(1)');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(join(outside, 'secret.txt'), join(folder, 'link.txt'));
  return { outside, folder };
}

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

describe('the desktop: scheme serves the chosen folder and nothing else', () => {
  it('serves the folder’s files with its MIME type and the desktop’s policy', async () => {
    const { folder } = desktopFolder();
    const handle = desktopProtocolHandler({ origins, folder: () => folder });
    const page = await handle(new Request(`${DESKTOP_ORIGIN}/index.html?ccpUrl=x`));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>d</title>');
    const root = await handle(new Request(`${DESKTOP_ORIGIN}/`));
    expect(root.status).toBe(200);
    const script = await handle(new Request(`${DESKTOP_ORIGIN}/js/desktop.js`));
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const policy = directives(page.headers.get('Content-Security-Policy'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual([CCP_ORIGIN]);
    expect(policy.get('frame-ancestors')).toEqual(['app://bundle']);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/js/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%E0%A4%A',
    '/link.txt',
    '/js',
    '/missing.html',
  ])('answers %s with a 404 and the policy', async (path) => {
    const { folder } = desktopFolder();
    const handle = desktopProtocolHandler({ origins, folder: () => folder });
    const response = await handle(new Request(`${DESKTOP_ORIGIN}${path}`));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
  });

  it('never resolves a path outside the folder', () => {
    for (const path of ['/../x', '/a/../../x', '/%2e%2e/x', '/%2E%2E%2Fx']) {
      const file = resolveDesktopFile('/d/desktop', path);
      if (file !== null) expect(file.startsWith('/d/desktop/')).toBe(true);
    }
    expect(resolveDesktopFile('/d/desktop', '/')).toBe('/d/desktop/index.html');
  });

  it('serves nothing while no folder is chosen, and no other origin', async () => {
    const handle = desktopProtocolHandler({ origins, folder: () => null });
    expect((await handle(new Request(`${DESKTOP_ORIGIN}/index.html`))).status).toBe(404);
    const { folder } = desktopFolder();
    const served = desktopProtocolHandler({ origins, folder: () => folder });
    expect((await served(new Request('desktop://other/index.html'))).status).toBe(404);
    expect(
      (await served(new Request(`${DESKTOP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status,
    ).toBe(404);
  });

  it('serves the simulated CCP page and its relay, framed only by the app and the desktop', async () => {
    const handle = desktopProtocolHandler({ origins, folder: () => null });
    const page = await handle(new Request(`${CCP_ORIGIN}/ccp-v2/`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="relay.js"></script>');
    const relay = await handle(new Request(`${CCP_ORIGIN}/ccp-v2/relay.js`));
    const text = await relay.text();
    expect(text).toContain('const APP = "app://bundle"');
    expect(text).toContain(`const DESKTOP = "${DESKTOP_ORIGIN}"`);
    const policy = directives(relay.headers.get('Content-Security-Policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(['app://bundle', DESKTOP_ORIGIN]);
    expect((await handle(new Request(`${CCP_ORIGIN}/ccp-v2/other.js`))).status).toBe(404);
  });
});

describe('the agent desktop folder is chosen in a dialog and remembered', () => {
  it('remembers a folder with an index.html and serves it', async () => {
    const { folder } = desktopFolder();
    const data = mkdtempSync(join(tmpdir(), 'cct-data-'));
    const service = createDesktopService({ dataFolder: data, origins, chooseFolder: async () => folder });
    expect((await service.info()).folder).toBeNull();
    const chosen = await service.choose();
    expect(chosen).toMatchObject({
      folder,
      problem: null,
      desktopUrl: `${DESKTOP_ORIGIN}/index.html`,
      ccpUrl: `${CCP_ORIGIN}/ccp-v2/`,
      ccpOrigin: CCP_ORIGIN,
    });
    expect((await service.handle(new Request(`${DESKTOP_ORIGIN}/index.html`))).status).toBe(200);
    // A new start of the app reads the remembered choice.
    const again = createDesktopService({ dataFolder: data, origins });
    expect((await again.info()).folder).toBe(folder);
    expect((await again.handle(new Request(`${DESKTOP_ORIGIN}/index.html`))).status).toBe(200);
  });

  it('refuses a folder without index.html, naming it, and keeps the earlier choice', async () => {
    const { folder, outside } = desktopFolder();
    const data = mkdtempSync(join(tmpdir(), 'cct-data-'));
    let pick = folder;
    const service = createDesktopService({ dataFolder: data, origins, chooseFolder: async () => pick });
    await service.choose();
    const before = readFileSync(join(data, 'agent-desktop.json'), 'utf8');
    pick = join(outside, 'empty');
    mkdirSync(pick);
    await expect(service.choose()).rejects.toThrow(`The folder "${pick}" has no index.html`);
    expect(readFileSync(join(data, 'agent-desktop.json'), 'utf8')).toBe(before);
    expect((await service.info()).folder).toBe(folder);
  });

  it('a cancelled dialog changes nothing; a folder gone since is reported, not served', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cct-data-'));
    const cancelled = createDesktopService({ dataFolder: data, origins, chooseFolder: async () => null });
    expect(await cancelled.choose()).toBeNull();
    expect(existsSync(join(data, 'agent-desktop.json'))).toBe(false);
    writeFileSync(join(data, 'agent-desktop.json'), JSON.stringify({ folder: join(data, 'gone') }));
    const gone = createDesktopService({ dataFolder: data, origins });
    expect((await gone.info()).problem).toBe(
      `The agent desktop folder "${join(data, 'gone')}" does not exist`,
    );
    expect((await gone.handle(new Request(`${DESKTOP_ORIGIN}/index.html`))).status).toBe(404);
  });

  it('is reached through the IPC handlers desktop:get and desktop:choose', async () => {
    const { folder } = desktopFolder();
    const dataFolder = mkdtempSync(join(tmpdir(), 'cct-data-'));
    const { handlers } = createServices({
      appName: 'T',
      appVersion: '1',
      locale: 'en',
      dataFolder,
      bundledScenarios: join(__dirname, '../../resources/scenarios'),
      chooseSavePath: async () => null,
      chooseFolder: async () => folder,
    });
    expect(await handlers['desktop:get'](undefined)).toMatchObject({ folder: null, problem: null });
    expect(await handlers['desktop:choose'](undefined)).toMatchObject({
      status: 'chosen',
      desktop: { folder },
    });
  });
});

describe('frames inside the app', () => {
  it('may show the agent desktop and the simulated CCP, nothing else', () => {
    expect(isFrameUrl(`${DESKTOP_ORIGIN}/index.html?ccpUrl=x`)).toBe(true);
    expect(isFrameUrl(`${CCP_ORIGIN}/ccp-v2/`)).toBe(true);
    expect(isFrameUrl('about:blank')).toBe(true);
    for (const url of [
      'https://example.my.connect.aws/ccp-v2/',
      'file:///etc/passwd',
      'desktop://other/',
      'app://bundle/',
      'x',
    ])
      expect(isFrameUrl(url), url).toBe(false);
  });

  it('a frame navigating elsewhere is stopped; the main frame keeps its own rule', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    hardenWebContents({
      setWindowOpenHandler: () => undefined,
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    } as never);
    const navigate = (url: string, isMainFrame: boolean) => {
      let stopped = false;
      listeners.get('will-frame-navigate')?.({ url, isMainFrame, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(navigate('https://evil.example/', false)).toBe(true);
    expect(navigate(`${DESKTOP_ORIGIN}/other.html`, false)).toBe(false);
    expect(navigate(`${CCP_ORIGIN}/ccp-v2/`, false)).toBe(false);
    expect(navigate('https://evil.example/', true)).toBe(false); // left to will-navigate
  });
});
