import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, keyIdOf, signDocument } from '@shared/scoring/signature';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyFileOf } from '../../../src/main/signing/keys';
import { trustFileOf } from '../../../src/main/signing/trust-list';
import { OverviewView } from '../../../src/renderer/src/overview/OverviewView';
import { bundledScenario, gradedAssessment, MORTGAGE_MISTAKES } from '../../support/assessments';
import { renderView } from '../render-view';

const mortgage = bundledScenario('mortgage-closing');
const good = gradedAssessment(mortgage, { trainee: 'Bea Good', startedAt: '2026-11-20T10:00:00.000Z' });
const weak = gradedAssessment(mortgage, {
  actions: MORTGAGE_MISTAKES,
  trainee: 'Cem Weak',
  startedAt: '2026-11-21T10:00:00.000Z',
});
const tampered = {
  ...gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES, trainee: 'Dora Edit' }),
};
const tamperedDoc = { ...tampered, result: { ...tampered.result, raw: 100, scaled: 1, passed: true } };

/** Writes the files of a class to a folder and returns their paths. */
function classFiles(): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'cct-class-'));
  const files: Record<string, string> = {
    'bea.json': JSON.stringify(good),
    'cem.json': JSON.stringify(weak),
    'dora.json': JSON.stringify(tamperedDoc),
    'broken.json': JSON.stringify({ ...weak, attemptId: 'not-a-uuid' }),
    'notes.json': '{ this is not JSON',
  };
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  });
}

async function importClass() {
  const paths = classFiles();
  const view = await renderView(<OverviewView />, { services: { chooseOpenPaths: async () => paths } });
  await screen.findByText('No assessments yet: import files or finish a session.', {}, { timeout: 5000 });
  fireEvent.click(screen.getByRole('button', { name: 'Import assessment files…' }));
  await screen.findByText('5 files imported.', {}, { timeout: 10_000 });
  return view;
}

function traineeColumn(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent ?? '');
}

describe('the class overview', () => {
  it('re-grades imported files: verified ones as verified, an edited score flagged as tampered', async () => {
    await importClass();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const status = (name: string) =>
      rows.find((row) => row.textContent?.includes(name))?.getAttribute('data-check');
    expect(status('Bea Good')).toBe('verified');
    expect(status('Cem Weak')).toBe('verified');
    expect(status('Dora Edit')).toBe('tampered');
  });

  it('lists each broken file with its error and loads the rest', async () => {
    await importClass();
    const list = screen.getByRole('heading', { name: 'Files that could not be read' })
      .parentElement as HTMLElement;
    expect(list.textContent).toContain('broken.json: not a valid assessment ($.attemptId:');
    expect(list.textContent).toContain('notes.json: not JSON');
  });

  it('sorts by a column and reverses on a second click', async () => {
    await importClass();
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Trainee' }));
    expect(traineeColumn()).toEqual(['Bea Good', 'Cem Weak', 'Dora Edit']);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Trainee' }));
    expect(traineeColumn()).toEqual(['Dora Edit', 'Cem Weak', 'Bea Good']);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Score' }));
    expect(traineeColumn()[0]).toBe('Dora Edit');
    expect(screen.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by text and by check status', async () => {
    await importClass();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'cem' } });
    expect(traineeColumn()).toEqual(['Cem Weak']);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Consistent'), { target: { value: 'tampered' } });
    expect(traineeColumn()).toEqual(['Dora Edit']);
  });

  it('charts the pass rate of each criterion and the score distribution per scenario', async () => {
    await importClass();
    const chart = screen.getByRole('list', {
      name: `Share of the class that met each criterion of ${mortgage.title}`,
    });
    expect(within(chart).getAllByRole('listitem')).toHaveLength(mortgage.rubric.criteria.length);
    expect(
      within(chart).getByRole('listitem', { name: 'Briefed the interpreter before joining: 1 of 3 (33 %)' }),
    ).toBeTruthy();
    expect(
      within(chart).getByRole('listitem', {
        name: 'Greeted the broker privately before joining: 3 of 3 (100 %)',
      }),
    ).toBeTruthy();
    const bars = within(
      screen.getByRole('list', { name: `Number of assessments per score range of ${mortgage.title}` }),
    ).getAllByRole('listitem');
    expect(bars.map((bar) => Number(bar.getAttribute('data-count')))).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 2]);
  });

  it('opens the results of a row with its replay', async () => {
    await importClass();
    fireEvent.click(screen.getByRole('button', { name: `Open Cem Weak, ${mortgage.title}` }));
    await screen.findByRole('heading', { level: 2, name: `Results: ${mortgage.title}` }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('slider', { name: 'Replay position' })).toBeTruthy());
  });

  it('imports dropped files through main', async () => {
    await renderView(<OverviewView />);
    await screen.findByText('No assessments yet: import files or finish a session.', {}, { timeout: 5000 });
    const file = new File([JSON.stringify(weak)], 'dropped.json', { type: 'application/json' });
    const zone = screen.getByText('Or drop assessment files here').parentElement as HTMLElement;
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    await screen.findByText('1 file imported.', {}, { timeout: 10_000 });
    expect(traineeColumn()).toEqual(['Cem Weak']);
  });
});

