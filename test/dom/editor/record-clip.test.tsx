import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipsPanel, renameClip } from '../../../src/renderer/src/editor/ClipsPanel';
import { registerEditorText } from '../../../src/renderer/src/editor/locales/register';
import { createI18n, type Language } from '../../../src/renderer/src/i18n';
import { bridgeApi } from '../../support/api-bridge';
import { testHandlers } from '../../support/handlers';

const VALUE = {
  script: [
    { id: 'hello', effects: [{ say: { party: 'broker', text: 'Hello', clip: 'mortgage/hello.ogg' } }] },
  ],
};

function fakeMicrophone(getUserMedia: (() => Promise<MediaStream>) | undefined) {
  Object.defineProperty(navigator, 'mediaDevices', {
    value: getUserMedia === undefined ? undefined : { getUserMedia },
    configurable: true,
  });
}

afterEach(() => {
  fakeMicrophone(undefined);
});

/** The clips panel on the real handlers, with the editor's text in `language`. */
async function renderPanel(options: { readonly readOnly?: boolean; readonly language?: Language } = {}) {
  const services = testHandlers();
  Object.defineProperty(window, 'api', { value: bridgeApi(services.handlers).api, configurable: true });
  const i18n = await createI18n(options.language ?? 'en');
  registerEditorText(i18n);
  return render(
    <I18nextProvider i18n={i18n}>
      <ClipsPanel
        scenarioId="mortgage-closing-copy"
        value={VALUE}
        known={[]}
        readOnly={options.readOnly ?? false}
      />
    </I18nextProvider>,
  );
}

describe('recording a clip', () => {
  it('says so in an alert when the microphone is refused, and stays ready to record', async () => {
    fakeMicrophone(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    await renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Record mortgage/hello.ogg' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The microphone may not be used: access was refused. Allow the app to use the microphone and try again.',
    );
    expect(
      (screen.getByRole('button', { name: 'Record mortgage/hello.ogg' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect(screen.queryByRole('button', { name: 'Stop recording mortgage/hello.ogg' })).toBeNull();
  });

  it('says so in an alert, in German too, when there is no microphone', async () => {
    fakeMicrophone(() => Promise.reject(new DOMException('Requested device not found', 'NotFoundError')));
    await renderPanel({ language: 'de' });
    fireEvent.click(screen.getByRole('button', { name: 'mortgage/hello.ogg aufnehmen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Es wurde kein Mikrofon gefunden. Schließen Sie eines an und versuchen Sie es erneut.',
    );
  });

  it('offers no recording for a read-only scenario', async () => {
    await renderPanel({ readOnly: true });
    expect(screen.getByRole('button', { name: 'Play mortgage/hello.ogg' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record mortgage/hello.ogg' })).toBeNull();
  });
});

describe('renaming a clip in the scenario', () => {
  it("renames every line's clip of that name and nothing else", () => {
    const value = {
      script: [
        { effects: [{ say: { party: 'a', text: 'x', clip: 'm/hello.ogg' } }, { hangUp: { party: 'a' } }] },
        { effects: [{ say: { party: 'b', text: 'y', clip: 'm/other.ogg' } }] },
        { effects: [{ say: { party: 'c', text: 'z', clip: 'm/hello.ogg' } }] },
      ],
    };
    expect(renameClip(value, 'm/hello.ogg', 'm/hello.wav')).toEqual({
      script: [
        { effects: [{ say: { party: 'a', text: 'x', clip: 'm/hello.wav' } }, { hangUp: { party: 'a' } }] },
        { effects: [{ say: { party: 'b', text: 'y', clip: 'm/other.ogg' } }] },
        { effects: [{ say: { party: 'c', text: 'z', clip: 'm/hello.wav' } }] },
      ],
    });
    expect(value.script[0]?.effects[0]).toEqual({ say: { party: 'a', text: 'x', clip: 'm/hello.ogg' } });
  });
});
