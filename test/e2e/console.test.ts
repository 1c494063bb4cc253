import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import {
  captions,
  card,
  control,
  dial,
  openBriefing,
  quickConnect,
  start,
  wait,
  waitFor,
} from './support/trainee';

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
    await waitFor(page, page.getByText('Incoming call from Sofia Marin'));
    await wait(page, 2);
    await control(page, 'Accept').click();
    await waitFor(page, card(page, 'Sofia Marin').getByText('Connected'));

    const consultAndJoin = async (label: string) => {
      await waitFor(page, card(page, label).getByText('Connected', { exact: true }), 30);
      await wait(page, 8);
      await control(page, 'Join').click();
      await waitFor(page, card(page, 'Sofia Marin').getByText('Connected', { exact: true }), 5);
    };
    await wait(page, 15);
    await quickConnect(page, 'Brooks Mortgage Brokers');
    await consultAndJoin('Brooks Mortgage Brokers');
    await wait(page, 12);
    await dial(page, '+13125550163');
    await consultAndJoin('+13125550163');
    await wait(page, 12);
    await quickConnect(page, 'Spanish interpreter line');
    await consultAndJoin('Spanish interpreter line');
    await wait(page, 12);
    await quickConnect(page, 'Priya Nair (Lending manager)');
    await consultAndJoin('Priya Nair (Lending manager)');
    await page.screenshot({ path: 'test/e2e/screenshots/console-six-parties.png', fullPage: true });
    await inGerman(page, async () => {
      await page.getByRole('heading', { name: 'Wer hört wen' }).waitFor();
      await page.screenshot({ path: 'test/e2e/screenshots/console-six-parties-de.png', fullPage: true });
    });
    await waitFor(
      page,
      captions(page).getByText("We don't need the interpreter any more.", { exact: false }),
      60,
    );
    await card(page, 'Spanish interpreter line')
      .getByRole('button', { name: /^Disconnect/ })
      .click();
    await wait(page, 10);
    await control(page, 'Leave').click();
    await waitFor(page, control(page, 'Clear contact'), 5);
    await control(page, 'Clear contact').click();
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
