// The console in the real Chromium, beyond the good run: a bad run scores lower, controls are
// disabled exactly when the rules say (assessment mode), the sounds really play with their
// captions, a keyboard-only run, and a German run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { captions, card, control, openBriefing, quickConnect, start, wait, waitFor } from './support/trainee';

const MORTGAGE = 'Mortgage closing: six participants on one call';
const SWAP = 'Warm transfer with swap: a claim for the claims specialist';

function stored(
  dataFolder: string,
): ReadonlyArray<{ result: { raw: number; max: number; passed: boolean } }> {
  const folder = join(dataFolder, 'assessments');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')));
}

describe(`console rules, sounds and keyboard in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('a bad run (join without consulting, the caller left on hold) scores low and fails', async () => {
    app = await launchApp(undefined, { fakeClock: true });
    const { page } = app;
    await openBriefing(page, MORTGAGE);
    await start(page, 'Assessment', 'Sam Hasty');
    await waitFor(page, control(page, 'Accept'));
    await control(page, 'Accept').click();
    await wait(page, 10);
    await quickConnect(page, 'Brooks Mortgage Brokers');
    await waitFor(page, card(page, 'Brooks Mortgage Brokers').getByText('Connected', { exact: true }), 30);
    await control(page, 'Join').click();
    await wait(page, 3);
    await card(page, 'Sofia Marin').getByRole('button', { name: 'Hold Sofia Marin' }).click();
    await wait(page, 60);
    await control(page, 'Leave').click();
    await waitFor(page, control(page, 'Clear contact'), 5);
    await control(page, 'Clear contact').click();
    await page.getByRole('heading', { name: 'Session finished' }).waitFor();
    expect(await page.getByText('Not passed', { exact: true }).isVisible()).toBe(true);
    const [assessment] = stored(app.dataFolder);
    expect(assessment?.result.passed).toBe(false);
    expect(assessment?.result.raw).toBeLessThan((assessment?.result.max ?? 0) * 0.75);
  });

  it('assessment mode disables what the rules refuse: swap with four parties (CONF-4), a second add while dialling (CONF-5)', async () => {
    app = await launchApp(undefined, { fakeClock: true });
    const { page } = app;
    await openBriefing(page, MORTGAGE);
    await start(page, 'Assessment', 'Kim Careful');
    await waitFor(page, control(page, 'Accept'));
    await control(page, 'Accept').click();
    await wait(page, 10);
    await quickConnect(page, 'Brooks Mortgage Brokers');
    const interpreter = page.getByRole('button', { name: 'Add Spanish interpreter line' });
    expect(await interpreter.getAttribute('aria-disabled')).toBe('true');
    await interpreter.focus();
    const reason = page.locator(`#${await interpreter.getAttribute('aria-describedby')}`);
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toMatch(/\((CONF-5|CCP-6)\)$/);
    await waitFor(page, card(page, 'Brooks Mortgage Brokers').getByText('Connected', { exact: true }), 30);
    expect(await control(page, 'Swap').getAttribute('aria-disabled')).toBeNull();
    await wait(page, 6);
    await control(page, 'Join').click();
    await quickConnect(page, 'Spanish interpreter line');
    await waitFor(page, card(page, 'Spanish interpreter line').getByText('Connected', { exact: true }), 30);
    expect(await control(page, 'Swap').getAttribute('aria-disabled')).toBe('true');
    await page.screenshot({
      path: 'test/e2e/screenshots/console-assessment-swap-disabled.png',
      fullPage: true,
    });
  });

  it('CONF-11: in three-party mode the mute of another agent is disabled', async () => {
    app = await launchApp(undefined, { fakeClock: true });
    const { page } = app;
    await openBriefing(page, SWAP);
    await start(page, 'Assessment', 'Kim Careful');
    await waitFor(page, control(page, 'Accept'));
    await control(page, 'Accept').click();
    await wait(page, 10);
    await quickConnect(page, 'Dana Ortiz (Claims)');
    await waitFor(page, card(page, 'Internal transfer').getByText('Connected', { exact: true }), 30);
    const mute = card(page, 'Internal transfer').getByRole('button', { name: 'Mute Internal transfer' });
    expect(await mute.getAttribute('aria-disabled')).toBe('true');
    expect(
      await card(page, 'Marcus Bell')
        .getByRole('button', { name: 'Mute Marcus Bell' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('plays the cues through howler (ring, ringback, DTMF, join) and shows their sound captions', async () => {
    app = await launchApp(undefined, { fakeClock: true, observeHowler: true });
    const { page } = app;
    await openBriefing(page, MORTGAGE);
    await start(page, 'Practice', 'Lee Listener');
    await waitFor(page, control(page, 'Accept'));
    await wait(page, 1);
    await control(page, 'Accept').click();
    await wait(page, 4);
    await page.getByRole('button', { name: 'Tone 1', exact: true }).click();
    await page.getByRole('button', { name: 'Tone 2', exact: true }).click();
    await wait(page, 2);
    await quickConnect(page, 'Brooks Mortgage Brokers');
    await waitFor(page, card(page, 'Brooks Mortgage Brokers').getByText('Connected', { exact: true }), 30);
    await wait(page, 6);
    await control(page, 'Join').click();
    await wait(page, 2);
    const plays: string[] = await page.evaluate(() => (window as unknown as { __plays: string[] }).__plays);
    const played = (name: string) => plays.some((src) => src.includes(`audio/${name}.wav`));
    expect(played('ring')).toBe(true);
    expect(played('ringback-us')).toBe(true);
    expect(played('dtmf-1')).toBe(true);
    expect(played('dtmf-2')).toBe(true);
    expect(played('join')).toBe(true);
    const log = captions(page);
    for (const caption of ['[ringing]', '[ringback tone]', '[DTMF 1]', '[DTMF 2]', '[join chime]']) {
      expect(await log.getByText(caption, { exact: true }).count()).toBeGreaterThan(0);
    }
  });

  it('a keyboard-only run of the warm transfer with swap', async () => {
    app = await launchApp(undefined, { fakeClock: true });
    const { page } = app;
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Enter');
    await openBriefingByKeyboard(page, SWAP);
    await page.getByRole('radio', { name: /^Assessment/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('textbox', { name: 'Your name' }).focus();
    await page.keyboard.type('Kai Keys');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Console:/ }).waitFor();
    await waitFor(page, control(page, 'Accept'));
    await page.keyboard.press('a');
    await wait(page, 8);
    await page.keyboard.press('q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the one quick connect: Dana Ortiz (Claims)
    await waitFor(page, card(page, 'Internal transfer').getByText('Connected', { exact: true }), 30);
    await wait(page, 8);
    await page.keyboard.press('s');
    await wait(page, 8);
    await page.keyboard.press('s');
    await wait(page, 6);
    await page.keyboard.press('j');
    await wait(page, 10);
    await page.keyboard.press('l');
    await waitFor(page, control(page, 'Clear contact'), 5);
    await page.keyboard.press('c');
    await page.getByRole('heading', { name: 'Session finished' }).waitFor();
    const [assessment] = stored(app.dataFolder);
    expect(assessment?.result.passed).toBe(true);
  });

  it('a German run: the console, its refusals and the German scenario', async () => {
    app = await launchApp(undefined, { fakeClock: true, language: 'de' });
    const { page } = app;
    await openBriefing(page, 'Kreditabschluss: sechs Teilnehmende in einem Anruf');
    await page.screenshot({ path: 'test/e2e/screenshots/briefing-de.png', fullPage: true });
    await start(page, 'Übung', 'Jana Beispiel');
    await waitFor(page, control(page, 'Annehmen'));
    await control(page, 'Annehmen').click();
    await wait(page, 3);
    await control(page, 'Wechseln').click();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Nicht möglich: Wechseln');
    expect(await alert.textContent()).toMatch(/Regel (CCP-4|CONF-4)/);
    await waitFor(page, captions(page).getByText('Sofia Marin:', { exact: false }).first(), 10);
    expect(await page.getByRole('region', { name: 'Verbindungen', exact: true }).textContent()).toContain(
      'Verbunden',
    );
    await page.screenshot({ path: 'test/e2e/screenshots/console-de.png', fullPage: true });
  });
});

async function openBriefingByKeyboard(page: import('playwright-core').Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Scenarios' }).focus();
  await page.keyboard.press('Enter');
  const cardButton = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .getByRole('button', { name: 'Open briefing' });
  await page.getByRole('button', { name: 'Open briefing' }).first().focus();
  for (let i = 0; i < 12 && !(await cardButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}
