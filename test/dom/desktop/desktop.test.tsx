import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createDesktopService } from '../../../src/main/desktop/service';
import { CCP_ORIGIN, DESKTOP_ORIGIN } from '../../../src/main/security';
import type { Language } from '../../../src/renderer/src/i18n';
import { renderApp } from '../render-app';

const WARM = 'Warm transfer with swap: a claim for the claims specialist';

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'cct-desktop-dom-'));
  const good = join(root, 'desktop');
  const empty = join(root, 'empty');
  mkdirSync(good);
  mkdirSync(empty);
  writeFileSync(join(good, 'index.html'), '<!doctype html><title>d</title>');
  return { good, empty, data: mkdtempSync(join(tmpdir(), 'cct-data-dom-')) };
}

async function openBriefing(language: Language, pick: () => string | null) {
  const { data } = folders();
  const desktop = createDesktopService({
    dataFolder: data,
    origins: { app: 'app://bundle', desktop: DESKTOP_ORIGIN, ccp: CCP_ORIGIN },
    chooseFolder: async () => pick(),
  });
  const user = userEvent.setup();
  await renderApp({ language, deps: { desktop } });
  await user.click(screen.getByRole('link', { name: language === 'de' ? 'Szenarien' : 'Scenarios' }));
  const card = await screen.findByRole('listitem', { name: WARM }, { timeout: 15_000 });
  await user.click(within(card).getByRole('button'));
  await screen.findByRole('heading', { level: 1, name: WARM });
  return user;
}

describe('Use my agent desktop on the briefing', () => {
  it('asks for a folder, refuses one without index.html, then starts in the desktop view', async () => {
    const { good, empty } = folders();
    let pick = empty;
    const user = await openBriefing('en', () => pick);
    const where = screen.getByRole('group', { name: 'Where to play' });
    expect(
      (within(where).getByRole('radio', { name: 'The built-in console' }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(within(where).getByRole('radio', { name: /^My agent desktop/ }));
    expect(within(where).getByText('No folder chosen yet.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Robin');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect((await screen.findByText('Choose your agent desktop folder first.')).getAttribute('role')).toBe(
      'alert',
    );

    await user.click(within(where).getByRole('button', { name: 'Choose folder…' }));
    expect(
      await within(where).findByText(
        `The folder was not taken: desktop:choose: The folder "${empty}" has no index.html`,
      ),
    ).toBeTruthy();
    pick = good;
    await user.click(within(where).getByRole('button', { name: 'Choose folder…' }));
    await within(where).findByText(`Folder: ${good}`);
    await user.click(screen.getByRole('button', { name: 'Start' }));

    await screen.findByRole('heading', { level: 1, name: `Agent desktop: ${WARM}` });
    const frame = (await screen.findByTitle('Your agent desktop')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-forms');
    expect(frame.getAttribute('src')).toBe(
      `${DESKTOP_ORIGIN}/index.html?ccpUrl=${encodeURIComponent(`${CCP_ORIGIN}/ccp-v2/`)}`,
    );
    expect(screen.getByRole('status', { name: '' }).textContent ?? '').toContain('Waiting for your desktop');
    expect(screen.getByRole('log', { name: 'Captions' })).toBeTruthy();
  });

  it('speaks German', async () => {
    await openBriefing('de', () => null);
    const where = screen.getByRole('group', { name: 'Wo spielen' });
    expect(within(where).getByRole('radio', { name: /^Mein Agent-Desktop/ })).toBeTruthy();
  });
});
