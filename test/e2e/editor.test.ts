import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';

/**
 * Waits in real time for the lazily loaded editor to show, running the paused clock meanwhile:
 * React reveals a suspended screen no sooner than its fallback's throttle (a timer) allows.
 */
async function shown(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { name });
  await expect
    .poll(
      async () => {
        await page.clock.runFor(500);
        return heading.isVisible();
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
}

function sectionButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: false });
}

function brokerDelayMin(page: Page) {
  return page
    .getByRole('group', { name: 'Party 3: Helen Brooks' })
    .getByRole('group', { name: 'Answer', exact: true })
    .getByRole('group', { name: 'After', exact: true })
    .getByLabel('Min', { exact: true });
}

function firstWeight(page: Page) {
  return page.getByRole('group', { name: /^Criterion 1: / }).getByLabel('Weight', { exact: true });
}

describe(`the scenario editor in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    // The paused clock: the editor validates and saves without timers that only time would run.
    app = await launchApp(undefined, { fakeClock: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('edits a copy of a bundled scenario in the form, shows a finding until it is fixed, and saves', async () => {
    const { page } = app;
    const copy = await page.evaluate(async () => {
      const answer = await (
        window as unknown as {
          api: Record<string, (p: unknown) => Promise<{ ok: boolean; value: { id: string; title: string } }>>;
        }
      ).api['scenarios:duplicate']?.({ id: 'mortgage-closing' });
      return answer?.value;
    });
    expect(copy?.id).toMatch(/^mortgage-closing/);
    const id = copy?.id as string;
    const heading = `Edit: ${copy?.title}`;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/edit/${id}`);
    await shown(page, heading);
    await page.getByText('No findings: the scenario is valid.').waitFor();

    // A party's answer delay below zero: the finding appears at the field and in the list.
    await sectionButton(page, 'Parties').click();
    const min = brokerDelayMin(page);
    expect(await min.inputValue()).toBe('3');
    await min.fill('-1');
    await expect.poll(() => min.getAttribute('aria-invalid')).toBe('true');
    const findings = page.getByRole('region', { name: 'Findings' });
    const entry = findings.getByRole('button', { name: /\$\.parties\[2\]\.answer\.after\.min/ });
    await entry.waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    await min.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: 'test/e2e/screenshots/editor.png' });
    await inGerman(page, async () => {
      await page.getByRole('region', { name: 'Befunde' }).waitFor();
      await page.screenshot({ path: 'test/e2e/screenshots/editor-de.png' });
    });
    // The same finding in the JSON view, at its line.
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    await entry.click();
    await page.getByRole('textbox', { name: 'The scenario as JSON' }).waitFor();
    // CodeMirror measures and draws in animation frames, which the paused clock runs only when told.
    await page.clock.runFor(200);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const root = document.querySelector('.editor-json')?.shadowRoot;
          const line = root?.querySelector('.cm-activeLineGutter')?.textContent;
          return line;
        }),
      )
      .toBe('103');
    await page.screenshot({ path: 'test/e2e/screenshots/editor-json.png' });
    await inGerman(page, async () => {
      await page.getByRole('region', { name: 'Befunde' }).waitFor();
      await page.clock.runFor(200);
      await page.screenshot({ path: 'test/e2e/screenshots/editor-json-de.png' });
    });
    await page.getByRole('button', { name: 'Form', exact: true }).click();

    // A rubric weight, in another section.
    await sectionButton(page, 'Rubric').click();
    await firstWeight(page).fill('10');

    // The finding's entry leads back to the field, where the trainer fixes it.
    await entry.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path')))
      .toBe('$.parties[2].answer.after.min');
    await min.fill('2');
    await page.getByText('No findings: the scenario is valid.').waitFor();
    expect(await min.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor();
    await page.getByText('All changes saved').waitFor();
    const file = JSON.parse(readFileSync(join(app.dataFolder, 'scenarios', `${id}.json`), 'utf8'));
    expect(file.parties[2].answer.after.min).toBe(2);
    expect(file.rubric.criteria[0].weight).toBe(10);

    // Reopened, the editor shows the saved values.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: /^Edit: / }).waitFor({ state: 'detached' });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/edit/${id}`);
    await shown(page, heading);
    await sectionButton(page, 'Parties').click();
    expect(await brokerDelayMin(page).inputValue()).toBe('2');
    await sectionButton(page, 'Rubric').click();
    expect(await firstWeight(page).inputValue()).toBe('10');
    expect(app.pageErrors).toEqual([]);
  });
});
