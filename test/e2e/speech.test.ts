// Spoken lines without recorded clips: the system's speech synthesis speaks each line the trainee
// hears, in the scenario's language, with a distinct voice per party. Headless Chromium has no
// voices of its own, so the page gets a system voice list (the operating system's part) before it
// loads; the app's choice of voice and what it speaks are what is tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';
import { captions, card, control, openBriefing, quickConnect, start, wait, waitFor } from './support/trainee';

interface Spoken {
  readonly text: string;
  readonly lang: string;
  readonly voice: string | null;
  readonly pitch: number;
}

/** A system with four voices; `window.__spoken` records every utterance handed to it. */
function installSystemVoices(): void {
  const voices = [
    { name: 'Ava', lang: 'en-US', voiceURI: 'ava', default: true, localService: true },
    { name: 'Ben', lang: 'en-US', voiceURI: 'ben', default: false, localService: true },
    { name: 'Cleo', lang: 'en-GB', voiceURI: 'cleo', default: false, localService: true },
    { name: 'Dora', lang: 'de-DE', voiceURI: 'dora', default: false, localService: true },
  ];
  const spoken: unknown[] = [];
  class Utterance {
    text: string;
    lang = '';
    pitch = 1;
    rate = 1;
    volume = 1;
    voice: { name: string } | null = null;
    constructor(text: string) {
      this.text = text;
    }
    addEventListener(): void {}
    removeEventListener(): void {}
  }
  const synthesis = {
    getVoices: () => voices,
    speak: (u: Utterance) =>
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null, pitch: u.pitch }),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synthesis });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: Utterance });
  Object.defineProperty(window, '__spoken', { value: spoken });
}

describe(`spoken lines through the system's speech synthesis (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp(undefined, { fakeClock: true });
    await app.page.addInitScript(installSystemVoices);
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  const spoken = () => app.page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);

  it('speaks each heard line in the scenario language, a different voice for each party', async () => {
    const { page } = app;
    await openBriefing(page, 'Mortgage closing: six participants on one call');
    await start(page, 'Practice', 'Sam Speech');
    await waitFor(page, control(page, 'Accept'));
    await control(page, 'Accept').click();
    await waitFor(page, captions(page).getByText('Sofia Marin:', { exact: false }).first(), 10);
    const [first] = await spoken();
    expect(first).toBeDefined();
    expect(first?.text).toMatch(/^Hi, this is Sofia Marin/);
    expect(await captions(page).textContent()).toContain(first?.text);
    expect(first?.lang).toMatch(/^en-/);
    expect(first?.voice).not.toBeNull();

    await wait(page, 15);
    await quickConnect(page, 'Brooks Mortgage Brokers');
    await waitFor(page, card(page, 'Brooks Mortgage Brokers').getByText('Connected', { exact: true }), 30);
    await waitFor(page, captions(page).getByText('Helen Brooks:', { exact: false }).first(), 20);
    const lines = await spoken();
    const broker = lines.find((line) => line.voice !== first?.voice);
    expect(broker, JSON.stringify(lines)).toBeDefined();
    expect(broker?.lang).toMatch(/^en-/);
    // Every utterance is a line shown in the captions.
    const shown = (await captions(page).textContent()) ?? '';
    for (const line of lines) expect(shown).toContain(line.text);
  });
});
