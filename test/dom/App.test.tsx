import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/renderer/src/i18n';
import { de } from '../../src/renderer/src/locales/de';
import { en } from '../../src/renderer/src/locales/en';
import { viewFromHash } from '../../src/renderer/src/routes';
import { renderApp } from './render-app';

describe('the app frame', () => {
  it('shows the name and version that app:info answers', async () => {
    const { deps } = await renderApp({ deps: { appName: 'Trainer Test', appVersion: '9.8.7' } });
    const banner = screen.getByRole('banner');
    expect(await within(banner).findByText('Trainer Test')).toBeTruthy();
    expect(within(banner).getByText('Version 9.8.7')).toBeTruthy();
    expect(deps.appVersion).toBe('9.8.7');
  });

  it('has a header, a labelled navigation, a main region and a skip link', async () => {
    await renderApp();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
  });

  it('switches views from the navigation and marks the current one', async () => {
    const user = userEvent.setup();
    const { deps } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'About' }));
    expect(await screen.findByRole('heading', { name: 'About', level: 1 })).toBeTruthy();
    expect(await screen.findByText(deps.dataFolder)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'About' }).getAttribute('aria-current')).toBe('page');
    expect(window.location.hash).toBe('#/about');
  });

  it('shows the empty scenario library that scenarios:list answers', async () => {
    const user = userEvent.setup();
    await renderApp({ deps: { listScenarios: async () => [] } });
    await user.click(screen.getByRole('button', { name: 'Choose a scenario' }));
    expect(await screen.findByText('No scenarios are installed yet.')).toBeTruthy();
  });

  it('lists the bundled library from the real scenario files', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByRole('link', { name: 'Scenarios' }));
    expect(
      // The real library validates every file, its reference replayed: as the picker tests, allow for a loaded machine.
      await screen.findByRole(
        'heading',
        { name: 'Mortgage closing: six participants on one call' },
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('10 scenarios shown')).toBeTruthy();
  });

  it('lists the scenarios that scenarios:list answers', async () => {
    const user = userEvent.setup();
    await renderApp({
      deps: {
        listScenarios: async () => [
          {
            id: 'mortgage-closing',
            title: 'Mortgage closing',
            difficulty: 'advanced',
            estimatedMinutes: 15,
            mode: 'multiparty',
            language: 'en',
            tags: ['flagship'],
            source: 'bundled',
          },
        ],
      },
    });
    await user.click(screen.getByRole('link', { name: 'Scenarios' }));
    expect(await screen.findByRole('heading', { name: 'Mortgage closing' })).toBeTruthy();
    expect(screen.getByText('1 scenario shown')).toBeTruthy();
    expect(screen.getByText(/Multiparty · Advanced · 15 minutes · English · Bundled/)).toBeTruthy();
  });

  it('reports a library that cannot be read', async () => {
    const user = userEvent.setup();
    await renderApp({
      deps: {
        listScenarios: async () => {
          throw new Error('permission denied');
        },
      },
    });
    await user.click(screen.getByRole('link', { name: 'Scenarios' }));
    expect((await screen.findByRole('alert')).textContent).toContain('permission denied');
  });

  it('follows a navigate event from the main process (the View menu)', async () => {
    const { emit } = await renderApp();
    act(() => emit('app:navigate', { view: 'about' }));
    expect(await screen.findByRole('heading', { name: 'About', level: 1 })).toBeTruthy();
  });
});

describe('languages', () => {
  it('switches the whole UI to German and remembers the choice', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.selectOptions(screen.getByLabelText('Language'), 'de');
    expect(await screen.findByRole('link', { name: 'Szenarien' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Konferenzgespräche üben' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    expect(window.localStorage.getItem('language')).toBe('de');
  });

  it('starts in the language of the system unless the user chose one', () => {
    expect(detectLanguage(null, ['de-AT', 'en-US'])).toBe('de');
    expect(detectLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage(null, ['fr-FR'])).toBe('en');
    expect(detectLanguage('en', ['de-DE'])).toBe('en');
    expect(detectLanguage('xx', ['de-DE'])).toBe('de');
  });

  it('has a German text for every English key', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'object' && inner !== null ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('maps unknown hashes to the home view', () => {
    expect(viewFromHash('#/about')).toBe('about');
    expect(viewFromHash('#/nowhere')).toBe('home');
    expect(viewFromHash('')).toBe('home');
  });
});

describe('renderer start', () => {
  it('loads app:info once the window opens', async () => {
    await renderApp();
    await waitFor(() => expect(screen.getByRole('banner').textContent).toContain('Version 0.1.0'));
  });
});
