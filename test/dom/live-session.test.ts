import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cue, SessionRecord } from '@shared/scenario';
import { actionsToInputs, runSession, ScenarioSchema } from '@shared/scenario';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LiveInput, LiveSession } from '../../src/renderer/src/session/live-session';

const scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '../../resources/scenarios/warm-transfer-swap.json'), 'utf8')),
);
const seed = scenario.reference.seed;
const inputs = actionsToInputs(scenario.reference.actions);

function live() {
  const records: SessionRecord[] = [];
  const cues: Cue[] = [];
  const session = new LiveSession(
    scenario,
    seed,
    () => Date.now(),
    { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as never) },
    (update) => {
      records.push(...update.records);
      cues.push(...update.cues);
    },
  );
  return { session, records, cues };
}

/** Plays the reference inputs on the live clock, advancing fake time between them. */
async function playLive(session: LiveSession, pauseAt?: { at: number; forMs: number }) {
  let now = 0;
  for (const input of inputs) {
    if (pauseAt && now <= pauseAt.at && input.time > pauseAt.at) {
      await vi.advanceTimersByTimeAsync(pauseAt.at - now);
      now = pauseAt.at;
      session.pause();
      await vi.advanceTimersByTimeAsync(pauseAt.forMs);
      session.resume();
    }
    await vi.advanceTimersByTimeAsync(input.time - now);
    now = input.time;
    const { time: _time, ...rest } = input;
    session.act(rest as LiveInput);
  }
  await vi.advanceTimersByTimeAsync(scenario.endAfter * 1000);
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the director on a real clock', () => {
  it('produces exactly the records and cues of the instant clock', async () => {
    const expected = runSession(scenario, seed, inputs);
    const { session, records, cues } = live();
    session.resume();
    await playLive(session);
    expect(records).toEqual(expected.log.records);
    expect(cues).toEqual(expected.cues);
    expect(session.state.ended).toBe(true);
  });

  it('stands still while paused and goes on where it stopped', async () => {
    const { session, records } = live();
    session.resume();
    await vi.advanceTimersByTimeAsync(1000);
    session.pause();
    const before = records.length;
    const time = session.time;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(records).toHaveLength(before);
    expect(session.time).toBe(time);
    expect(session.running).toBe(false);
    session.resume();
    await vi.advanceTimersByTimeAsync(500);
    expect(session.time).toBe(time + 500);
  });

  it('gives the same session when paused for five minutes in the middle', async () => {
    const expected = runSession(scenario, seed, inputs);
    const { session, records } = live();
    session.resume();
    await playLive(session, { at: 4000, forMs: 300_000 });
    expect(records).toEqual(expected.log.records);
  });

  it('does nothing before it is started', async () => {
    const { session, records } = live();
    const atStart = records.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(records).toHaveLength(atStart);
    expect(session.time).toBe(0);
  });
});
