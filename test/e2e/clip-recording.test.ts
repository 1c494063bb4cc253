import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTarget, launchApp, type RunningApp } from './support/launch';

/** The browser's fake microphone (a beep) and its permission prompt answered yes. */
const FAKE_MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

type Api = Record<string, (payload: unknown) => Promise<{ ok: boolean; value: unknown; error?: unknown }>>;

describe(`recording a line's clip with the microphone (${chooseTarget()})`, () => {
  let app: RunningApp;

  beforeAll(async () => {
    // Real time: the recording runs for seconds of the microphone's own clock.
    app = await launchApp(undefined, { browserArgs: FAKE_MICROPHONE });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('records, trims the silence, plays back, and saves a WAV clip renamed in the scenario', async () => {
    const { page } = app;
    // A copy of a bundled scenario whose first line names a clip that is not stored yet.
    const prepared = await page.evaluate(async () => {
      const api = (window as unknown as { api: Api }).api;
      const copy = (await api['scenarios:duplicate']?.({ id: 'mortgage-closing' }))?.value as {
        id: string;
        title: string;
      };
      const opened = (await api['scenarios:open']?.({ id: copy.id }))?.value as { value: unknown };
      let named = false;
      const visit = (node: unknown): void => {
        if (named || node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          node.forEach(visit);
          return;
        }
        const record = node as Record<string, unknown>;
        const say = record.say as Record<string, unknown> | undefined;
        if (say !== undefined && typeof say === 'object') {
          say.clip = 'mortgage/broker-hello.ogg';
          named = true;
          return;
        }
        Object.values(record).forEach(visit);
      };
      visit(opened.value);
      const saved = await api['scenarios:save']?.({ id: copy.id, value: opened.value });
      return { id: copy.id, title: copy.title, named, saved };
    });
    expect(prepared.named).toBe(true);
    expect(prepared.saved?.ok, JSON.stringify(prepared.saved)).toBe(true);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/edit/${prepared.id}`);
    await page.getByRole('heading', { name: `Edit: ${prepared.title}` }).waitFor({ timeout: 30_000 });

    const clips = page.getByRole('region', { name: 'Audio clips' });
    const group = clips.getByRole('group', { name: 'Record mortgage/broker-hello.ogg' });
    await group.getByRole('button', { name: 'Record mortgage/broker-hello.ogg' }).click();
    const stop = group.getByRole('button', { name: 'Stop recording mortgage/broker-hello.ogg' });
    await stop.waitFor();
    await group.getByText(/^Recording: [1-9]\.\d s$/).waitFor({ timeout: 10_000 });
    await group.getByText(/^Recording: 2\.\d s$/).waitFor({ timeout: 10_000 });
    // The level follows the microphone: the fake one's beep rises above the silence.
    const meter = group.getByRole('meter', { name: 'Level' });
    await expect
      .poll(async () => Number(await meter.getAttribute('value')), { timeout: 5_000, interval: 50 })
      .toBeGreaterThan(-45);
    await clips.screenshot({ path: join(__dirname, 'screenshots/clip-recording-live.png') });
    await stop.click();

    const summary = group.getByText(
      /^Recorded \d+\.\d s; without the silence at the start and end: \d+\.\d s\.$/,
    );
    await summary.waitFor({ timeout: 15_000 });
    const [recorded, trimmed] = ((await summary.textContent()) ?? '').match(/\d+\.\d/g)?.map(Number) ?? [];
    expect(recorded).toBeGreaterThanOrEqual(1.9);
    expect(trimmed).toBeGreaterThan(0);
    expect(trimmed).toBeLessThanOrEqual(recorded as number);
    await group
      .getByText(
        'Recordings are saved as WAV: saving stores mortgage/broker-hello.wav and renames mortgage/broker-hello.ogg to it',
        { exact: false },
      )
      .waitFor();

    await group.getByRole('button', { name: 'Play the recording of mortgage/broker-hello.ogg' }).click();
    await group
      .getByRole('status')
      .filter({ hasText: 'the recording of mortgage/broker-hello.ogg' })
      .waitFor();
    expect(await group.getByRole('alert').count()).toBe(0);
    await clips.screenshot({ path: join(__dirname, 'screenshots/clip-recording-recorded.png') });

    await group.getByRole('button', { name: 'Save clip mortgage/broker-hello.wav' }).click();
    await clips.getByText(/^Stored mortgage\/broker-hello\.wav \(\d+ bytes\)\.$/).waitFor();
    // The line now names the WAV, which is stored; the scenario has an unsaved change.
    await clips.getByRole('group', { name: 'Record mortgage/broker-hello.wav' }).waitFor();
    // Focus moves to the renamed line's Record button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Record mortgage/broker-hello.wav');
    expect(await clips.getByRole('button', { name: 'Play mortgage/broker-hello.wav' }).isEnabled()).toBe(
      true,
    );
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);

    const file = readFileSync(join(app.dataFolder, 'clips', prepared.id, 'mortgage/broker-hello.wav'));
    expect(file.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(file.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(file.readUInt32LE(24)).toBe(24000);
    const seconds = file.readUInt32LE(40) / 2 / 24000;
    expect(seconds).toBeCloseTo(trimmed as number, 1);
    await clips.screenshot({ path: join(__dirname, 'screenshots/clip-recording-saved.png') });
    expect(app.pageErrors).toEqual([]);
  });
});
