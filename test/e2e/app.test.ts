import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureE2eRuntime, findChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';

describe(`the app in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the name and version that the main-process handler answered', async () => {
    const banner = app.page.getByRole('banner');
    await expect.poll(() => banner.textContent()).toContain(app.name);
    expect(await banner.textContent()).toContain(`Version ${app.version}`);
  });

  it('opens About on a click and shows the data folder the handler map was given', async () => {
    await app.page.getByRole('link', { name: 'About' }).click();
    await app.page.getByRole('heading', { name: 'About', level: 1 }).waitFor();
    expect(await app.page.getByTestId('about-data-folder').textContent()).toBe(app.dataFolder);
    expect(app.page.url()).toMatch(/#\/about$/);
  });

  it('lists the bundled scenario library through scenarios:list', async () => {
    await app.page.getByRole('link', { name: 'Scenarios' }).click();
    await app.page.getByRole('heading', { name: 'Mortgage closing: six participants on one call' }).waitFor();
    expect(
      await app.page
        .getByRole('listitem')
        .filter({ has: app.page.getByRole('heading', { level: 2 }) })
        .count(),
    ).toBe(10);
  });

  it('follows a navigate event sent by the main process', async () => {
    await app.emit('app:navigate', { view: 'home' });
    await app.page.getByRole('heading', { name: 'Practise conference calls' }).waitFor();
  });

  it('can be driven by keyboard: skip link, then the language switch', async () => {
    await app.page.reload();
    await app.page.getByRole('banner').getByText(app.name).waitFor();
    await app.page.keyboard.press('Tab');
    const skip = app.page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await app.page.getByLabel('Language').focus();
    await app.page.getByLabel('Language').selectOption('de');
    await app.page.getByRole('link', { name: 'Szenarien' }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('de');
    await app.page.getByLabel('Sprache').selectOption('en');
  });

  it('runs under the Content-Security-Policy with no error and no violation', async () => {
    const policy = await app.page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(policy).toContain("script-src 'self'");
    const blocked = await app.page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
    const others = app.pageErrors.filter((text) => !text.includes('example.com'));
    expect(others).toEqual([]);
  });
});

describe('browser lookup', () => {
  const probe = (state: { chromium: boolean; electron: boolean; download: boolean }) => {
    const lines: string[] = [];
    let downloads = 0;
    return {
      lines,
      downloads: () => downloads,
      probe: {
        chromium: () => (state.chromium ? '/usr/bin/chromium' : null),
        electronInstalled: () => state.electron,
        downloadElectron: () => {
          downloads++;
          if (state.download) state.electron = true;
          return state.download;
        },
        log: (line: string) => lines.push(line),
      },
    };
  };

  it('uses Chromium, or an installed Electron runtime, without downloading anything', () => {
    const chromium = probe({ chromium: true, electron: false, download: true });
    expect(ensureE2eRuntime(chromium.probe)).toBe('chromium');
    expect(chromium.downloads()).toBe(0);
    const electron = probe({ chromium: false, electron: true, download: false });
    expect(ensureE2eRuntime(electron.probe)).toBe('electron');
  });

  it('with neither, fetches the Electron runtime as npm start does and runs on it', () => {
    const fresh = probe({ chromium: false, electron: false, download: true });
    expect(ensureE2eRuntime(fresh.probe)).toBe('electron');
    expect(fresh.downloads()).toBe(1);
    expect(fresh.lines.join('\n')).toContain('fetching the Electron runtime');
  });

  it('fails with the install advice only when the download fails too', () => {
    const offline = probe({ chromium: false, electron: false, download: false });
    expect(() => ensureE2eRuntime(offline.probe)).toThrow(NO_BROWSER_MESSAGE);
    expect(offline.downloads()).toBe(1);
  });

  it('fails with install advice when no browser exists', () => {
    expect(() => findChromium({}, () => false)).toThrow(NO_BROWSER_MESSAGE);
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chrome' }, () => false)).toThrow(/CHROMIUM_PATH/);
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (path) => path === '/opt/chrome')).toBe(
      '/opt/chrome',
    );
  });
});
