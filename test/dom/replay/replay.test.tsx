import { hears } from '@shared/conference';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildReplayModel, instantAt } from '../../../src/renderer/src/replay/model';
import { ReplayView } from '../../../src/renderer/src/replay/ReplayView';
import { bundledScenario, gradedAssessment, MORTGAGE_MISTAKES } from '../../support/assessments';
import { renderView } from '../render-view';

const mortgage = bundledScenario('mortgage-closing');
const mistakes = gradedAssessment(mortgage, { actions: MORTGAGE_MISTAKES });

async function showReplay(at = 0) {
  const view = await renderView(<ReplayView attemptId={mistakes.attemptId} at={at} />, {
    stored: [mistakes],
  });
  const svg = await screen.findByRole(
    'group',
    { name: `Timeline of the call: ${mortgage.title}` },
    { timeout: 5000 },
  );
  return { ...view, svg };
}

describe('the replay timeline of the mortgage closing (with mistakes)', () => {
  it('draws one lane per party with the bands the engine derives from the log', async () => {
    const { svg } = await showReplay();
    for (const party of mortgage.parties)
      expect(within(svg).getByRole('list', { name: party.name })).toBeTruthy();
    const broker = within(svg).getByRole('list', { name: 'Helen Brooks' });
    const labels = within(broker)
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('aria-label'));
    expect(labels[0]).toBe('Helen Brooks: connecting from 0:20 to 0:26');
    expect(labels[1]).toBe('Helen Brooks: connected from 0:26 to 1:02');
    const customer = within(svg).getByRole('list', { name: 'Sofia Marin' });
    expect(
      within(customer).getByRole('listitem', { name: 'Sofia Marin: on hold from 0:20 to 0:40' }),
    ).toBeTruthy();
  });

  it('marks the refused join differently from accepted actions, with its reason in the tooltip', async () => {
    const { svg } = await showReplay();
    const markers = within(svg).getByRole('list', { name: 'your action' });
    const refused = within(markers).getByRole('listitem', {
      name: '0:21 You: join, refused: there is no third party to do this with (CCP-4)',
    });
    expect(refused.getAttribute('data-refused')).toBe('true');
    expect(refused.querySelector('title')?.textContent).toBe(refused.getAttribute('aria-label'));
    const accepted = within(markers)
      .getAllByRole('listitem')
      .filter((m) => m.getAttribute('data-refused') === 'false');
    expect(accepted).toHaveLength(MORTGAGE_MISTAKES.length - 1);
  });

  it('shows lines and goals along the top', async () => {
    const { svg } = await showReplay();
    const top = within(svg).getByRole('list', { name: 'Lines and goals' });
    const first = mistakes.log.records.find((record) => record.kind === 'line');
    expect(first?.kind).toBe('line');
    if (first?.kind === 'line')
      expect(
        within(top).getAllByRole('listitem', { name: new RegExp(first.text.slice(0, 20)) }).length,
      ).toBeGreaterThan(0);
    expect(within(top).getByRole('listitem', { name: `0:00 goal: ${mortgage.goals[0]?.text}` })).toBeTruthy();
  });

  it('at a scrub position shows each leg state and who hears whom, as the engine says (CCP-5)', async () => {
    await showReplay(30_000);
    const legs = screen.getByRole('list', { name: 'Connections' });
    expect(within(legs).getByText('Sofia Marin: on hold')).toBeTruthy();
    expect(within(legs).getByText('Helen Brooks: connected')).toBeTruthy();
    expect(within(legs).getByText('Luca Marin: not on the call')).toBeTruthy();
    const hearing = screen.getByRole('list', { name: 'Who hears whom' });
    expect(within(hearing).getByText('You hear Helen Brooks')).toBeTruthy();
    expect(within(hearing).getByText('Sofia Marin hears nobody')).toBeTruthy();
    const model = buildReplayModel(mortgage, mistakes.log);
    expect(hears(instantAt(model, 30_000).state, 'trainee', 'broker')).toBe(true);
  });

  it('steps from event to event with the arrow keys, and to the ends with Home and End', async () => {
    await showReplay(30_000);
    const slider = screen.getByRole('slider', { name: 'Replay position' });
    const next = mistakes.log.records.find((record) => record.time > 30_000)?.time ?? 0;
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    await waitFor(() =>
      expect(screen.getByRole('slider').getAttribute('aria-valuenow')).toBe(String(Math.round(next))),
    );
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowLeft' });
    await waitFor(() =>
      expect(Number(screen.getByRole('slider').getAttribute('aria-valuenow'))).toBeLessThan(next),
    );
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'End' });
    await waitFor(() => expect(screen.getByRole('slider').getAttribute('aria-valuenow')).toBe('218000'));
    const legs = screen.getByRole('list', { name: 'Connections' });
    expect(within(legs).getByText('You: disconnected')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'Home' });
    await waitFor(() => expect(screen.getByRole('slider').getAttribute('aria-valuenow')).toBe('0'));
  });

  it('zooms in around the cursor and back out to the whole call', async () => {
    await showReplay(100_000);
    expect(screen.getByText('Showing 0:00 to 3:38')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('Showing 0:45 to 2:34')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole call' }));
    expect(screen.getByText('Showing 0:00 to 3:38')).toBeTruthy();
  });

  it('offers the same events as a table, and in German', async () => {
    await renderView(<ReplayView attemptId={mistakes.attemptId} />, { stored: [mistakes], language: 'de' });
    const table = await screen.findByRole(
      'table',
      { name: 'Ereignisse des Anrufs als Tabelle' },
      { timeout: 5000 },
    );
    expect(within(table).getByText('abgelehnt: es gibt keine dritte Partei dafür (CCP-4)')).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Position der Wiedergabe' })).toBeTruthy();
  });
});
