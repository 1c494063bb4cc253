import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { playMortgageClosing } from './support/mortgage-closing';
import { control, wait, waitFor } from './support/trainee';
import { recordReferenceSolution, settle } from './support/trainer';

const MORTGAGE = 'Mortgage closing: six participants on one call';

describe(`the checks screen in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp(undefined, { fakeClock: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('records a reference on the console for a copy of the mortgage closing and dry-runs it to full marks', async () => {
    const { page } = app;
    const copy = await page.evaluate(async () => {
      const api = (window as unknown as { api: Record<string, (p: unknown) => Promise<unknown>> }).api;
      const answer = (await api['scenarios:duplicate']?.({ id: 'mortgage-closing' })) as {
        ok: boolean;
        value: { id: string };
      };
      return answer.value.id;
    });
    await page.evaluate((id) => {
      window.location.hash = `#/checks/${id}`;
    }, copy);
    // The screen is loaded on demand; React reveals it after its fallback on the (simulated) clock.
    await settle(page, page.getByRole('heading', { level: 1, name: `Checks: ${MORTGAGE} (copy)` }));

    await recordReferenceSolution(page, playMortgageClosing, 12);
    // Nothing was graded as an assessment.
    const stored = await page.evaluate(async () => {
      const api = (window as unknown as { api: Record<string, (p?: unknown) => Promise<unknown>> }).api;
      return (await api['assessments:list']?.()) as { ok: boolean; value: ReadonlyArray<unknown> };
    });
    expect(stored.ok && stored.value.length).toBe(0);

    const readiness = page.getByRole('region', { name: 'Ready for trainees?' });
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByRole('region', { name: 'Dry run' });
    const score = dry.getByRole('status').first();
    await score.waitFor();
    expect(await score.textContent()).toMatch(/^Score: (\d+) of \1 · Full marks · Passed$/);
    await dry.getByRole('group', { name: /^Timeline of the reference run:/ }).waitFor();
    expect(await readiness.getByRole('status').textContent()).toMatch(/^Ready: /);
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test/e2e/screenshots/checks.png' });
    await inGerman(page, async () => {
      await page.getByRole('heading', { level: 1, name: /^Prüfungen: / }).waitFor();
      await page.screenshot({ path: 'test/e2e/screenshots/checks-de.png' });
      await page
        .getByRole('region', { name: 'Gegenüberstellung' })
        .screenshot({ path: 'test/e2e/screenshots/checks-side-by-side-de.png' });
    });
    await page
      .getByRole('region', { name: 'Previews' })
      .screenshot({ path: 'test/e2e/screenshots/checks-previews.png' });
    await page
      .getByRole('region', { name: 'Side by side' })
      .screenshot({ path: 'test/e2e/screenshots/checks-side-by-side.png' });
  });

  it('records a test run that must fail, and lists it with its last result', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Record test run' }).click();
    await page.getByRole('region', { name: 'Recording a test run' }).waitFor();
    await waitFor(page, page.getByText('Incoming call from Sofia Marin'));
    await control(page, 'Accept').click();
    await wait(page, 5);
    await control(page, 'Leave').click();
    await waitFor(page, control(page, 'Clear contact'), 5);
    await control(page, 'Clear contact').click();
    await page.getByRole('heading', { level: 1, name: /^Recording a test run:/ }).waitFor();
    await page.getByRole('radio', { name: 'Fail' }).check();
    await page.getByRole('textbox', { name: 'What the run shows (optional)' }).fill('hangs up on Sofia');
    await page.getByRole('button', { name: 'Save the test run' }).click();
    await settle(page, page.getByText('Saved. The checks are up to date.'));
    const tests = page.getByRole('region', { name: 'Recorded test runs' });
    const row = tests.getByRole('row').filter({ hasText: 'hangs up on Sofia' });
    await settle(page, row);
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'hangs up on Sofia',
      'fail',
      expect.stringMatching(/^failed with \d+%$/),
      '✓ as expected',
      'Replay',
    ]);
    await row.getByRole('button', { name: 'Replay run recorded-1' }).click();
    await tests.getByRole('group', { name: 'Timeline of test run recorded-1' }).waitFor();
    expect(
      await page.getByRole('region', { name: 'Ready for trainees?' }).getByRole('status').textContent(),
    ).toMatch(/^Ready: /);
  });
});
