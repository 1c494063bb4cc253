import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { verifyAssessment } from '@shared/scoring/grade';
import { generateKeyPair, keyIdOf, signDocument } from '@shared/scoring/signature';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledScenario, gradedAssessment, MORTGAGE_MISTAKES } from '../support/assessments';
import { runCliText } from '../support/cli';
import { playSession } from './support/api';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';

const SCREENSHOTS = join(__dirname, 'screenshots');
const mortgage = bundledScenario('mortgage-closing');

/** Drops assessment files (name and JSON text) onto the class overview's drop zone. */
async function dropOnOverview(
  page: Page,
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
): Promise<void> {
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped)
      transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
    const zone = document.querySelector('.overview-drop');
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

describe(`results, replay and the class overview in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;
  let reference: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await launchApp();
    await app.page.setViewportSize({ width: 1280, height: 900 });
    await app.page.getByRole('banner').getByText(app.name).waitFor();
    reference = await playSession(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the results of the finished mortgage closing, verified by main', async () => {
    await app.page.goto(`${app.page.url().split('#')[0]}#/results/${reference}`);
    await app.page.getByRole('heading', { level: 1, name: `Results: ${mortgage.title}` }).waitFor();
    expect(await app.page.getByTestId('results-score').textContent()).toBe('100 of 100 points');
    await expect
      .poll(() => app.page.getByTestId('results-check').getAttribute('data-status'))
      .toBe('verified');
    expect(await app.page.getByText('Passed', { exact: true }).count()).toBe(1);
    await app.page.screenshot({ path: join(SCREENSHOTS, 'results.png'), fullPage: true });
    await inGerman(app.page, async () => {
      await app.page.getByRole('heading', { level: 1, name: `Ergebnis: ${mortgage.title}` }).waitFor();
      await app.page.screenshot({ path: join(SCREENSHOTS, 'results-de.png'), fullPage: true });
    });
  });

  it('follows an evidence link to the replay and shows the six parties connected at that moment', async () => {
    const criterion = app.page.getByRole('listitem', { name: 'Consulted the manager before joining' });
    const link = criterion.getByRole('link', { name: /Show 2:52 in the replay/ });
    expect(await link.getAttribute('href')).toBe(`#/replay/${reference}?at=172000`);
    await link.click();
    const slider = app.page.getByRole('slider', { name: 'Replay position' });
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('172000');
    const legs = app.page.getByRole('list', { name: 'Connections' });
    for (const party of mortgage.parties)
      expect(await legs.getByText(`${party.name}: connected`).count()).toBe(1);
    await app.page.locator('.replay-panel').screenshot({ path: join(SCREENSHOTS, 'timeline.png') });
    // The link itself opens the stand-alone replay at the same instant.
    await app.page.goto(`${app.page.url().split('#')[0]}#/replay/${reference}?at=172000`);
    await app.page.getByRole('heading', { level: 1, name: `Replay: ${mortgage.title}` }).waitFor();
    await expect.poll(() => app.page.getByRole('slider').getAttribute('aria-valuenow')).toBe('172000');
    await app.page.keyboard.press('Tab');
    await app.page.getByRole('slider').focus();
    await app.page.keyboard.press('End');
    await expect.poll(() => app.page.getByRole('slider').getAttribute('aria-valuenow')).toBe('218000');
  });

  it('exports the assessment and its xAPI statements; the files validate and re-grade', async () => {
    // The harness's save dialog answers with a file in this folder; a real dialog's folder exists.
    mkdirSync(join(app.dataFolder, 'exports'), { recursive: true });
    await app.page.goto(`${app.page.url().split('#')[0]}#/results/${reference}`);
    await app.page.getByRole('button', { name: 'Export assessment (JSON)' }).click();
    const savedJson = app.page.getByRole('status').filter({ hasText: 'Saved to' });
    await savedJson.waitFor();
    const jsonPath = ((await savedJson.textContent()) ?? '').replace('Saved to ', '');
    expect(jsonPath.startsWith(join(app.dataFolder, 'exports'))).toBe(true);
    const exported = AssessmentSchema.parse(JSON.parse(readFileSync(jsonPath, 'utf8')));
    expect(verifyAssessment(exported, mortgage)).toMatchObject({ verified: true, problems: [] });
    // A trainer elsewhere re-grades the file with the CLI, trusting this installation's key.
    const key = JSON.parse(readFileSync(join(app.dataFolder, 'keys', 'installation-key.json'), 'utf8')) as {
      publicKey: string;
    };
    const trust = join(app.dataFolder, 'exports', 'keys.json');
    writeFileSync(trust, JSON.stringify({ keys: [{ publicKey: key.publicKey, label: 'Lab 1' }] }));
    const graded = await runCliText(['grade', '--json', '--trust', trust, jsonPath]);
    expect(graded.code).toBe(0);
    expect(JSON.parse(graded.out).files[0]).toMatchObject({
      consistent: true,
      signature: 'valid',
      trusted: true,
      trustedAs: 'Lab 1',
      passed: exported.result.passed,
    });
    await app.page.getByRole('button', { name: 'Export xAPI statements' }).click();
    await expect.poll(() => savedJson.textContent()).toMatch(/\.xapi\.json$/);
    const xapiPath = ((await savedJson.textContent()) ?? '').replace('Saved to ', '');
    const statements = JSON.parse(readFileSync(xapiPath, 'utf8')) as unknown[];
    expect(statements.length).toBeGreaterThan(1);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
  });

  it('imports three assessment files, one tampered, into the overview and charts the criteria', async () => {
    const exported = readFileSync(join(app.dataFolder, 'assessments', `${reference}.json`), 'utf8');
    const weak = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES, trainee: 'Cem Weak' });
    const edited = {
      ...weak,
      trainee: { name: 'Dora Edit' },
      attemptId: '11111111-2222-4333-8444-555555555555',
    };
    const tampered = { ...edited, result: { ...edited.result, raw: 100, scaled: 1, passed: true } };
    const files = [
      { name: 'alex.json', text: exported },
      { name: 'cem.json', text: JSON.stringify(weak) },
      { name: 'dora.json', text: JSON.stringify(tampered) },
    ];
    await app.page.getByRole('link', { name: 'Class overview' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Class overview' }).waitFor();
    await app.page.getByRole('table').waitFor();
    await dropOnOverview(app.page, files);
    await app.page.getByText('3 files imported.').waitFor();
    const rows = app.page.getByRole('row');
    expect(await rows.count()).toBe(5); // header, the stored assessment and three files
    expect(await rows.filter({ hasText: 'Dora Edit' }).getAttribute('data-check')).toBe('tampered');
    expect(await rows.filter({ hasText: 'Cem Weak' }).getAttribute('data-check')).toBe('verified');
    const chart = app.page.getByRole('list', {
      name: `Share of the class that met each criterion of ${mortgage.title}`,
    });
    expect(
      await chart
        .getByRole('listitem', { name: 'Briefed the interpreter before joining: 2 of 4 (50 %)' })
        .count(),
    ).toBe(1);
    expect(await app.page.getByText('Most often missed:').textContent()).toContain('(50 % met)');
    await app.page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
  });

  it('shows consistent, signed by and trusted for three files, one signed by a lab machine; trusting that signer makes it trusted', async () => {
    const exported = readFileSync(join(app.dataFolder, 'assessments', `${reference}.json`), 'utf8');
    const lab = generateKeyPair();
    const labId = keyIdOf(lab.publicKey);
    const fromLab = signDocument(
      gradedAssessment(mortgage, { trainee: 'Lena Lab', attemptId: '22222222-2222-4333-8444-555555555555' }),
      lab,
    );
    const unsigned = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES, trainee: 'Uwe Unsigned' });
    const files = [
      { name: 'alex.json', text: exported },
      { name: 'lena.json', text: JSON.stringify(fromLab) },
      { name: 'uwe.json', text: JSON.stringify(unsigned) },
    ];
    // A fresh overview: the stored assessment and nothing imported yet.
    await app.page.goto(`${app.page.url().split('#')[0]}#/overview`);
    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Class overview' }).waitFor();
    await app.page.getByRole('table').waitFor();
    await dropOnOverview(app.page, files);
    await app.page.getByText('3 files imported.').waitFor();
    const rows = app.page.getByRole('row');
    const lena = rows.filter({ hasText: 'Lena Lab' });
    expect(await lena.getAttribute('data-check')).toBe('verified');
    expect(await lena.getAttribute('data-signer')).toBe('unknown');
    expect(await lena.getAttribute('data-trusted')).toBe('no');
    expect(await lena.getByRole('cell', { name: `${labId} (unknown key)` }).count()).toBe(1);
    const uwe = rows.filter({ hasText: 'Uwe Unsigned' });
    expect(await uwe.getAttribute('data-signer')).toBe('unsigned');
    expect(await uwe.getAttribute('data-trusted')).toBe('no');
    const alex = rows.filter({ has: app.page.getByRole('cell', { name: 'file alex.json' }) });
    expect(await alex.getAttribute('data-signer')).toBe('known');
    expect(await alex.getAttribute('data-trusted')).toBe('yes');
    // By keyboard: the row's button opens the label field, Enter trusts the key.
    await lena.getByRole('button', { name: `Trust the signer of Lena Lab: ${labId}` }).click();
    const label = app.page.getByRole('textbox', { name: 'Label of the key (which machine)' });
    await expect.poll(() => label.evaluate((input) => input === document.activeElement)).toBe(true);
    await app.page.keyboard.type('Lab 2, seat 4');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => lena.getAttribute('data-trusted')).toBe('yes');
    expect(await lena.getByRole('cell', { name: `Lab 2, seat 4 (${labId})` }).count()).toBe(1);
    expect(await uwe.getAttribute('data-trusted')).toBe('no');
    const list = app.page.getByRole('list', { name: 'Trusted keys' });
    expect(await list.getByText('Lab 2, seat 4').count()).toBe(1);
    expect(JSON.parse(readFileSync(join(app.dataFolder, 'keys', 'trusted-keys.json'), 'utf8'))).toEqual({
      keys: [{ publicKey: lab.publicKey, label: 'Lab 2, seat 4' }],
    });
    await app.page.screenshot({ path: join(SCREENSHOTS, 'overview-trust.png'), fullPage: true });
    await inGerman(app.page, async () => {
      await app.page.getByRole('heading', { level: 1, name: 'Klassenübersicht' }).waitFor();
      await app.page.screenshot({ path: join(SCREENSHOTS, 'overview-trust-de.png'), fullPage: true });
    });
    expect(app.pageErrors).toEqual([]);
  });

  it('offers a crashed session at start and closes it as stopped and graded', async () => {
    const crashed = await playSession(app, mortgage.reference.actions, false);
    // The app goes down mid-call; it starts again on the same data folder.
    await app.close();
    app = await launchApp(chooseTarget(), { dataFolder: app.dataFolder });
    const banner = app.page.getByRole('region', { name: 'Unfinished sessions' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('30 records');
    await banner.getByRole('button', { name: 'Close as stopped and grade' }).click();
    await banner.getByText(/Graded: \d+ of \d+ points/).waitFor();
    await banner.getByRole('link', { name: 'Open the results' }).click();
    await app.page.getByRole('heading', { level: 1, name: `Results: ${mortgage.title}` }).waitFor();
    expect(app.page.url()).toContain(crashed);
    expect(app.pageErrors).toEqual([]);
  });
});
