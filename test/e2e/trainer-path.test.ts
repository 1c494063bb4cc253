// The trainer's whole path in one run, as a person clicks it: a copy of a bundled scenario is
// edited, recorded, dry-run, shipped as a pack, deleted, brought back, and then played by a
// trainee, on another copy of the app that imports the pack, to a passing score that main stores.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { captions, control, openBriefing, quickConnect, start, wait, waitFor } from './support/trainee';
import { dropFile, recordReferenceSolution, settle } from './support/trainer';

const BUNDLED = 'Warm transfer with swap: a claim for the claims specialist';
const COPY = `${BUNDLED} (copy)`;
const SCREENSHOTS = join(__dirname, 'screenshots');

/** Plays the warm transfer with swap on the console: brief Dana, swap, swap back, join, leave. */
async function playWarmTransfer(page: Page): Promise<void> {
  await waitFor(page, page.getByText('Incoming call from Marcus Bell'));
  await wait(page, 2);
  await control(page, 'Accept').click();
  await waitFor(page, captions(page).getByText('Hi, Marcus Bell here.', { exact: false }), 10);
  await wait(page, 7);
  await quickConnect(page, 'Dana Ortiz (Claims)');
  await waitFor(page, captions(page).getByText('Before I take it', { exact: false }), 30);
  await wait(page, 3);
  await control(page, 'Swap').click();
  await waitFor(page, captions(page).getByText('reference EOB-5521-7', { exact: false }), 10);
  await wait(page, 6);
  await control(page, 'Swap').click();
  await wait(page, 5);
  await control(page, 'Join').click();
  await waitFor(page, captions(page).getByText('Hi Marcus, Dana from claims.', { exact: false }), 10);
  await waitFor(page, captions(page).getByText('That was easier than I expected.', { exact: false }), 10);
  await wait(page, 2);
  await control(page, 'Leave').click();
  await waitFor(page, control(page, 'Clear contact'), 5);
  await control(page, 'Clear contact').click();
}

function sectionButton(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: false });
}

