import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
    fireEvent.change(screen.getByLabelText('Check'), { target: { value: 'tampered' } });
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
