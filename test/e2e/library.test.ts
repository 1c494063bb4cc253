import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGerman } from './support/german';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { openBriefing } from './support/trainee';
import { dropFile } from './support/trainer';

const MORTGAGE = 'Mortgage closing: six participants on one call';
const SCREENSHOTS = join(__dirname, 'screenshots');

describe(`the scenario library in a real browser (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('duplicates, renames, exports as a pack, deletes and re-imports a scenario that the picker then offers', async () => {
    const { page, dataFolder } = app;
    const status = page.locator('p.library-status[role="status"]');
    await page.getByRole('link', { name: 'Library' }).click();
    const list = page.getByRole('listbox', { name: 'Scenarios' });

    await list.getByRole('option', { name: MORTGAGE }).click();
    const bundled = page.getByRole('region', { name: MORTGAGE });
    await bundled.getByText('Bundled scenarios are read-only').waitFor();
    await bundled.getByRole('button', { name: 'Duplicate to edit' }).click();
    await status.getByText('Duplicated as').waitFor();
    const copyTitle = `${MORTGAGE} (copy)`;
    await expect(list.getByRole('option', { name: copyTitle }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );

    await page.getByRole('region', { name: copyTitle }).getByRole('button', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: `Rename "${copyTitle}"` });
    await rename.getByRole('textbox', { name: 'Title' }).fill('Closing drill');
    await rename.getByRole('textbox', { name: 'Id' }).fill('closing-drill');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await status.getByText('Renamed to "Closing drill" (closing-drill).').waitFor();
    await rename.waitFor({ state: 'detached' });

    const drill = page.getByRole('region', { name: 'Closing drill' });
    // The save dialog of this harness answers a path in this folder.
    mkdirSync(join(dataFolder, 'exports'), { recursive: true });
    await drill.getByRole('button', { name: 'Export pack with clips' }).click();
    const pack = join(dataFolder, 'exports', 'closing-drill.scenario-pack.zip');
    await status.getByText(`Exported "Closing drill" to ${pack}.`).waitFor();
    expect([...readFileSync(pack).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    await drill.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('alertdialog', { name: 'Move "Closing drill" to the trash?' })
      .getByRole('button', { name: 'Move to trash' })
      .click();
    await status.getByText('Moved "Closing drill" to the trash.').waitFor();
    await expect(list.getByRole('option', { name: 'Closing drill' }).count()).resolves.toBe(0);
    expect(existsSync(join(dataFolder, 'scenarios', 'closing-drill.json'))).toBe(false);
    await page
      .getByRole('region', { name: 'Trash' })
      .getByRole('listitem', { name: 'Closing drill' })
      .waitFor();

    await dropFile(page, pack, 'closing-drill.scenario-pack.zip');
    await status.getByText('Imported "Closing drill" (closing-drill) with 0 clips.').waitFor();
    await expect(
      list.getByRole('option', { name: 'Closing drill' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    expect(readdirSync(join(dataFolder, 'scenarios'))).toEqual(['closing-drill.json']);
    await page.screenshot({ path: join(SCREENSHOTS, 'library.png'), fullPage: true });
    await inGerman(page, async () => {
      await page.getByRole('heading', { level: 1, name: 'Szenario-Bibliothek' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'library-de.png'), fullPage: true });
    });

    await page.getByRole('link', { name: 'Scenarios' }).click();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Closing drill', exact: true }) });
    await card.getByText(/· Yours$/).waitFor();
    await openBriefing(page, 'Closing drill');
    await page.getByRole('button', { name: 'Start' }).waitFor();

    await page.getByRole('link', { name: 'Library' }).click();
    // The same pack through the Import button's open dialog: its id is now taken by the trainer's
    // own scenario, so the app asks; keeping both imports it under a new id.
    mkdirSync(join(dataFolder, 'imports'));
    copyFileSync(pack, join(dataFolder, 'imports', 'closing-drill.scenario-pack.zip'));
    await page.getByRole('button', { name: 'Import…' }).click();
    const clash = page.getByRole('alertdialog', { name: 'The id closing-drill is taken' });
    await clash.getByRole('button', { name: 'Replace' }).waitFor();
    expect(await clash.getByRole('button', { name: 'Replace' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'library-clash.png') });
    await clash.getByRole('button', { name: 'Keep both' }).click();
    await status
      .getByText("The file's id closing-drill is taken, so it was imported as closing-drill-2.")
      .waitFor();
    expect(readdirSync(join(dataFolder, 'scenarios')).sort()).toEqual([
      'closing-drill-2.json',
      'closing-drill.json',
    ]);

    expect(app.pageErrors).toEqual([]);
  });
});
