// The cue files as the app ships them (out/renderer/audio, made by `npm run build`): served from
// the renderer's own origin under its CSP, decoded by Chromium to exactly the committed samples,
// and played by howler. The page is a blank one on the same static server, not the app: the
// console's own suite proves that the app plays them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../scripts/synth-audio/wav';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';
import { SOUND_IDS, soundFileName, soundUrl } from '../../src/renderer/src/audio/sounds';
import { CHROMIUM_ARGS, findChromium } from './support/browser';
import { serveFolder } from './support/static-server';

const ROOT = join(__dirname, '../..');
const BUILT = join(ROOT, 'out/renderer');

describe('the cue files in the built renderer, in a real Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveFolder(BUILT);
    browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A blank page and howler's own build, on the renderer's origin and under the app's CSP.
    await page.route(`${server.url}/__blank.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
        body: [
          '<!doctype html><html lang="en"><head><title>cue files</title><link rel="icon" href="data:,">',
          '<script src="/__howler.js"></script></head></html>',
        ].join(''),
      }),
    );
    await page.route(`${server.url}/__howler.js`, (route) =>
      route.fulfill({
        path: join(ROOT, 'node_modules/howler/dist/howler.min.js'),
        contentType: 'text/javascript',
      }),
    );
    await page.goto(`${server.url}/__blank.html`);
    await page.waitForFunction(() => 'Howl' in window);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('copies the cue files into the build under audio/, and nothing else of resources/', () => {
    expect(readdirSync(join(BUILT, 'audio')).sort()).toEqual(SOUND_IDS.map(soundFileName).sort());
  });

  it("serves every cue file from the page's own origin under the CSP (connect-src 'self')", async () => {
    const answers = await page.evaluate(
      async (urls) =>
        Promise.all(
          urls.map(async (url) => {
            const response = await fetch(url);
            return { url, status: response.status, bytes: (await response.arrayBuffer()).byteLength };
          }),
        ),
      SOUND_IDS.map(soundUrl),
    );
    for (const sound of SOUND_IDS) {
      const size = readFileSync(join(ROOT, 'resources/audio', soundFileName(sound))).length;
      expect(answers.find((answer) => answer.url === soundUrl(sound))).toEqual({
        url: soundUrl(sound),
        status: 200,
        bytes: size,
      });
    }
    // The CSP is in force: the same file from another origin (localhost, not 127.0.0.1) is
    // refused even where CORS would let an opaque answer through.
    const elsewhere = server.url.replace('127.0.0.1', 'localhost');
    const refused = await page.evaluate(
      (url) =>
        fetch(url, { mode: 'no-cors' }).then(
          () => false,
          () => true,
        ),
      `${elsewhere}/${soundUrl('ring')}`,
    );
    expect(refused).toBe(true);
  });

  it('decodes every file with the Web Audio API to the committed samples', async () => {
    // Decoded at the files' own rate, nothing is resampled: the samples come back as written,
    // to within one 16-bit step (Chromium scales negative and positive samples differently).
    const decoded = await page.evaluate(async (urls) => {
      const context = new OfflineAudioContext(1, 1, 8000);
      return Promise.all(
        urls.map(async (url) => {
          const buffer = await context.decodeAudioData(await (await fetch(url)).arrayBuffer());
          const samples = Int16Array.from(buffer.getChannelData(0), (value) => Math.round(value * 32767));
          const bytes = new Uint8Array(samples.buffer);
          let text = '';
          for (let i = 0; i < bytes.length; i += 0x8000) {
            text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          }
          return { url, rate: buffer.sampleRate, base64: btoa(text) };
        }),
      );
    }, SOUND_IDS.map(soundUrl));
    for (const sound of SOUND_IDS) {
      const file = decodeWav(
        new Uint8Array(readFileSync(join(ROOT, 'resources/audio', soundFileName(sound)))),
      );
      const inBrowser = decoded.find((entry) => entry.url === soundUrl(sound));
      expect(inBrowser?.rate).toBe(8000);
      const bytes = Buffer.from(inBrowser?.base64 ?? '', 'base64');
      const samples = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
      expect(samples.length, sound).toBe(file.samples.length);
      const furthest = samples.reduce(
        (most, value, i) => Math.max(most, Math.abs(value - Math.round((file.samples[i] as number) * 32767))),
        0,
      );
      expect(furthest, sound).toBeLessThanOrEqual(1);
    }
  });

  it('plays every file through howler: loops keep playing, one-shots end', async () => {
    const results = await page.evaluate(async (urls) => {
      const { Howl, Howler } = window as unknown as {
        Howl: new (options: {
          src: string[];
        }) => {
          once(event: string, listener: (...args: unknown[]) => void): void;
          play(): number;
          stop(): void;
          playing(): boolean;
          seek(): number;
          duration(): number;
        };
        Howler: { ctx: AudioContext };
      };
      const played = await Promise.all(
        urls.map(
          (url) =>
            new Promise<{ url: string; duration: number; ended: boolean; seek: number }>(
              (resolve, reject) => {
                const howl = new Howl({ src: [url] });
                howl.once('loaderror', (_id, error) => reject(new Error(`${url}: ${String(error)}`)));
                howl.once('playerror', (_id, error) => reject(new Error(`${url}: ${String(error)}`)));
                howl.once('load', () => {
                  howl.once('end', () => resolve({ url, duration: howl.duration(), ended: true, seek: 0 }));
                  howl.once('play', () => {
                    // A file longer than a second: check it is under way, then stop it.
                    if (howl.duration() > 1) {
                      setTimeout(() => {
                        const seek = howl.seek();
                        const playing = howl.playing();
                        howl.stop();
                        resolve({ url, duration: howl.duration(), ended: !playing, seek });
                      }, 300);
                    }
                  });
                  howl.play();
                });
              },
            ),
        ),
      );
      return { state: Howler.ctx.state, played };
    }, SOUND_IDS.map(soundUrl));
    expect(results.state).toBe('running');
    for (const result of results.played) {
      if (result.duration > 1) {
        expect(result.ended, result.url).toBe(false);
        expect(result.seek, result.url).toBeGreaterThan(0.1);
      } else {
        expect(result.ended, result.url).toBe(true);
      }
    }
    expect(pageErrors.filter((text) => !text.includes('localhost'))).toEqual([]);
  });
});
