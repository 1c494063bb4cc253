/**
 * "Use my agent desktop" in the real Chromium: the example desktop (examples/streams-desktop,
 * unchanged, with the real amazon-connect-streams release beside it) is chosen as the folder,
 * served by main's own `desktop:` handler, framed by the app, and its unchanged `initCCP`
 * connects to the simulated CCP. The warm transfer with swap is played by clicking in the
 * desktop to a passing score that main stored; a refused action reaches the desktop's failure
 * callback with its rule ID.
 */

import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { launchApp, type RunningApp } from './support/launch';
import { captions, openBriefing, wait, waitFor } from './support/trainee';

const ROOT = join(__dirname, '../..');
const WARM_TRANSFER = 'Warm transfer with swap: a claim for the claims specialist';

/** The example desktop in a temporary folder, with Streams copied next to it as its README says. */
function exampleDesktop(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'cct-desktop-')), 'streams-desktop');
  cpSync(join(ROOT, 'examples/streams-desktop'), folder, { recursive: true });
  const streams = createRequire(__filename).resolve('amazon-connect-streams/release/connect-streams-min.js');
  cpSync(streams, join(folder, 'connect-streams-min.js'));
  return folder;
}

function storedAssessments(dataFolder: string): ReadonlyArray<{ result: { raw: number; passed: boolean } }> {
  const folder = join(dataFolder, 'assessments');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')));
}

