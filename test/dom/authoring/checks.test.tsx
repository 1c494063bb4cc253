import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src/renderer/src/api';
import { de } from '../../../src/renderer/src/authoring/locales/de';
import { en } from '../../../src/renderer/src/authoring/locales/en';
import { renderApp } from '../render-app';

const MORTGAGE = 'Mortgage closing: six participants on one call';

/** The keys of a nested text object, dotted. */
function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the checks screen', () => {
  it('says the mortgage closing is ready, and its dry run earns full marks', async () => {
    window.location.hash = '#/checks/mortgage-closing';
    await renderApp();
    await screen.findByRole('heading', { level: 1, name: `Checks: ${MORTGAGE}` }, { timeout: 15000 });
    const readiness = screen.getByRole('region', { name: 'Ready for trainees?' });
    expect(within(readiness).getByRole('status').textContent).toMatch(
      /^Ready: the reference earns full marks/,
    );
    // A bundled scenario is read-only: it offers a copy to edit, not recording.
    expect(screen.getByRole('button', { name: 'Duplicate to edit' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record reference solution' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    const dry = screen.getByRole('region', { name: 'Dry run' });
    expect(within(dry).getAllByRole('status')[0]?.textContent).toBe(
      'Score: 100 of 100 · Full marks · Passed',
    );
    expect(
      within(dry).getByRole('group', { name: `Timeline of the reference run: ${MORTGAGE}` }),
    ).toBeTruthy();

    // The previews: the broker sees the queue's caller ID by CID-1.
    const callerIds = screen.getByRole('table', { name: 'Caller IDs external parties see' });
    const broker = within(callerIds)
      .getByRole('rowheader', { name: /Helen Brooks/ })
      .closest('tr');
    expect(broker?.textContent).toContain('+1 312 555 0100');
    expect(broker?.textContent).toContain('CID-1');
    // The side-by-side panel says which criteria a run could pass without.
    expect(screen.getByText('This run could pass without “Released the interpreter”.')).toBeTruthy();
    // Each recorded test run with its last result, and a replay of it.
    const tests = screen.getByRole('region', { name: 'Recorded test runs' });
    fireEvent.click(within(tests).getByRole('button', { name: 'Replay run long-holds' }));
    expect(within(tests).getByRole('group', { name: 'Timeline of test run long-holds' })).toBeTruthy();

    // "Duplicate to edit" makes a user copy and opens its checks, where recording is offered.
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate to edit' }));
    await screen.findByRole('heading', { level: 1, name: `Checks: ${MORTGAGE} (copy)` }, { timeout: 15000 });
    expect(window.location.hash).toBe('#/checks/mortgage-closing-copy');
    expect(await screen.findByRole('button', { name: 'Record reference solution' })).toBeTruthy();
  }, 60000);

  it('a user scenario whose reference misses a criterion is not ready and names the action', async () => {
    await renderApp();
    const copy = await callApi('scenarios:duplicate', { id: 'mortgage-closing' });
    const opened = await callApi('scenarios:open', { id: copy.id });
    const value = opened.value as { reference: { actions: Array<Record<string, unknown>> } };
    // The reference joins the broker two seconds after she answers: no private greeting.
    value.reference.actions = value.reference.actions.map((a) =>
      a.action === 'join' && a.at === 40 ? { ...a, at: 28 } : a,
    );
    const saved = await callApi('scenarios:save', { id: copy.id, value });
    expect(saved.status).toBe('saved');
    window.location.hash = `#/checks/${copy.id}`;
    const readiness = await screen.findByRole('region', { name: 'Ready for trainees?' }, { timeout: 15000 });
    expect(within(readiness).getByRole('status').textContent).toBe('Not ready: one thing stands in the way.');
    expect(
      within(readiness).getByText(
        'The reference does not meet “Greeted the broker privately before joining” (not met): see reference action 3 (join at 28 s).',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record reference solution' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record test run' })).toBeTruthy();
  }, 60000);

  it('speaks German when the app does', async () => {
    window.location.hash = '#/checks/mortgage-closing';
    await renderApp({ language: 'de' });
    const readiness = await screen.findByRole('region', { name: 'Bereit für Lernende?' }, { timeout: 15000 });
    expect(within(readiness).getByRole('status').textContent).toMatch(/^Bereit: Die Referenz erreicht/);
    expect(screen.getByRole('button', { name: 'Zum Bearbeiten duplizieren' })).toBeTruthy();
  }, 60000);

  it('has German text for every English key', () => {
    expect(keys(de)).toEqual(keys(en));
  });
});
