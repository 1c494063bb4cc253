import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soundUrl } from '../../src/renderer/src/audio/sounds';
import { bundledScenario } from '../support/assessments';
import { playSession } from './support/api';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { wait } from './support/trainee';

const SCREENSHOTS = join(__dirname, 'screenshots');
const mortgage = bundledScenario('mortgage-closing');

describe(`playing a replay in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;
  let attemptId: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await launchApp(undefined, { fakeClock: true, observeHowler: true });
    await app.page.setViewportSize({ width: 1280, height: 900 });
    await app.page.getByRole('banner').getByText(app.name).waitFor();
    attemptId = await playSession(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('plays the mortgage closing at 4x: after 11 simulated seconds it shows 0:44, the broker joined at 0:40, with the cue sounds', async () => {
    const { page } = app;
    await page.goto(`${page.url().split('#')[0]}#/replay/${attemptId}`);
    await page.getByRole('heading', { level: 1, name: `Replay: ${mortgage.title}` }).waitFor();
    const slider = page.getByRole('slider', { name: 'Replay position' });
    expect(await slider.getAttribute('aria-valuenow')).toBe('0');
    await page.getByRole('radio', { name: '4×' }).check();
    await page.getByRole('button', { name: 'Play' }).click();
    await wait(page, 11);
    const position = Number(await slider.getAttribute('aria-valuenow'));
    expect(position).toBeGreaterThanOrEqual(44_000 - 4 * 17);
    expect(position).toBeLessThanOrEqual(44_000);
    // The instant shown is 0:44: the broker has just been joined with the customer.
    const instant = page.getByRole('region', { name: /^At 0:4[34]$/ });
    await instant.waitFor();
    const legs = instant.getByRole('list', { name: 'Connections' });
    await legs.getByText('Sofia Marin: connected').waitFor();
    await legs.getByText('Helen Brooks: connected').waitFor();
    // The cues sounded through howler as they passed: the ringing at the start, the join.
    const plays: string[] = await page.evaluate(() => (window as unknown as { __plays: string[] }).__plays);
    expect(plays).toContain(soundUrl('ring'));
    expect(plays).toContain(soundUrl('ringback-us'));
    await page
      .getByRole('log', { name: 'What is heard while playing' })
      .getByText(/Helen Brooks:/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'replay-playing.png'), fullPage: true });
    await inGerman(page, async () => {
      await page.getByRole('button', { name: 'Anhalten' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'replay-playing-de.png'), fullPage: true });
    });

    // Paused, the position stays; playing on reaches the end of the call and stops there.
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await slider.getAttribute('aria-valuenow');
    await wait(page, 3);
    expect(await slider.getAttribute('aria-valuenow')).toBe(paused);
    await page.getByRole('button', { name: 'Play' }).click();
    await wait(page, 50);
    expect(await slider.getAttribute('aria-valuenow')).toBe('218000');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