describe(`the trainer's path in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;
  let other: RunningApp | undefined;

  beforeAll(async () => {
    app = await launchApp(undefined, { fakeClock: true });
  });

  afterAll(async () => {
    await app?.close();
    await other?.close();
  });

  it('duplicates, edits, records, dry-runs, exports, deletes and re-imports a scenario, which another copy of the app imports and a trainee passes there', async () => {
    const { page, dataFolder } = app;
    const status = page.locator('p.library-status[role="status"]');

    // Library: a copy of the bundled warm transfer.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    const list = page.getByRole('listbox', { name: 'Scenarios' });
    await settle(page, list.getByRole('option', { name: BUNDLED }));
    await list.getByRole('option', { name: BUNDLED }).click();
    await page
      .getByRole('region', { name: BUNDLED })
      .getByRole('button', { name: 'Duplicate to edit' })
      .click();
    await settle(page, status.getByText('Duplicated as'));
    const copyText = (await status.textContent()) ?? '';
    const id = /\(([a-z0-9-]+)\): this copy/.exec(copyText)?.[1] as string;
    expect(id).toMatch(/^warm-transfer-swap/);
    const details = page.getByRole('region', { name: COPY });
    await page.screenshot({ path: join(SCREENSHOTS, 'trainer-library.png'), fullPage: true });

    // Editor: Dana's answer delay and a rubric weight, with a finding on the way.
    await details.getByRole('link', { name: 'Edit' }).click();
    await settle(page, page.getByRole('heading', { name: `Edit: ${COPY}` }));
    await settle(page, page.getByText('No findings: the scenario is valid.'));
    await sectionButton(page, 'Parties').click();
    const min = page
      .getByRole('group', { name: 'Party 3: Dana Ortiz' })
      .getByRole('group', { name: 'Answer', exact: true })
      .getByRole('group', { name: 'After', exact: true })
      .getByLabel('Min', { exact: true });
    expect(await min.inputValue()).toBe('3');
    await min.fill('-1');
    await expect.poll(() => min.getAttribute('aria-invalid')).toBe('true');
    const findings = page.getByRole('region', { name: 'Findings' });
    await findings.getByRole('button', { name: /\$\.parties\[2\]\.answer\.after\.min/ }).waitFor();
    await min.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SCREENSHOTS, 'trainer-editor-finding.png') });
    await min.fill('2');
    await page.getByText('No findings: the scenario is valid.').waitFor();
    expect(await min.getAttribute('aria-invalid')).toBeNull();
    await sectionButton(page, 'Rubric').click();
    const weight = page.getByRole('group', { name: /^Criterion 1: / }).getByLabel('Weight', { exact: true });
    expect(await weight.inputValue()).toBe('15');
    await weight.fill('20');
    await page.getByRole('button', { name: 'Save' }).click();
    await settle(page, page.getByText('All changes saved'));
    const saved = JSON.parse(readFileSync(join(dataFolder, 'scenarios', `${id}.json`), 'utf8'));
    expect(saved.parties[2].answer.after.min).toBe(2);
    expect(saved.rubric.criteria[0].weight).toBe(20);

    // Checks: record a reference on the console, dry-run it to full marks, Ready.
    await page.getByRole('toolbar', { name: 'Editor actions' }).getByRole('link', { name: 'Checks' }).click();
    await settle(page, page.getByRole('heading', { level: 1, name: `Checks: ${COPY}` }));
    await recordReferenceSolution(page, playWarmTransfer, 7);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByRole('region', { name: 'Dry run' });
    await settle(page, dry.getByRole('status').first());
    expect(await dry.getByRole('status').first().textContent()).toMatch(
      /^Score: (\d+) of \1 · Full marks · Passed$/,
    );
    const readiness = page.getByRole('region', { name: 'Ready for trainees?' });
    expect(await readiness.getByRole('status').textContent(), (await readiness.textContent()) ?? '').toMatch(
      /^Ready: /,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'trainer-checks.png') });
    const recorded = JSON.parse(readFileSync(join(dataFolder, 'scenarios', `${id}.json`), 'utf8'));
    expect(recorded.reference.actions.map((a: { action: string }) => a.action)).toEqual([
      'accept',
      'add',
      'swap',
      'swap',
      'join',
      'leave',
      'clear',
    ]);

    // Library: export a pack, delete the scenario, import the pack again.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await settle(page, list.getByRole('option', { name: COPY }));
    await list.getByRole('option', { name: COPY }).click();
    mkdirSync(join(dataFolder, 'exports'), { recursive: true });
    await details.getByRole('button', { name: 'Export pack with clips' }).click();
    const pack = join(dataFolder, 'exports', `${id}.scenario-pack.zip`);
    await settle(page, status.getByText(`Exported "${COPY}" to ${pack}.`));
    await details.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('alertdialog', { name: `Move "${COPY}" to the trash?` })
      .getByRole('button', { name: 'Move to trash' })
      .click();
    await settle(page, status.getByText(`Moved "${COPY}" to the trash.`));
    expect(existsSync(join(dataFolder, 'scenarios', `${id}.json`))).toBe(false);
    await dropFile(page, pack, `${id}.scenario-pack.zip`);
    await settle(page, status.getByText(`Imported "${COPY}" (${id}) with 0 clips.`));
    expect(readdirSync(join(dataFolder, 'scenarios'))).toEqual([`${id}.json`]);
    const imported = JSON.parse(readFileSync(join(dataFolder, 'scenarios', `${id}.json`), 'utf8'));
    expect(imported.parties[2].answer.after.min).toBe(2);
    expect(imported.rubric.criteria[0].weight).toBe(20);
    expect(imported.reference).toEqual(recorded.reference);
    await page.screenshot({ path: join(SCREENSHOTS, 'trainer-reimported.png'), fullPage: true });

    // Another copy of the app, on a data folder of its own, imports the one file and plays it.
    other = await launchApp(undefined, { fakeClock: true });
    const second = other.page;
    await second.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await settle(
      second,
      second.getByRole('listbox', { name: 'Scenarios' }).getByRole('option', { name: BUNDLED }),
    );
    await dropFile(second, pack, `${id}.scenario-pack.zip`);
    await settle(
      second,
      second.locator('p.library-status[role="status"]').getByText(`Imported "${COPY}" (${id}) with 0 clips.`),
    );
    expect(readdirSync(join(other.dataFolder, 'scenarios'))).toEqual([`${id}.json`]);

    // The trainee, on that other copy: the picker, the briefing, an assessment played to the end.
    await openBriefing(second, COPY);
    await start(second, 'Assessment', 'Alex Trainee');
    await playWarmTransfer(second);
    await waitFor(second, second.getByRole('heading', { name: 'Session finished' }), 30);
    await second.screenshot({ path: join(SCREENSHOTS, 'trainer-trainee-result.png'), fullPage: true });
    const folder = join(other.dataFolder, 'assessments');
    const stored = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')));
    expect(stored).toHaveLength(1);
    expect(stored[0].scenario.id).toBe(id);
    expect(stored[0].result.passed).toBe(true);
    // The edited weight counts: 15 became 20 of what were 100 points.
    expect(stored[0].result.max).toBe(105);
    expect(await second.getByText(/^Score: \d+ of \d+/).textContent()).toContain(
      `Score: ${stored[0].result.raw} of`,
    );
    expect(app.pageErrors).toEqual([]);
    expect(other.pageErrors).toEqual([]);
  }, 240_000);
});
