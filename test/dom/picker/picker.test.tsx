import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { scenarioScores } from '../../../src/renderer/src/picker/filter';
import { renderApp } from '../render-app';

async function openPicker() {
  const user = userEvent.setup();
  const view = await renderApp();
  await user.click(screen.getByRole('link', { name: 'Scenarios' }));
  await screen.findByText('10 scenarios shown', {}, { timeout: 15_000 });
  return { user, ...view };
}

const cards = () =>
  within(screen.getByRole('list', { name: 'Scenarios' })).getAllByRole('heading', { level: 2 });

describe('the scenario picker', () => {
  it('shows each card with difficulty, minutes, mode, language, tags and "not played yet"', async () => {
    await openPicker();
    const card = screen.getByRole('listitem', { name: 'Mortgage closing: six participants on one call' });
    expect(card.textContent).toContain('Multiparty · Advanced · 6 minutes · English · Bundled');
    expect(within(card).getByRole('list', { name: 'Tag' }).textContent).toContain('flagship');
    expect(card.textContent).toContain('Not played yet');
  });

  it('searches by text, ignoring case, over titles and tags', async () => {
    const { user } = await openPicker();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'FLAGSHIP');
    expect(cards().map((heading) => heading.textContent)).toEqual([
      'Mortgage closing: six participants on one call',
    ]);
    await user.clear(search);
    await user.type(search, 'kreditabschluss');
    expect(cards().map((heading) => heading.textContent)).toEqual([
      'Kreditabschluss: sechs Teilnehmende in einem Anruf',
    ]);
  });

  it('filters by mode, language and tag, and says when nothing matches', async () => {
    const { user } = await openPicker();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode' }), 'multiparty');
    const multiparty = cards().length;
    expect(multiparty).toBeGreaterThan(0);
    expect(multiparty).toBeLessThan(10);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario language' }), 'de');
    expect(cards()).toHaveLength(1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode' }), 'three-party');
    expect(screen.getByText('No scenario matches these filters.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('0 scenarios shown');
  });

  it('moves between cards with the arrow keys', async () => {
    const { user } = await openPicker();
    const buttons = screen.getAllByRole('button', { name: 'Open briefing' });
    buttons[0]?.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(buttons[2]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(buttons[1]);
  });

  it('opens the briefing with the parties, goals, the mode limit and the remembered name', async () => {
    window.localStorage.setItem('trainee-name', 'Robin');
    const { user } = await openPicker();
    const card = screen.getByRole('listitem', { name: 'Mortgage closing: six participants on one call' });
    await user.click(within(card).getByRole('button', { name: 'Open briefing' }));
    await screen.findByRole('heading', { level: 1, name: 'Mortgage closing: six participants on one call' });
    expect(screen.getByText('Multiparty call: at most 6 participants, you included.')).toBeTruthy();
    expect(screen.getByText('Helen Brooks')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Goals' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Your name' }) as HTMLInputElement).value).toBe('Robin');
    expect((screen.getByRole('radio', { name: /^Practice/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('refuses to start without a name, and says why', async () => {
    const { user } = await openPicker();
    await user.click(screen.getAllByRole('button', { name: 'Open briefing' })[0] as HTMLElement);
    await screen.findByRole('button', { name: 'Start' });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your name to start.');
  });
});

describe('scores on the cards', () => {
  const summary = (scenarioId: string, trainee: string, startedAt: string, scaled: number) => ({
    attemptId: `00000000-0000-4000-8000-${String(Math.round(scaled * 1000)).padStart(12, '0')}`,
    scenarioId,
    scenarioTitle: scenarioId,
    trainee,
    mode: 'assessment' as const,
    startedAt,
    raw: scaled * 100,
    max: 100,
    scaled,
    passed: scaled >= 0.75,
  });

  it("gives the trainee's best and latest score per scenario, whatever the list order", () => {
    const scores = scenarioScores(
      [
        summary('mortgage-closing', 'Robin', '2026-11-01T10:00:00Z', 0.9),
        summary('mortgage-closing', 'Robin', '2026-11-03T10:00:00Z', 0.6),
        summary('mortgage-closing', 'Alex', '2026-11-04T10:00:00Z', 1),
        summary('warm-transfer-swap', 'robin ', '2026-11-02T10:00:00Z', 0.8),
      ],
      'Robin',
    );
    expect(scores.get('mortgage-closing')).toEqual({ best: 0.9, latest: 0.6 });
    expect(scores.get('warm-transfer-swap')).toEqual({ best: 0.8, latest: 0.8 });
  });
});
