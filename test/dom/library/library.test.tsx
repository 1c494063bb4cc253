import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ServiceOptions } from '../../../src/main/services';
import { callApi } from '../../../src/renderer/src/api';
import { BUNDLED_SCENARIOS } from '../../support/handlers';
import { renderApp } from '../render-app';

const MORTGAGE = 'Mortgage closing: six participants on one call';
const MORTGAGE_COPY = `${MORTGAGE} (copy)`;

async function openLibrary(
  options: { services?: Partial<ServiceOptions>; before?: () => Promise<void>; language?: 'en' | 'de' } = {},
) {
  const user = userEvent.setup();
  const view = await renderApp({
    ...(options.services ? { services: options.services } : {}),
    ...(options.language ? { language: options.language } : {}),
  });
  await options.before?.();
  await user.click(screen.getByRole('link', { name: options.language === 'de' ? 'Bibliothek' : 'Library' }));
  await screen.findByRole('option', { name: MORTGAGE }, { timeout: 15_000 });
  return { user, ...view };
}

const list = () => screen.getByRole('listbox', { name: /^(Scenarios|Szenarien)$/ });
const option = (name: string) => within(list()).queryByRole('option', { name });
const details = (title: string) => screen.getByRole('region', { name: title });
const status = () => screen.getAllByRole('status').find((node) => node.classList.contains('library-status'));
const userFiles = (dataFolder: string) => {
  const folder = join(dataFolder, 'scenarios');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
};

/** Waits for what main's answer shows; the real handlers read and write files on a busy machine. */
const until = (check: () => void) => waitFor(check, { timeout: 10_000 });

/** Drops files on the screen as the operating system does: a drop event carrying them. */
function drop(files: ReadonlyArray<File>) {
  const dataTransfer = { files, types: ['Files'], dropEffect: 'none' };
  fireEvent.dragOver(document.body, { dataTransfer });
  fireEvent.drop(document.body, { dataTransfer });
}

function jsonFile(name: string, value: unknown): File {
  return new File([JSON.stringify(value, null, 2)], name, { type: 'application/json' });
}

function bundled(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(BUNDLED_SCENARIOS, `${id}.json`), 'utf8')) as Record<string, unknown>;
}

