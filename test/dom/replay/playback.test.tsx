// Playing a replay: the cursor runs with the clock at the chosen speed and the log's cues sound
// through the real cue player (howler), their captions passing as they are heard.
import { actionsToInputs, runSession } from '@shared/scenario';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { Howl } from 'howler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { soundUrl } from '../../../src/renderer/src/audio';
import { buildReplayModel } from '../../../src/renderer/src/replay/model';
import { ReplayView } from '../../../src/renderer/src/replay/ReplayView';
import { bundledScenario, gradedAssessment } from '../../support/assessments';
import { renderView } from '../render-view';

const mortgage = bundledScenario('mortgage-closing');
const reference = gradedAssessment(mortgage);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The sources of every sound howler was asked to play, in order. */
function howlerPlays(): () => ReadonlyArray<string> {
  const play = vi.spyOn(Howl.prototype, 'play');
  return () => play.mock.contexts.map((howl) => String((howl as unknown as { _src: unknown })._src));
}

async function showReplay(at = 0) {
  await renderView(<ReplayView attemptId={reference.attemptId} at={at} />, { stored: [reference] });
  await screen.findByRole('group', { name: `Timeline of the call: ${mortgage.title}` }, { timeout: 5000 });
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
  });
  const slider = screen.getByRole('slider', { name: 'Replay position' });
  const advance = async (ms: number) => {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  };
  return { slider, advance, position: () => Number(slider.getAttribute('aria-valuenow')) };
}

/** `expected`, give or take the time one animation frame (16 ms) plays at `speed`. */
function withinAFrame(position: number, expected: number, speed: number): void {
  expect(position).toBeLessThanOrEqual(expected);
  expect(position).toBeGreaterThanOrEqual(expected - 16 * speed);
}

describe('playing the replay', () => {
  it('derives the cues of the log as the director played them', () => {
    const played = runSession(mortgage, mortgage.reference.seed, actionsToInputs(mortgage.reference.actions));
    expect(buildReplayModel(mortgage, reference.log).cues).toEqual(played.cues);
  });

  it('at 2x moves the position twice as fast as the clock, plays the cues with howler and stops when paused', async () => {
    const plays = howlerPlays();
    const { advance, position } = await showReplay();
    fireEvent.click(screen.getByRole('radio', { name: '2×' }));
    expect(screen.getByRole('radio', { name: '2×' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    await advance(5000);
    withinAFrame(position(), 10_000, 2);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    // The contact rang from 0:00 until the trainee accepted it.
    expect(plays()).toContain(soundUrl('ring'));
    const log = screen.getByRole('log', { name: 'What is heard while playing' });
    expect(log.textContent).toContain('[ringing]');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = position();
    withinAFrame(paused, 10_000, 2);
    await advance(3000);
    expect(position()).toBe(paused);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('plays on from where the cursor is moved while playing, at 4x, with the join sound and the lines as they pass', async () => {
    const plays = howlerPlays();
    const { slider, advance, position } = await showReplay();
    fireEvent.click(screen.getByRole('radio', { name: '4×' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    await advance(1000);
    withinAFrame(position(), 4000, 4);
    // Scrubbing while playing: Page Up moves ten seconds on, and it plays on from there.
    fireEvent.keyDown(slider, { key: 'PageUp' });
    const moved = position();
    withinAFrame(moved, 14_000, 4);
    const joined = reference.log.records.find(
      (record) =>
        record.kind === 'event' && record.entry.type === 'join' && record.entry.result.status === 'accepted',
    );
    if (joined === undefined) throw new Error('the reference joins');
    const before = plays().filter((src) => src === soundUrl('join')).length;
    await advance((joined.time - moved) / 4 + 100);
    expect(plays().filter((src) => src === soundUrl('join')).length).toBe(before + 1);
    const said = reference.log.records.filter(
      (record) => record.kind === 'line' && record.time > moved && record.time <= joined.time,
    );
    const log = screen.getByRole('log', { name: 'What is heard while playing' });
    const lastLine = said.at(-1);
    if (lastLine?.kind === 'line') expect(log.textContent).toContain(lastLine.text);
    expect(log.textContent).toContain('[');
  });

  it('stops at the end of the call; Space on the timeline plays and pauses', async () => {
    const end = buildReplayModel(mortgage, reference.log).endTime;
    const { slider, advance, position } = await showReplay(end - 2000);
    slider.focus();
    fireEvent.keyDown(slider, { key: ' ' });
    await advance(1000);
    fireEvent.keyDown(slider, { key: ' ' });
    const paused = position();
    withinAFrame(paused, end - 1000, 1);
    await advance(1000);
    expect(position()).toBe(paused);
    fireEvent.keyDown(slider, { key: ' ' });
    await advance(5000);
    expect(position()).toBe(end);
    expect(within(document.body).getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('labels its controls in German in the German UI', async () => {
    await renderView(<ReplayView attemptId={reference.attemptId} at={0} />, {
      stored: [reference],
      language: 'de',
    });
    await screen.findByRole('button', { name: 'Abspielen' }, { timeout: 5000 });
    const speed = screen.getByRole('group', { name: 'Tempo' });
    expect(
      within(speed)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['1', '2', '4']);
    expect(screen.getByRole('log', { name: 'Was beim Abspielen zu hören ist' })).toBeTruthy();
  });
});
