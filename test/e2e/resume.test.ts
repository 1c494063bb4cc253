import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { card, control, openBriefing, quickConnect, start, wait, waitFor } from './support/trainee';

const WARM = 'Warm transfer with swap: a claim for the claims specialist';
const SCREENSHOTS = join(__dirname, 'screenshots');

/** The lines of the one unfinished journal in the data folder. */
function journalLines(dataFolder: string): ReadonlyArray<string> {
  const folder = join(dataFolder, 'journals');
  const names = readdirSync(folder).filter((name) => name.endsWith('.journal.jsonl'));
  if (names.length !== 1) return [];
  return readFileSync(join(folder, names[0] ?? ''), 'utf8')
    .trimEnd()
    .split('\n');
}

describe(`resuming a session after the app went down mid-call (${chooseTarget()})`, () => {
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('offers the session at the next start, resumes it at the console and grades the whole call', async () => {
    app = await launchApp(undefined, { fakeClock: true });
    let page = app.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await openBriefing(page, WARM);
    await start(page, 'Practice', 'Robin Resume');
    await wait(page, 2);
    await control(page, 'Accept').click();
    await waitFor(page, card(page, 'Marcus Bell').getByText('Connected'));
    await wait(page, 14);
    await quickConnect(page, 'Dana Ortiz (Claims)');
    await waitFor(page, card(page, 'Internal transfer').getByText('Connected', { exact: true }), 30);
    await wait(page, 6);
    // Every record so far has reached the journal on disk; then the app goes down mid-call.
    await expect
      .poll(() => journalLines(app?.dataFolder ?? '').filter((line) => line.includes('"type":"add"')).length)
      .toBe(1);
    const written = journalLines(app.dataFolder).length - 1;
    const dataFolder = app.dataFolder;
    await app.close();
    app = undefined;

    app = await launchApp(chooseTarget(), { dataFolder, fakeClock: true });
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    const banner = page.getByRole('region', { name: 'Unfinished sessions' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`Robin Resume, warm-transfer-swap`);
    expect(await banner.textContent()).toContain(`${written} records`);
    await banner.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('heading', { level: 1, name: `Console: ${WARM}` }).waitFor();
    await banner.getByText('Resumed: the call goes on at the console.').waitFor();
    // The call is where it stopped: the caller on hold, the specialist connected.
    await card(page, 'Marcus Bell').getByText('On hold').waitFor();
    await card(page, 'Internal transfer').getByText('Connected', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'resumed-console.png'), fullPage: true });
    await inGerman(page, async () => {
      await page.getByRole('heading', { level: 1, name: /^Konsole:/ }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'resumed-console-de.png'), fullPage: true });
    });

    // The trainee goes on to the end of the call.
    await wait(page, 8);
    await control(page, 'Join').click();
    await waitFor(page, card(page, 'Marcus Bell').getByText('Connected', { exact: true }), 5);
    await wait(page, 10);
    await control(page, 'Leave').click();
    await waitFor(page, control(page, 'Clear contact'), 5);
    await control(page, 'Clear contact').click();
    await page.getByRole('heading', { name: 'Session finished' }).waitFor();
    await page.getByRole('link', { name: 'See details' }).click();
    await page.getByRole('heading', { level: 1, name: `Results: ${WARM}` }).waitFor();

    // The results hold the actions from before the stop and after it, in one attempt.
    await page.getByText('Show the events as a table').click();
    const table = page.getByRole('table', { name: 'Events of the call, as a table' });
    const trainee = table.getByRole('row').filter({ hasText: /^\d+:\d\dYou/ });
    const actions = (await trainee.allTextContents()).map((row) => row.replace(/^\d+:\d\dYou/, ''));
    expect(actions.map((row) => row.replace(/done$/, ''))).toEqual([
      'accept',
      'add Dana Ortiz',
      'join',
      'leave',
      'clear after-call work',
    ]);
    const assessments = readdirSync(join(dataFolder, 'assessments')).filter((name) => name.endsWith('.json'));
    expect(assessments).toHaveLength(1);
    expect(page.url()).toContain(assessments[0]?.replace('.json', ''));
    expect(readdirSync(join(dataFolder, 'journals'))).toEqual([
      `${assessments[0]?.replace('.json', '')}.journal.done.jsonl`,
    ]);
    expect(app.pageErrors).toEqual([]);
  }, 240_000);
});