describe('the scenario library screen', () => {
  it('lists bundled scenarios as read-only with id, mode and language, and filters them by text', async () => {
    const { user } = await openLibrary();
    const mortgage = option(MORTGAGE) as HTMLElement;
    expect(mortgage.textContent).toContain('mortgage-closing · Bundled, read-only · Multiparty · English');
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'kreditabschluss');
    expect(
      within(list())
        .getAllByRole('option')
        .map((node) => node.textContent),
    ).toEqual([expect.stringContaining('Kreditabschluss')]);
    expect(screen.getByText(/^1 of 10 scenarios shown$/)).toBeTruthy();
    await user.click(within(list()).getByRole('option'));
    const panel = details('Kreditabschluss: sechs Teilnehmende in einem Anruf');
    expect(within(panel).getByText(/Bundled scenarios are read-only/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Duplicate to edit' })).toBeTruthy();
    // Read-only: nothing to rename, delete or edit.
    expect(within(panel).queryByRole('button', { name: 'Rename…' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Delete…' })).toBeNull();
    expect(within(panel).queryByRole('link', { name: 'Edit' })).toBeNull();
  });

  it('moves through the list with the arrow keys, and the details follow', async () => {
    const { user } = await openLibrary();
    const options = within(list()).getAllByRole('option');
    await user.click(options[0] as HTMLElement);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(options[1]);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    const title = within(options[1] as HTMLElement).getByText((_, node) => node?.slot === 'label');
    expect(details(title.textContent ?? '')).toBeTruthy();
  });

  it('duplicates a bundled scenario: the copy is listed as yours, selected and editable', async () => {
    const { user, deps } = await openLibrary();
    await user.click(option(MORTGAGE) as HTMLElement);
    await user.click(within(details(MORTGAGE)).getByRole('button', { name: 'Duplicate to edit' }));
    await until(() =>
      expect(status()?.textContent).toBe(
        `Duplicated as "${MORTGAGE_COPY}" (mortgage-closing-copy): this copy is yours to edit.`,
      ),
    );
    const copy = option(MORTGAGE_COPY) as HTMLElement;
    expect(copy.textContent).toContain('mortgage-closing-copy · Yours');
    expect(copy.getAttribute('aria-selected')).toBe('true');
    // Listed first, under the trainer's own scenarios.
    expect(within(screen.getByRole('group', { name: 'Your scenarios' })).getAllByRole('option')).toEqual([
      copy,
    ]);
    expect(within(list()).getAllByRole('option')[0]).toBe(copy);
    const panel = details(MORTGAGE_COPY);
    expect(within(panel).getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(
      '#/edit/mortgage-closing-copy',
    );
    expect(within(panel).getByRole('link', { name: 'Checks' }).getAttribute('href')).toBe(
      '#/checks/mortgage-closing-copy',
    );
    expect(within(panel).getByRole('button', { name: 'Rename…' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Delete…' })).toBeTruthy();
    // Main says so too: the copy opens as not read-only, and it is a file in the data folder.
    expect((await callApi('scenarios:open', { id: 'mortgage-closing-copy' })).readOnly).toBe(false);
    expect(userFiles(deps.dataFolder)).toEqual(['mortgage-closing-copy.json']);
  });

  it("renames a scenario's title and id; a refused id is explained in the dialog and changes nothing", async () => {
    const { user, deps } = await openLibrary({
      before: async () => {
        await callApi('scenarios:duplicate', { id: 'warm-transfer-swap' });
      },
    });
    const original = within(list())
      .getAllByRole('option')
      .find((node) => node.textContent?.includes('warm-transfer-swap-copy')) as HTMLElement;
    await user.click(original);
    await user.click(screen.getByRole('button', { name: 'Rename…' }));
    const dialog = await screen.findByRole('dialog');
    const idField = within(dialog).getByRole('textbox', { name: 'Id' });
    await user.clear(idField);
    await user.type(idField, 'Bad Id');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect((await within(dialog).findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(
      /newId: must be a scenario id: lower-case letters, digits and dashes/,
    );
    expect(userFiles(deps.dataFolder)).toEqual(['warm-transfer-swap-copy.json']);

    await user.clear(idField);
    await user.type(idField, 'swap-drill');
    const titleField = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.clear(titleField);
    await user.type(titleField, 'Swap drill');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await until(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(status()?.textContent).toBe('Renamed to "Swap drill" (swap-drill).');
    expect(option('Swap drill')?.getAttribute('aria-selected')).toBe('true');
    expect(userFiles(deps.dataFolder)).toEqual(['swap-drill.json']);
  });

  it('deletes a scenario to the trash after asking, and restores it from there', async () => {
    const { user, deps } = await openLibrary({
      before: async () => {
        await callApi('scenarios:duplicate', { id: 'mortgage-closing' });
      },
    });
    await user.click(option(MORTGAGE_COPY) as HTMLElement);
    await user.click(within(details(MORTGAGE_COPY)).getByRole('button', { name: 'Delete…' }));
    const ask = await screen.findByRole('alertdialog', { name: `Move "${MORTGAGE_COPY}" to the trash?` });
    // Cancelling changes nothing.
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(option(MORTGAGE_COPY)).toBeTruthy();
    await user.click(within(details(MORTGAGE_COPY)).getByRole('button', { name: 'Delete…' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Move to trash' }),
    );
    await until(() => expect(status()?.textContent).toBe(`Moved "${MORTGAGE_COPY}" to the trash.`));
    expect(option(MORTGAGE_COPY)).toBeNull();
    expect(userFiles(deps.dataFolder)).toEqual([]);
    // Focus does not fall back to the top of the page: it lands in the list.
    await until(() => expect(list().contains(document.activeElement)).toBe(true));

    const trash = screen.getByRole('region', { name: 'Trash' });
    const entry = within(trash).getByRole('listitem', { name: MORTGAGE_COPY });
    await user.click(within(entry).getByRole('button', { name: 'Restore' }));
    await until(() =>
      expect(status()?.textContent).toBe(`Restored "${MORTGAGE_COPY}" (mortgage-closing-copy).`),
    );
    expect(option(MORTGAGE_COPY)?.getAttribute('aria-selected')).toBe('true');
    expect(within(trash).getByText('The trash is empty.')).toBeTruthy();
    expect(userFiles(deps.dataFolder)).toEqual(['mortgage-closing-copy.json']);
  });

  it('refuses an invalid scenario file with its findings (path, line, column) and changes nothing', async () => {
    const { deps } = await openLibrary();
    const broken = { ...bundled('warm-transfer-swap'), id: 'broken-drill', mode: 'fiveparty' };
    drop([jsonFile('broken-drill.json', broken)]);
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Not imported: broken-drill.json. Nothing changed.');
    const findings = within(alert).getByRole('list', { name: 'What the validator found' });
    expect(findings.textContent).toMatch(/\$\.mode \(line \d+, column \d+\): /);
    expect(option('broken-drill')).toBeNull();
    expect(within(list()).getAllByRole('option')).toHaveLength(10);
    expect(userFiles(deps.dataFolder)).toEqual([]);
  });

  it('names the problem of a file that is neither a scenario nor a pack', async () => {
    const { deps } = await openLibrary();
    drop([new File([new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x9f])], 'voice.bin')]);
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    const problems = within(alert).getByRole('list', { name: 'Problems with the file' });
    expect(problems.textContent).toBe(
      'voice.bin: is neither a scenario (JSON text) nor a scenario pack (zip)',
    );
    expect(userFiles(deps.dataFolder)).toEqual([]);
  });

  it('shows where to drop while a file is dragged over the screen, and takes one file at a time', async () => {
    const { deps } = await openLibrary();
    const dataTransfer = { files: [], types: ['Files'] };
    fireEvent.dragEnter(document.body, { dataTransfer });
    expect(screen.getByText('Drop the file to import it')).toBeTruthy();
    fireEvent.dragLeave(document.body, { dataTransfer });
    expect(screen.queryByText('Drop the file to import it')).toBeNull();
    const swap = bundled('warm-transfer-swap');
    drop([jsonFile('a.json', { ...swap, id: 'drill-a' }), jsonFile('b.json', { ...swap, id: 'drill-b' })]);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Drop one file at a time: 2 were dropped, nothing was imported.',
    );
    expect(userFiles(deps.dataFolder)).toEqual([]);
  });

  it('asks keep both or replace on an id clash; a bundled scenario can only be kept beside', async () => {
    const { user, deps } = await openLibrary();
    drop([jsonFile('mortgage-closing.json', bundled('mortgage-closing'))]);
    let ask = await screen.findByRole(
      'alertdialog',
      { name: 'The id mortgage-closing is taken' },
      { timeout: 10_000 },
    );
    expect(within(ask).getByRole('button', { name: 'Replace' }).hasAttribute('disabled')).toBe(true);
    expect(within(ask).getByText('A bundled scenario cannot be replaced; keep both instead.')).toBeTruthy();
    await user.click(within(ask).getByRole('button', { name: 'Keep both' }));
    await until(() => expect(status()?.textContent).toMatch(/imported as mortgage-closing-2\.$/));
    expect(userFiles(deps.dataFolder)).toEqual(['mortgage-closing-2.json']);

    // The same file again clashes with the user's own copy only when its id is the user's.
    const mine = { ...bundled('mortgage-closing'), id: 'mortgage-closing-2', title: 'Newer closing' };
    drop([jsonFile('newer.json', mine)]);
    ask = await screen.findByRole(
      'alertdialog',
      { name: 'The id mortgage-closing-2 is taken' },
      { timeout: 10_000 },
    );
    expect(ask.textContent).toContain(`"${MORTGAGE}" (Yours)`);
    const replace = within(ask).getByRole('button', { name: 'Replace' });
    expect(replace.hasAttribute('disabled')).toBe(false);
    await user.click(replace);
    await until(() => expect(status()?.textContent).toMatch(/The scenario it replaced is in the trash\.$/));
    expect(option('Newer closing')).toBeTruthy();
    const trash = screen.getByRole('region', { name: 'Trash' });
    expect(within(trash).getByRole('listitem', { name: MORTGAGE })).toBeTruthy();
    expect(userFiles(deps.dataFolder)).toEqual(['mortgage-closing-2.json']);
  });

  it('imports the file the open dialog gives; a cancelled dialog changes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cct-import-')), 'drill.json');
    writeFileSync(
      file,
      JSON.stringify({ ...bundled('warm-transfer-swap'), id: 'swap-drill', title: 'Swap drill' }),
    );
    let chosen: string | null = null;
    const { user, deps } = await openLibrary({ services: { chooseOpenPath: async () => chosen } });
    const button = screen.getByRole('button', { name: 'Import…' });
    await user.click(button);
    await until(() => expect(status()?.textContent).toBe('Import cancelled: nothing changed.'));
    expect(userFiles(deps.dataFolder)).toEqual([]);
    chosen = file;
    await user.click(button);
    await until(() => expect(status()?.textContent).toBe('Imported "Swap drill" (swap-drill) with 0 clips.'));
    expect(option('Swap drill')?.getAttribute('aria-selected')).toBe('true');
    expect(userFiles(deps.dataFolder)).toEqual(['swap-drill.json']);
  });

  it('creates a scenario from a template under the id asked for, refusing a malformed or taken one', async () => {
    const { user, deps } = await openLibrary();
    await user.click(screen.getByRole('button', { name: 'New from template…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New scenario from a template' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Enter a title.');
    await user.click(within(dialog).getByRole('radio', { name: /^Secondary agent/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Supervisor joins');
    const idField = within(dialog).getByRole('textbox', { name: 'Id (optional)' });
    await user.type(idField, 'mortgage-closing');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(
      /The id mortgage-closing is taken by "Mortgage/,
    );
    await user.clear(idField);
    await user.type(idField, 'con');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/reserved device name/);
    expect(userFiles(deps.dataFolder)).toEqual([]);

    await user.clear(idField);
    await user.type(idField, 'supervisor-joins-1');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await until(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(status()?.textContent).toBe('Created "Supervisor joins" as supervisor-joins-1.');
    expect(option('Supervisor joins')?.textContent).toContain('supervisor-joins-1 · Yours');
    expect(userFiles(deps.dataFolder)).toEqual(['supervisor-joins-1.json']);
  });

  it('exports a scenario and a pack where the save dialog says, showing progress meanwhile', async () => {
    let answer: (path: string | null) => void = () => undefined;
    const asked: string[] = [];
    const { user, deps } = await openLibrary({
      services: {
        chooseSavePath: ({ defaultName }) => {
          asked.push(defaultName);
          return new Promise((resolve) => {
            answer = resolve;
          });
        },
      },
    });
    await user.click(option(MORTGAGE) as HTMLElement);
    const panel = details(MORTGAGE);
    await user.click(within(panel).getByRole('button', { name: 'Export pack with clips' }));
    const running = await within(panel).findByRole('button', { name: 'Exporting…' });
    expect(running.getAttribute('aria-busy')).toBe('true');
    expect(within(panel).getByRole('button', { name: 'Duplicate to edit' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(status()?.textContent).toBe(`Exporting "${MORTGAGE}" with its clips…`);
    const target = join(deps.dataFolder, 'mortgage.zip');
    await until(() => expect(asked).toEqual(['mortgage-closing.scenario-pack.zip']));
    answer(target);
    await until(() => expect(status()?.textContent).toBe(`Exported "${MORTGAGE}" to ${target}.`));
    expect([...readFileSync(target).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip

    await user.click(within(panel).getByRole('button', { name: 'Export scenario' }));
    await until(() => expect(asked).toHaveLength(2));
    answer(null);
    await until(() => expect(status()?.textContent).toBe('Export cancelled: no file was written.'));
    expect(within(panel).getByRole('button', { name: 'Export scenario' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('says what the last action did in the language switched to afterwards', async () => {
    const { user } = await openLibrary();
    await user.click(option(MORTGAGE) as HTMLElement);
    await user.click(within(details(MORTGAGE)).getByRole('button', { name: 'Duplicate to edit' }));
    await until(() => expect(status()?.textContent).toMatch(/^Duplicated as /));
    fireEvent.change(screen.getByRole('combobox', { name: /^Language/ }), { target: { value: 'de' } });
    await until(() =>
      expect(status()?.textContent).toBe(
        `Als „${MORTGAGE_COPY}“ (mortgage-closing-copy) dupliziert: Diese Kopie können Sie bearbeiten.`,
      ),
    );
  });

  it('redraws the list in German when the language is switched', async () => {
    await openLibrary();
    expect(option(MORTGAGE)?.textContent).toContain('Bundled, read-only');
    fireEvent.change(screen.getByRole('combobox', { name: /^Language/ }), { target: { value: 'de' } });
    await screen.findByRole('heading', { level: 1, name: 'Szenario-Bibliothek' });
    await waitFor(() =>
      expect(option(MORTGAGE)?.textContent).toContain(
        'mortgage-closing · Mitgeliefert, schreibgeschützt · Mehrere Teilnehmer · Englisch',
      ),
    );
    expect(screen.getByText('Mitgelieferte Szenarien')).toBeTruthy();
  });

  it('speaks German', async () => {
    await openLibrary({ language: 'de' });
    expect(screen.getByRole('heading', { level: 1, name: 'Szenario-Bibliothek' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Neu aus Vorlage…' })).toBeTruthy();
    expect(option(MORTGAGE)?.textContent).toContain(
      'mortgage-closing · Mitgeliefert, schreibgeschützt · Mehrere Teilnehmer · Englisch',
    );
  });
});