/** A lab machine's key: the files it signed are consistent, signed by a key the list does not know. */
const lab = generateKeyPair();
const labId = keyIdOf(lab.publicKey);
const fromLab = signDocument(
  gradedAssessment(mortgage, { trainee: 'Lena Lab', startedAt: '2026-11-22T10:00:00.000Z' }),
  lab,
);
/** Signed on the lab machine, then relabelled to another trainee: consistent, but the signature no longer matches. */
const relabelled = {
  ...signDocument(
    gradedAssessment(mortgage, { trainee: 'Real Name', startedAt: '2026-11-23T10:00:00.000Z' }),
    lab,
  ),
  trainee: { name: 'Olga Relabel' },
};
const stored = gradedAssessment(mortgage, { trainee: 'Sam Stored', startedAt: '2026-11-19T10:00:00.000Z' });

/** The class with signatures: one stored here, one from the lab, one unsigned, one tampered, one relabelled. */
async function importSignedClass(extraDialogAnswers: ReadonlyArray<ReadonlyArray<string>> = []) {
  const folder = mkdtempSync(join(tmpdir(), 'cct-signed-'));
  const files: Record<string, string> = {
    'lena.json': JSON.stringify(fromLab),
    'cem.json': JSON.stringify(weak),
    'dora.json': JSON.stringify(tamperedDoc),
    'olga.json': JSON.stringify(relabelled),
  };
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  });
  const answers = [paths, ...extraDialogAnswers];
  const view = await renderView(<OverviewView />, {
    stored: [stored],
    services: { chooseOpenPaths: async () => answers.shift() ?? [] },
  });
  await screen.findByText('Sam Stored', {}, { timeout: 5000 });
  fireEvent.click(screen.getByRole('button', { name: 'Import assessment files…' }));
  await screen.findByText('4 files imported.', {}, { timeout: 10_000 });
  return view;
}

function rowOf(trainee: string): HTMLElement {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes(trainee));
  if (!row) throw new Error(`no row of ${trainee}`);
  return row;
}

/** The consistent, signed-by and trusted cells of a trainee's row. */
function trustCells(trainee: string): [string, string, string] {
  const cells = within(rowOf(trainee)).getAllByRole('cell');
  const text = (index: number) => (cells[index]?.textContent ?? '').replace('Trust this signer', '').trim();
  return [text(5), text(6), text(7)];
}

