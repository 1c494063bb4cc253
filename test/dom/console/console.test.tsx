import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortcutOf } from '../../../src/renderer/src/console/shortcuts';
import { renderConsole } from '../render-console';

afterEach(() => {
  vi.useRealTimers();
});

const connections = () => within(screen.getByRole('region', { name: 'Connections' }));
const press = (key: string, target: Element = screen.getByRole('region', { name: /^Console:/ })) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('the connection list, as the engine gives it per mode', () => {
  it('CONF-10g: multiparty shows an added agent by the quick connect name, the caller first (CONF-18)', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'practice' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(5);
    session.act({
      kind: 'action',
      action: 'add',
      target: 'manager',
      via: { quickConnect: 'Priya Nair (Lending manager)' },
    });
    await advance(1);
    const cards = connections().getAllByRole('listitem');
    expect(cards[0]?.textContent).toContain('Sofia Marin');
    expect(cards[0]?.textContent).toContain('On hold');
    expect(cards[1]?.textContent).toContain('Priya Nair (Lending manager)');
    expect(cards[1]?.textContent).toContain('Connecting');
  });

  it('CONF-9f: three-party shows another agent only as "Internal transfer"', async () => {
    const { session, advance } = await renderConsole({ scenario: 'warm-transfer-swap', mode: 'practice' });
    await advance(2);
    session.act({ kind: 'action', action: 'accept' });
    await advance(3);
    session.act({
      kind: 'action',
      action: 'add',
      target: 'specialist',
      via: { quickConnect: 'Dana Ortiz (Claims)' },
    });
    await advance(1);
    const cards = connections().getAllByRole('listitem');
    expect(
      cards.map((card) => card.getAttribute('aria-labelledby') && card.querySelector('h3')?.textContent),
    ).toEqual(['1 Marcus Bell', '2 Internal transfer']);
  });

  it('shows a timer of the current state of each leg (the caller has been connected since the call came in)', async () => {
    const { session, advance } = await renderConsole({ scenario: 'warm-transfer-swap', mode: 'practice' });
    await advance(2);
    session.act({ kind: 'action', action: 'accept' });
    await advance(65);
    expect(connections().getByRole('listitem').textContent).toMatch(/for 1:07/);
  });
});

describe('refusals teach in practice and disable in assessment', () => {
  it('CONF-4, practice: a refused Swap stays clickable and explains the rule in plain words', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'practice' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(1);
    const swap = screen.getByRole('button', { name: 'Swap' });
    expect(swap.getAttribute('aria-disabled')).toBeNull();
    swap.click();
    await advance(0);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not possible: Swap');
    expect(alert.textContent).toMatch(/Rule CCP-4|Rule CONF-4/);
    expect(alert.textContent).toMatch(/no-third-party|swap-unavailable/);
    // Each sentence once: where the rule's summary says what the reason says, it is not repeated.
    const sentences = [...alert.querySelectorAll('p')].map((p) => p.textContent ?? '');
    const reason = sentences[0] ?? '';
    expect(reason.length).toBeGreaterThan(0);
    expect(alert.textContent?.split(reason).length).toBe(2);
  });

  it('the explanation is German in the German UI', async () => {
    const { session, advance } = await renderConsole({
      scenario: 'mortgage-closing',
      mode: 'practice',
      language: 'de',
    });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(1);
    screen.getByRole('button', { name: 'Wechseln' }).click();
    await advance(0);
    expect(screen.getByRole('alert').textContent).toContain('Nicht möglich: Wechseln');
    expect(screen.getByRole('alert').textContent).toMatch(/Regel C/);
  });

  it('CCP-4, assessment: a refused Join is disabled, and its reason is its description (hover and focus)', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'assessment' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(1);
    const join = screen.getByRole('button', { name: 'Join' });
    expect(join.getAttribute('aria-disabled')).toBe('true');
    const description = document.getElementById(join.getAttribute('aria-describedby') ?? '');
    expect(description?.getAttribute('role')).toBe('tooltip');
    expect(description?.textContent).toMatch(/^Not available: .+\((CCP-4|CONF-4)\)$/);
    const before = session.getSnapshot().director.records.length;
    join.click();
    await advance(0);
    expect(session.getSnapshot().director.records.length).toBe(before);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('CONF-5, assessment: a second add is disabled while a dial is pending', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'assessment' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(2);
    expect(
      screen.getByRole('button', { name: 'Add Spanish interpreter line' }).getAttribute('aria-disabled'),
    ).toBeNull();
    screen.getByRole('button', { name: 'Add Brooks Mortgage Brokers' }).click();
    await advance(0);
    expect(
      screen.getByRole('button', { name: 'Add Spanish interpreter line' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });
});

describe('keyboard', () => {
  it('maps every listed shortcut and ignores typing in text fields and chords', () => {
    expect(
      shortcutOf({ key: 'a', ctrlKey: false, altKey: false, metaKey: false, inTextField: false }),
    ).toEqual({
      command: 'accept',
    });
    expect(
      shortcutOf({ key: 'H', ctrlKey: false, altKey: false, metaKey: false, inTextField: false })?.command,
    ).toBe('hold-all');
    expect(
      shortcutOf({ key: '3', ctrlKey: false, altKey: false, metaKey: false, inTextField: false }),
    ).toEqual({
      command: 'select-leg',
      index: 2,
    });
    expect(
      shortcutOf({ key: 'a', ctrlKey: false, altKey: false, metaKey: false, inTextField: true }),
    ).toBeNull();
    expect(
      shortcutOf({ key: 'j', ctrlKey: true, altKey: false, metaKey: false, inTextField: false }),
    ).toBeNull();
  });

  it('A accepts the contact, focus stays in the console, and ? lists the shortcuts', async () => {
    const { advance, session } = await renderConsole({ scenario: 'warm-transfer-swap', mode: 'assessment' });
    await advance(2);
    screen.getByRole('button', { name: 'Accept' }).focus();
    press('a', document.activeElement as Element);
    await advance(1);
    expect(session.getSnapshot().director.conference.phase).toBe('connected');
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: /^Console:/ }));
    press('?');
    await advance(0);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getAllByRole('row').length).toBeGreaterThanOrEqual(15);
  });
});

