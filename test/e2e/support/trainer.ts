// A trainer in the library, the editor and the checks, as a test drives them: what takes real
// time (saving, checking, importing) next to the page's simulated clock.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits for a locator while both clocks run, `stepMs` at a time: saving, checking and importing
 * take real time, and React reveals a screen loaded on demand after its fallback on the page's
 * (simulated) clock.
 */
export async function settle(page: Page, locator: Locator, seconds = 60, stepMs = 250): Promise<void> {
  for (let i = 0; i < (seconds * 1000) / stepMs; i++) {
    if (await locator.isVisible()) return;
    await page.clock.runFor(stepMs);
    await page.waitForTimeout(stepMs);
  }
  throw new Error(`not visible after ${seconds} seconds: ${locator}`);
}

/** Drops a file from disk onto the page as the operating system does: dragover, then drop. */
export async function dropFile(page: Page, path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ([data, fileName]) => {
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'application/zip' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    [base64, name] as const,
  );
}

/**
 * On the checks screen: records the reference solution on the console with `play`, expects the
 * recording to end with `actions` actions at full marks and passed, and saves it.
 */
export async function recordReferenceSolution(
  page: Page,
  play: (page: Page) => Promise<void>,
  actions: number,
): Promise<void> {
  await page.getByRole('button', { name: 'Record reference solution' }).click();
  await page.getByRole('region', { name: 'Recording the reference solution' }).waitFor();
  await page.getByRole('heading', { level: 1, name: /^Console:/ }).waitFor();
  await play(page);
  await page.getByRole('heading', { level: 1, name: /^Recording the reference solution:/ }).waitFor();
  expect(await page.getByRole('status').first().textContent()).toMatch(
    new RegExp(`^The recording has ended: ${actions} actions\\. It scores (\\d+) of \\1 \\(Passed\\)\\.$`),
  );
  await page.getByRole('button', { name: 'Save as the reference solution' }).click();
  await settle(page, page.getByText('Saved. The checks are up to date.'));
}