describe('the class overview: consistent, signed by, trusted', () => {
  it('shows the three words for every row: this installation, an unknown key, unsigned, tampered, an invalid signature', async () => {
    const { services } = await importSignedClass();
    const own = JSON.parse(readFileSync(keyFileOf(services.deps.dataFolder), 'utf8')) as {
      publicKey: string;
    };
    const ownId = keyIdOf(own.publicKey);
    await waitFor(() =>
      expect(trustCells('Sam Stored')).toEqual(['yes', `this installation (${ownId})`, 'yes']),
    );
    expect(trustCells('Lena Lab')).toEqual(['yes', `${labId} (unknown key)`, 'no']);
    expect(trustCells('Cem Weak')).toEqual(['yes', 'unsigned', 'no']);
    expect(trustCells('Dora Edit')).toEqual(['no (tampered)', 'unsigned', 'no']);
    expect(trustCells('Olga Relabel')).toEqual(['yes', 'invalid signature', 'no']);
    // Only the row signed by a key the list does not know offers to trust its signer.
    expect(
      screen
        .getAllByRole('button', { name: /^Trust the signer of/ })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([`Trust the signer of Lena Lab: ${labId}`]);
    // The installation's own key is shown, to be exported for the trainer.
    const panel = screen.getByRole('region', { name: 'Trusted signers' });
    expect(within(panel).getByText(ownId)).toBeTruthy();
    expect((within(panel).getByLabelText('Public key of this installation') as HTMLInputElement).value).toBe(
      own.publicKey,
    );
  });

  it('trusts a signer from its row under a label: the row becomes trusted and the key is kept on disk; removing it undoes both', async () => {
    const { services } = await importSignedClass();
    fireEvent.click(screen.getByRole('button', { name: `Trust the signer of Lena Lab: ${labId}` }));
    const form = screen.getByRole('form', { name: `Trust the key ${labId}` });
    const label = within(form).getByLabelText('Label of the key (which machine)');
    expect(document.activeElement).toBe(label);
    expect((within(form).getByRole('button', { name: 'Trust' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(label, { target: { value: 'Lab 2, seat 4' } });
    fireEvent.submit(form);
    await waitFor(() => expect(trustCells('Lena Lab')).toEqual(['yes', `Lab 2, seat 4 (${labId})`, 'yes']));
    expect(rowOf('Lena Lab').dataset.trusted).toBe('yes');
    // The relabelled file stays untrusted: its signature does not match its content.
    expect(trustCells('Olga Relabel')).toEqual(['yes', 'invalid signature', 'no']);
    expect(JSON.parse(readFileSync(trustFileOf(services.deps.dataFolder), 'utf8'))).toEqual({
      keys: [{ publicKey: lab.publicKey, label: 'Lab 2, seat 4' }],
    });
    const panel = screen.getByRole('region', { name: 'Trusted signers' });
    const list = within(panel).getByRole('list', { name: 'Trusted keys' });
    expect(within(list).getByText('Lab 2, seat 4')).toBeTruthy();
    fireEvent.click(
      within(list).getByRole('button', { name: `Remove Lab 2, seat 4 (${labId}) from the trust list` }),
    );
    await waitFor(() => expect(trustCells('Lena Lab')).toEqual(['yes', `${labId} (unknown key)`, 'no']));
    expect(JSON.parse(readFileSync(trustFileOf(services.deps.dataFolder), 'utf8'))).toEqual({ keys: [] });
  });

  it('filters by signer and by trusted, and sorts by trusted', async () => {
    await importSignedClass();
    await waitFor(() => expect(rowOf('Sam Stored').dataset.trusted).toBe('yes'));
    fireEvent.change(screen.getByLabelText('Trusted'), { target: { value: 'yes' } });
    expect(traineeColumn()).toEqual(['Sam Stored']);
    fireEvent.change(screen.getByLabelText('Trusted'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Signed by'), { target: { value: 'unsigned' } });
    expect(traineeColumn().sort()).toEqual(['Cem Weak', 'Dora Edit']);
    fireEvent.change(screen.getByLabelText('Signed by'), { target: { value: 'unknown' } });
    expect(traineeColumn()).toEqual(['Lena Lab']);
    fireEvent.change(screen.getByLabelText('Signed by'), { target: { value: `key:${labId}` } });
    expect(traineeColumn()).toEqual(['Lena Lab']);
    fireEvent.change(screen.getByLabelText('Signed by'), { target: { value: 'invalid' } });
    expect(traineeColumn()).toEqual(['Olga Relabel']);
    fireEvent.change(screen.getByLabelText('Signed by'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Trusted' }));
    expect(traineeColumn()[0]).toBe('Sam Stored');
    expect(screen.getByRole('columnheader', { name: /Trusted/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Signed by' }));
    expect(traineeColumn()[0]).toBe('Sam Stored');
    expect(traineeColumn().at(-1)).not.toBe('Lena Lab');
  });

  it('imports a keys.json: the rows of the lab become trusted; a bad keys.json is refused with its error and changes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cct-keys-'));
    const bad = join(folder, 'bad.keys.json');
    writeFileSync(bad, JSON.stringify({ keys: [{ publicKey: 'xyz', label: 'Lab 1' }] }));
    const good = join(folder, 'lab.keys.json');
    writeFileSync(good, JSON.stringify({ keys: [{ publicKey: lab.publicKey, label: 'Lab 3' }] }));
    const { services } = await importSignedClass([[bad], [good]]);
    const panel = screen.getByRole('region', { name: 'Trusted signers' });
    fireEvent.click(await within(panel).findByRole('button', { name: 'Import a keys.json…' }));
    const alert = await within(panel).findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('bad.keys.json: not a trust list ($.keys.0.publicKey:');
    expect(() => readFileSync(trustFileOf(services.deps.dataFolder))).toThrow();
    expect(trustCells('Lena Lab')[2]).toBe('no');
    fireEvent.click(within(panel).getByRole('button', { name: 'Import a keys.json…' }));
    await within(panel).findByText('1 key added to the trust list.', {}, { timeout: 5000 });
    await waitFor(() => expect(trustCells('Lena Lab')).toEqual(['yes', `Lab 3 (${labId})`, 'yes']));
  });
});

describe('the class overview: a scenario the library does not hold', () => {
  it('says other version for a file taken on another version, unknown scenario for an unknown id; neither is trusted', async () => {
    const older = { ...weak, trainee: { name: 'Vera Older' } };
    const olderDoc = {
      ...older,
      scenario: { ...older.scenario, version: '0.9.0', hash: `sha256:${'0'.repeat(64)}` },
    };
    const unknownDoc = {
      ...weak,
      trainee: { name: 'Uli Unknown' },
      scenario: { ...weak.scenario, id: 'no-such-scenario' },
    };
    const folder = mkdtempSync(join(tmpdir(), 'cct-versions-'));
    const paths = [
      ['older.json', olderDoc],
      ['unknown.json', unknownDoc],
    ].map(([name, doc]) => {
      writeFileSync(join(folder, name as string), JSON.stringify(doc));
      return join(folder, name as string);
    });
    await renderView(<OverviewView />, { services: { chooseOpenPaths: async () => paths } });
    await screen.findByText('No assessments yet: import files or finish a session.', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Import assessment files…' }));
    await screen.findByText('2 files imported.', {}, { timeout: 10_000 });
    await waitFor(() => expect(trustCells('Vera Older')).toEqual(['other version', 'unsigned', 'no']));
    expect(trustCells('Uli Unknown')).toEqual(['unknown scenario', 'unsigned', 'no']);
  });
});

describe('the class overview in German', () => {
  it('names the three columns and the words of a row signed here', async () => {
    await renderView(<OverviewView />, { language: 'de', stored: [stored] });
    await screen.findByText('Sam Stored', {}, { timeout: 5000 });
    for (const column of ['Konsistent', 'Signiert von', 'Vertrauenswürdig'])
      expect(screen.getByRole('button', { name: `Nach ${column} sortieren` })).toBeTruthy();
    await waitFor(() => expect(trustCells('Sam Stored')[2]).toBe('ja'));
    expect(trustCells('Sam Stored')[0]).toBe('ja');
    expect(trustCells('Sam Stored')[1]).toMatch(/^diese Installation \(ed25519:[0-9a-f]{16}\)$/);
    expect(screen.getByRole('region', { name: 'Vertrauenswürdige Unterzeichner' })).toBeTruthy();
  });
});
