// The sound settings: persisted, applied to howler, and operable by keyboard in both languages.
import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Howler } from 'howler';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import {
  AudioSettingsPanel,
  DEFAULT_AUDIO_SETTINGS,
  useAudioSettings,
} from '../../../src/renderer/src/audio';
import { AUDIO_SETTINGS_KEY, parseAudioSettings } from '../../../src/renderer/src/audio/settings';
import { createI18n, type Language } from '../../../src/renderer/src/i18n';

async function renderPanel(language: Language = 'en') {
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <AudioSettingsPanel />
    </I18nextProvider>,
  );
}

function stored() {
  return JSON.parse(window.localStorage.getItem(AUDIO_SETTINGS_KEY) ?? 'null');
}

/** howler's own record of the master mute (it has no getter). */
function howlerMuted(): boolean {
  return (Howler as unknown as { _muted: boolean })._muted;
}

describe('stored sound settings', () => {
  it('fall back to the defaults, field by field, when missing or malformed', () => {
    expect(parseAudioSettings(null)).toEqual(DEFAULT_AUDIO_SETTINGS);
    expect(parseAudioSettings('{not json')).toEqual(DEFAULT_AUDIO_SETTINGS);
    expect(parseAudioSettings('[1,2]')).toEqual(DEFAULT_AUDIO_SETTINGS);
    expect(parseAudioSettings('{"volume":7,"muted":true,"captions":"yes"}')).toEqual({
      ...DEFAULT_AUDIO_SETTINGS,
      muted: true,
    });
  });
});

describe('useAudioSettings', () => {
  it('starts from what was stored and shares every change between its users', () => {
    window.localStorage.setItem(
      AUDIO_SETTINGS_KEY,
      JSON.stringify({ ...DEFAULT_AUDIO_SETTINGS, volume: 0.3 }),
    );
    const first = renderHook(() => useAudioSettings());
    const second = renderHook(() => useAudioSettings());
    expect(first.result.current[0].volume).toBe(0.3);
    act(() => first.result.current[1]({ captions: false }));
    expect(second.result.current[0]).toEqual({ ...DEFAULT_AUDIO_SETTINGS, volume: 0.3, captions: false });
    expect(stored()).toEqual({ ...DEFAULT_AUDIO_SETTINGS, volume: 0.3, captions: false });
  });

  it('applies volume and mute to howler at once, and keeps the volume within 0 and 1', () => {
    const { result } = renderHook(() => useAudioSettings());
    act(() => result.current[1]({ volume: 0.4, muted: true }));
    expect(Howler.volume()).toBe(0.4);
    expect(howlerMuted()).toBe(true);
    act(() => result.current[1]({ volume: 3, muted: false }));
    expect(Howler.volume()).toBe(1);
    expect(howlerMuted()).toBe(false);
  });
});

describe('AudioSettingsPanel', () => {
  it('shows a labelled volume slider and three labelled switches with the defaults', async () => {
    await renderPanel();
    expect(screen.getByRole('group', { name: 'Sound' })).toBeTruthy();
    const volume = screen.getByRole('slider', { name: 'Volume' });
    expect(volume.getAttribute('aria-valuetext')).toBe('80%');
    expect((screen.getByRole('switch', { name: 'Mute sounds' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch', { name: 'Sound captions' }) as HTMLInputElement).checked).toBe(true);
    const indicator = screen.getByRole('switch', { name: 'Hold music indicator' });
    expect((indicator as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Play hold music quietly while someone is on hold.').id).toBe(
      indicator.getAttribute('aria-describedby'),
    );
  });

  it('is operated by keyboard: arrows change the volume, Space flips a switch; both persist and apply', async () => {
    const user = userEvent.setup();
    await renderPanel();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('slider', { name: 'Volume' }));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('slider', { name: 'Volume' }).getAttribute('aria-valuetext')).toBe('70%');
    expect(stored().volume).toBeCloseTo(0.7);
    expect(Howler.volume()).toBeCloseTo(0.7);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('switch', { name: 'Mute sounds' }));
    await user.keyboard(' ');
    expect((screen.getByRole('switch', { name: 'Mute sounds' }) as HTMLInputElement).checked).toBe(true);
    expect(stored().muted).toBe(true);
    expect(howlerMuted()).toBe(true);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('switch', { name: 'Hold music indicator' }));
    await user.keyboard(' ');
    expect(stored().holdIndicator).toBe(false);
  });

  it('shows the stored settings again after a restart', async () => {
    window.localStorage.setItem(
      AUDIO_SETTINGS_KEY,
      JSON.stringify({ volume: 0.25, muted: true, captions: false, holdIndicator: false }),
    );
    await renderPanel();
    expect(screen.getByRole('slider', { name: 'Volume' }).getAttribute('aria-valuetext')).toBe('25%');
    expect((screen.getByRole('switch', { name: 'Mute sounds' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('switch', { name: 'Sound captions' }) as HTMLInputElement).checked).toBe(false);
  });

  it('speaks German', async () => {
    const user = userEvent.setup();
    await renderPanel('de');
    expect(screen.getByRole('group', { name: 'Ton' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Lautstärke' }).getAttribute('aria-valuetext')).toBe(
      '80\u00a0%',
    );
    await user.click(screen.getByRole('switch', { name: 'Untertitel für Töne' }));
    expect(stored().captions).toBe(false);
  });
});