describe('Use my agent desktop: the example Streams desktop in the app (chromium)', () => {
  let app: RunningApp;
  const folder = exampleDesktop();

  beforeAll(async () => {
    app = await launchApp('chromium', { fakeClock: true, chooseFolder: async () => folder });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('plays the warm transfer with swap by clicks in the desktop, to a passing score stored in main', async () => {
    const { page } = app;
    await openBriefing(page, WARM_TRANSFER);
    await page.getByRole('radio', { name: /^My agent desktop/ }).check();
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await page.getByText(`Folder: ${folder}`).waitFor();
    await page.screenshot({ path: 'test/e2e/screenshots/agent-desktop-briefing.png', fullPage: true });
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Trainee');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: `Agent desktop: ${WARM_TRANSFER}` }).waitFor();
    await page.getByText('Your desktop is connected to the simulated CCP.').waitFor();

    const desktop: FrameLocator = page.frameLocator('iframe[title="Your agent desktop"]');
    const frame = page.frames().find((f) => f.url().includes('/index.html?ccpUrl=')) as Frame;
    expect(frame).toBeDefined();

    // The desktop's page has no bridge to main, no Node, no other origin, no way to move the app.
    expect(await frame.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe('undefined');
    expect(await frame.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    const violated = await frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
            once: true,
          });
          fetch('http://127.0.0.1:9/elsewhere').catch(() => undefined);
        }),
    );
    expect(violated).toBe('connect-src');
    const appUrl = page.url();
    await frame.evaluate(() => {
      try {
        (window.top as Window).location.href = 'about:blank';
      } catch {
        // refused by the sandbox
      }
    });
    expect(page.url()).toBe(appUrl);

    await waitFor(page, desktop.getByText(/^connecting/), 30);
    await desktop.getByRole('button', { name: 'Accept', exact: true }).click();
    await waitFor(page, desktop.locator('#agent-state').getByText('Busy', { exact: true }), 5);

    // A refused action reaches the desktop's failure callback, with the rule ID.
    await desktop.getByRole('button', { name: 'Join', exact: true }).click();
    const refusal = desktop.getByRole('status');
    await refusal.getByText(/^Join failed: The action was refused: [a-z-]+ \((CONF|CCP)-\w+\)$/).waitFor();
    await page.screenshot({ path: 'test/e2e/screenshots/agent-desktop-refused.png', fullPage: true });

    await waitFor(page, captions(page).getByText('Hi, Marcus Bell here.', { exact: false }), 10);
    await wait(page, 7);
    await desktop.getByLabel('Quick connect').selectOption({ label: 'Dana Ortiz (Claims)' });
    await desktop.getByRole('button', { name: 'Add', exact: true }).click();
    await waitFor(page, captions(page).getByText('Before I take it', { exact: false }), 30);
    await wait(page, 3);
    await desktop.getByRole('button', { name: 'Swap', exact: true }).click();
    await waitFor(page, captions(page).getByText('reference EOB-5521-7', { exact: false }), 10);
    await wait(page, 6);
    await desktop.getByRole('button', { name: 'Swap', exact: true }).click();
    await wait(page, 5);
    await desktop.getByRole('button', { name: 'Join', exact: true }).click();
    await waitFor(page, captions(page).getByText('Hi Marcus, Dana from claims.', { exact: false }), 10);
    await waitFor(page, captions(page).getByText('That was easier than I expected.', { exact: false }), 10);
    await page.screenshot({ path: 'test/e2e/screenshots/agent-desktop.png', fullPage: true });
    await inGerman(page, async () => {
      await page.getByRole('heading', { level: 1, name: /^Agent-Desktop: / }).waitFor();
      await page.screenshot({ path: 'test/e2e/screenshots/agent-desktop-de.png', fullPage: true });
    });
    // The desktop lists what the trainee's Streams reports: Marcus and Dana, both connected.
    const rows = (await desktop.locator('#connections tr').allTextContents()).map((row) => row.trim());
    expect(rows, rows.join(' | ')).toHaveLength(2);
    expect(rows[0]).toMatch(/^Marcus Bellcustomerconnected/);
    expect(rows[1]).toMatch(/^Internal transferoutboundconnected/);
    await wait(page, 2);
    await desktop.getByRole('button', { name: 'Leave', exact: true }).click();
    await waitFor(page, desktop.getByText(/^ended/), 5);
    await desktop.getByRole('button', { name: 'Clear', exact: true }).click();

    await waitFor(page, page.getByRole('heading', { name: 'Session finished' }), 30);
    const stored = storedAssessments(app.dataFolder);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.result.passed).toBe(true);
    const shown = await page.getByText(/^Score: \d+ of \d+/).textContent();
    expect(shown).toContain(`Score: ${stored[0]?.result.raw} of`);
  });

  it('remembers the folder; in practice the app explains a refusal the desktop reports', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Play again' }).click();
    await page.getByRole('heading', { name: WARM_TRANSFER, level: 1 }).waitFor();
    await page.getByRole('radio', { name: /^My agent desktop/ }).check();
    await page.getByText(`Folder: ${folder}`).waitFor();
    await page.getByRole('radio', { name: /^Practice/ }).check();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Trainee');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Your desktop is connected to the simulated CCP.').waitFor();
    const desktop = page.frameLocator('iframe[title="Your agent desktop"]');
    await waitFor(page, desktop.getByText(/^connecting/), 30);
    await desktop.getByRole('button', { name: 'Accept', exact: true }).click();
    await waitFor(page, desktop.locator('#agent-state').getByText('Busy', { exact: true }), 5);
    await desktop.getByRole('button', { name: 'Swap', exact: true }).click();
    await desktop.getByText(/^Swap failed: The action was refused: [a-z-]+ \((CONF|CCP)-\w+\)$/).waitFor();
    const rule = /\(((?:CONF|CCP)-\w+)\)$/.exec((await desktop.getByRole('status').textContent()) ?? '')?.[1];
    const panel = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Not possible: Swap' }) });
    await panel.waitFor();
    expect(await panel.textContent()).toContain(`Rule ${rule}`);
    await page.screenshot({ path: 'test/e2e/screenshots/agent-desktop-practice.png', fullPage: true });
    await panel.getByRole('button', { name: 'Dismiss' }).click();
    expect(await panel.count()).toBe(0);
  });
});
