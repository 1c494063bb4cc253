import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HistoryView } from '../../../src/renderer/src/results/HistoryView';
import { bundledScenario, gradedAssessment, MORTGAGE_MISTAKES } from '../../support/assessments';
import { renderView } from '../render-view';

const mortgage = bundledScenario('mortgage-closing');

describe('the history', () => {
  it('shows "tampered" instead of the score of a stored file changed outside the app', async () => {
    const mistakes = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES });
    await renderView(<HistoryView />, {
      stored: [mistakes],
      afterStore: (dataFolder) => {
        const folder = join(dataFolder, 'assessments');
        const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.json')) ?? '');
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.replace(/"passed": false/, '"passed": true'));
      },
    });
    const cell = await screen.findByText(
      'Tampered: the file was changed outside the app',
      {},
      { timeout: 15_000 },
    );
    const row = cell.closest('tr') as HTMLElement;
    expect(within(row).queryByText(/^\d+\/\d+ \(\d+ %\)$/)).toBeNull();
    expect(within(row).queryByText('Passed')).toBeNull();
  });

  it('shows the score of an untouched stored file', async () => {
    const mistakes = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES });
    await renderView(<HistoryView />, { stored: [mistakes] });
    expect(
      await screen.findByText(
        `${mistakes.result.raw}/${mistakes.result.max} (${Math.round(mistakes.result.scaled * 100)} %)`,
        {},
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
  });
});
