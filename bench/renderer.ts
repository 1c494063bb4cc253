// Renderer benchmarks in the real Chromium: the console's click-to-paint, cue-to-sound, the
// picker's start against an empty React page built in the same run, and the bundle sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/support/browser';
import { launchApp } from '../test/e2e/support/launch';
import { serveFolder } from '../test/e2e/support/static-server';
import { card, control, openBriefing, start } from '../test/e2e/support/trainee';
import type { BenchSuite, Figure } from './harness';
import { percentile } from './harness';

const ROOT = join(__dirname, '..');
const FRAME_MS = 1000 / 60;

function budget(value: number, limit: number, text: string): Figure['budget'] {
  return { limit, within: value <= limit, text };
}

/** Milliseconds from page start until the first `button[data-card]` is in the DOM, for each load. */
async function timesToInteractive(url: string, loads: number): Promise<ReadonlyArray<number>> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  const context = await browser.newContext();
  const times: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      await page.addInitScript('window.__name = (f) => f');
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('button[data-card]') !== null) {
            (window as unknown as { __ready: number }).__ready = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined);
      times.push(await page.evaluate(() => (window as unknown as { __ready: number }).__ready));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

function median(values: ReadonlyArray<number>): number {
  return percentile(values, 50);
}

async function pickerStart(): Promise<Figure[]> {
  const emptyOut = mkdtempSync(join(tmpdir(), 'cct-empty-react-'));
  // Built by Vite's own command line: Vite does not build from inside tsx's loader.
  const built = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      join(__dirname, 'empty-react'),
      '--outDir',
      emptyOut,
      '--emptyOutDir',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`building the empty React page failed: ${built.stderr}`);
  const empty = await serveFolder(emptyOut);
  const loads = 12;
  const baseline = median(await timesToInteractive(`${empty.url}/index.html`, loads));
  await empty.close();
  // The picker with its real data through the real handlers (the e2e harness).
  const app = await launchApp('chromium');
  const picker: number[] = [];
  await app.page.addInitScript('window.__name = (f) => f');
  for (let i = 0; i < loads; i++) {
    await app.page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('button[data-card]') !== null) {
          (window as unknown as { __ready: number }).__ready = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await app.page.goto(`${app.page.url().split('#')[0]}#/scenarios`);
    await app.page.reload();
    await app.page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined);
    picker.push(await app.page.evaluate(() => (window as unknown as { __ready: number }).__ready));
  }
  await app.close();
  const ratio = median(picker) / baseline;
  return [
    { name: 'empty React page, time to first button (median)', value: baseline, unit: 'ms' },
    { name: 'picker, time to first card button (median)', value: median(picker), unit: 'ms' },
    {
      name: 'picker start as a ratio to the empty React page',
      value: ratio,
      unit: 'x',
      budget: budget(ratio, 1.5, '≤ 1.5x'),
    },
  ];
}