describe('screen reader announcements', () => {
  it('announces state changes of parties and every line spoken, politely', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'practice' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(3);
    const announcer = screen.getByTestId('announcer');
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    expect(announcer.textContent).toContain('Sofia Marin: Connected');
    expect(announcer.textContent).toContain('Sofia Marin: Hi, this is Sofia Marin.');
    session.act({ kind: 'action', action: 'hold', target: 'customer' });
    await advance(0);
    expect(announcer.textContent).toContain('Sofia Marin: On hold');
  });
});

describe('questions, goals and the clock', () => {
  it('asks the caller-ID question in the console and records the chosen answer', async () => {
    const { session, advance } = await renderConsole({ scenario: 'caller-id-quiz', mode: 'assessment' });
    await advance(2);
    session.act({ kind: 'action', action: 'accept' });
    await advance(6);
    const questions = within(screen.getByRole('region', { name: 'Questions' }));
    const answer = questions.getByRole('button', { name: 'Answer' }) as HTMLButtonElement;
    expect(answer.disabled).toBe(true);
    questions.getByRole('radio', { name: '+12065550100' }).click();
    await advance(0);
    expect(answer.disabled).toBe(false);
    answer.click();
    await advance(0);
    expect(questions.getByText('Answered: +12065550100')).toBeTruthy();
    const recorded = session.getSnapshot().director.records.filter((record) => record.kind === 'answer');
    expect(recorded).toEqual([expect.objectContaining({ question: 'qc-on-call', value: '+12065550100' })]);
  });

  it('ticks a goal off when the script moves on to the next one', async () => {
    const { session, advance } = await renderConsole({ scenario: 'caller-id-quiz', mode: 'practice' });
    await advance(2);
    const goals = () => within(screen.getByRole('region', { name: 'Goals' })).getAllByRole('listitem');
    expect(goals().map((goal) => goal.className)).toEqual(['goal goal-current']);
    session.act({ kind: 'action', action: 'accept' });
    await advance(6);
    expect(goals().map((goal) => goal.className)).toEqual(['goal goal-reached', 'goal goal-current']);
  });

  it('practice can pause the clock; assessment offers no pause', async () => {
    const practice = await renderConsole({ scenario: 'warm-transfer-swap', mode: 'practice' });
    await practice.advance(3);
    screen.getByRole('button', { name: 'Pause' }).click();
    await practice.advance(0);
    const pausedAt = practice.session.time;
    await practice.advance(30);
    expect(practice.session.time).toBe(pausedAt);
    expect(screen.getByText('Paused')).toBeTruthy();
    screen.getByRole('button', { name: 'Resume clock' }).click();
    await practice.advance(5);
    expect(practice.session.time).toBeGreaterThanOrEqual(pausedAt + 5000);
    practice.unmount();
    await renderConsole({ scenario: 'warm-transfer-swap', mode: 'assessment' });
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restart' })).toBeNull();
  });
});

describe('the number pad', () => {
  it('CCP-11: reads a national number in the country preset to the instance, and dials the party there', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'assessment' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(2);
    const country = screen.getByRole('combobox', { name: 'Country' }) as HTMLSelectElement;
    expect(country.value).toBe('US');
    const input = screen.getByRole('textbox', { name: 'Number to dial' });
    fireEvent.change(input, { target: { value: '312 555 0163' } });
    screen.getByRole('button', { name: 'Dial' }).click();
    await advance(1);
    const spouse = session.getSnapshot().director.conference.legs.find((leg) => leg.party === 'spouse');
    expect(spouse?.state).toBe('connecting');
  });

  it('CCP-11: the same digits read in another country reach nobody, and Dial is disabled with the reason', async () => {
    const { session, advance } = await renderConsole({ scenario: 'mortgage-closing', mode: 'assessment' });
    await advance(3);
    session.act({ kind: 'action', action: 'accept' });
    await advance(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Country' }), { target: { value: 'DE' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Number to dial' }), {
      target: { value: '312 555 0163' },
    });
    const dial = screen.getByRole('button', { name: 'Dial' });
    expect(dial.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(dial.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /^Not available: /,
    );
  });
});

describe('who hears whom, in words', () => {
  it('says "You hear" for the trainee and "hears" for the others, in English and German', async () => {
    const english = await renderConsole({ scenario: 'warm-transfer-swap', mode: 'practice' });
    await english.advance(2);
    english.session.act({ kind: 'action', action: 'accept' });
    await english.advance(2);
    const lines = () =>
      within(screen.getByRole('region', { name: /^(Who hears whom|Wer hört wen)$/ }))
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(lines()).toEqual(['Marcus Bell hears You', 'You hear Marcus Bell']);
    english.unmount();
    const german = await renderConsole({ scenario: 'warm-transfer-swap', mode: 'practice', language: 'de' });
    await german.advance(2);
    german.session.act({ kind: 'action', action: 'accept' });
    await german.advance(2);
    expect(lines()).toEqual(['Marcus Bell hört Sie', 'Sie hören Marcus Bell']);
  });
});
