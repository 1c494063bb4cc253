import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { playMortgageClosing } from './support/mortgage-closing';
import { openBriefing, start } from './support/trainee';

const MORTGAGE = 'Mortgage closing: six participants on one call';

function storedAssessments(dataFolder: string): ReadonlyArray<{ result: { raw: number; passed: boolean } }> {
  const folder = join(dataFolder, 'assessments');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')));
}

describe(`the trainee console in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp(undefined, { fakeClock: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('plays the mortgage closing by clicking, to a passing score that main stored', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Scenarios' }).click();
    await page.getByText('10 scenarios shown').waitFor();
    await page.screenshot({ path: 'test/e2e/screenshots/picker.png', fullPage: true });
    await inGerman(page, async () => {
      await page.getByText('10 Szenarien angezeigt').waitFor();
      await page.screenshot({ path: 'test/e2e/screenshots/picker-de.png', fullPage: true });
    });
    await openBriefing(page, MORTGAGE);
    await page.screenshot({ path: 'test/e2e/screenshots/briefing.png', fullPage: true });
    await start(page, 'Practice', 'Alex Trainee');
    await playMortgageClosing(page, async () => {
      // The caption log is longer than its box by now, and shows its newest line.
      const newestInView = await page.getByRole('log', { name: 'Captions' }).evaluate((log) => {
        const newest = log.querySelector('li:last-child');
        if (newest === null || log.scrollHeight <= log.clientHeight) return false;
        const box = log.getBoundingClientRect();
        const line = newest.getBoundingClientRect();
        return line.top >= box.top - 1 && line.bottom <= box.bottom + 1;
      });
      expect(newestInView).toBe(true);
      await page.screenshot({ path: 'test/e2e/screenshots/console-six-parties.png', fullPage: true });
      await inGerman(page, async () => {
        await page.getByRole('heading', { name: 'Wer hört wen' }).waitFor();
        await page.screenshot({ path: 'test/e2e/screenshots/console-six-parties-de.png', fullPage: true });
      });
    });
    await page.getByRole('heading', { name: 'Session finished' }).waitFor();
    await page.screenshot({ path: 'test/e2e/screenshots/console-summary.png', fullPage: true });
    await inGerman(page, async () => {
      await page.getByRole('heading', { name: 'Sitzung beendet' }).waitFor();
      await page.screenshot({ path: 'test/e2e/screenshots/console-summary-de.png', fullPage: true });
    });
    expect(await page.getByText('Passed', { exact: true }).isVisible()).toBe(true);
    const stored = storedAssessments(app.dataFolder);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.result.passed).toBe(true);
    const shown = await page.getByText(/^Score: \d+ of \d+/).textContent();
    expect(shown).toContain(`Score: ${stored[0]?.result.raw} of`);
    await page.getByRole('link', { name: 'See details' }).click();
    await page.getByRole('heading', { level: 1, name: `Results: ${MORTGAGE}` }).waitFor();
  });
});