async function consoleReactions(): Promise<Figure[]> {
  const app = await launchApp('chromium', { observeHowler: true });
  try {
    const { page } = app;
    await openBriefing(page, 'Mortgage closing: six participants on one call');
    await start(page, 'Practice', 'Bench Trainee');
    await control(page, 'Accept').waitFor();
    await control(page, 'Accept').click();
    await card(page, 'Sofia Marin').getByText('Connected', { exact: true }).waitFor();
    // Click to painted state: mute and unmute the trainee's own line, 200 times. Each click
    // changes the call and re-renders the console. Two figures: until the DOM shows the new state
    // (the work, which must fit in a frame so that the next frame paints it), and until the next
    // animation frame (that work plus the wait for the display's frame).
    const clicks: { committed: number[]; frame: number[] } = await page.evaluate(async () => {
      const committed: number[] = [];
      const frame: number[] = [];
      const channel = new MessageChannel();
      const tick = () =>
        new Promise<void>((resolve) => {
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
      for (let i = 0; i < 200; i++) {
        const name = i % 2 === 0 ? 'Mute Your line' : 'Unmute Your line';
        const next = i % 2 === 0 ? 'Unmute Your line' : 'Mute Your line';
        const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
        if (button === null) throw new Error(`no button "${name}"`);
        const started = performance.now();
        const painted = new Promise<number>((resolve) =>
          requestAnimationFrame(() => resolve(performance.now())),
        );
        button.click();
        while (document.querySelector(`button[aria-label="${next}"]`) === null) {
          await tick();
          if (performance.now() - started > 2000) throw new Error(`"${next}" never appeared`);
        }
        committed.push(performance.now() - started);
        frame.push((await painted) - started);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return { committed, frame };
    });
    // Cue to sound: a keypad tone (the cue of a send-dtmf) until howler's play event for it.
    const cues: number[] = await page.evaluate(async () => {
      const record = window as unknown as { __plays: string[]; __playTimes: number[] };
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const digit = String(i % 10);
        const button = document.querySelector<HTMLButtonElement>(`button[aria-label="Tone ${digit}"]`);
        if (button === null) throw new Error(`no keypad button ${digit}`);
        const before = record.__plays.length;
        const started = performance.now();
        button.click();
        let index = -1;
        while (index < 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          index = record.__plays.findIndex((src, at) => at >= before && src.includes(`dtmf-${digit}.wav`));
          if (performance.now() - started > 2000) throw new Error(`no play event for DTMF ${digit}`);
        }
        times.push((record.__playTimes[index] as number) - started);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return times;
    });
    const clickP95 = percentile(clicks.committed, 95);
    const frameP95 = percentile(clicks.frame, 95);
    const cueP95 = percentile(cues, 95);
    return [
      {
        name: 'console click to the new state in the DOM (painted by the next frame), p95 (200 mute/unmute)',
        value: clickP95,
        unit: 'ms',
        budget: budget(clickP95, FRAME_MS, '≤ 16.7 ms'),
      },
      {
        name: 'console click to the next animation frame, p95 (includes the wait for the display frame)',
        value: frameP95,
        unit: 'ms',
      },
      {
        name: 'cue (keypad tone) to howler play event, p95 (60 tones)',
        value: cueP95,
        unit: 'ms',
        budget: budget(cueP95, 20, '≤ 20 ms'),
      },
    ];
  } finally {
    await app.close();
  }
}

/**
 * The JavaScript the page loads at start: the scripts and module preloads of index.html and
 * what they import statically. Screens loaded with `import()` (the editor, the checks, the library,
 * the overview and the history) come later.
 */
function startChunks(folder: string): ReadonlySet<string> {
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const code = readFileSync(join(folder, 'assets', name), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) pending.push(m[1] as string);
  }
  return seen;
}

function bundleSizes(): Figure[] {
  const folder = join(ROOT, 'out/renderer');
  const assets = join(folder, 'assets');
  const js = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const size = (names: ReadonlyArray<string>) =>
    names.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0) / 1024;
  const atStart = startChunks(folder);
  const initial = size(js.filter((name) => atStart.has(name)));
  const later = size(js.filter((name) => !atStart.has(name)));
  const preload = statSync(join(ROOT, 'out/preload/index.js')).size / 1024;
  return [
    {
      name: 'renderer JavaScript at start, gzipped',
      value: initial,
      unit: 'KB',
      budget: budget(initial, 350, '≤ 350 KB'),
    },
    {
      name: 'renderer JavaScript loaded later (editor, checks, library, overview, history), gzipped',
      value: later,
      unit: 'KB',
    },
    { name: 'preload bundle', value: preload, unit: 'KB', budget: budget(preload, 10, '≤ 10 KB') },
  ];
}

/** The renderer's budgets, measured in the real Chromium on the built app (`npm run build` first). */
export const rendererSuite: BenchSuite = {
  name: 'renderer',
  run: async () => [...bundleSizes(), ...(await consoleReactions()), ...(await pickerStart())],
};
