// The sound plan, cue by cue and country by country: which sound starts, loops, waits or stops.
import type { Cue } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import {
  BUSY_CYCLES,
  diffLoops,
  EMPTY_PLAN_STATE,
  loopsOf,
  type PlanContext,
  type PlanState,
  planCues,
  SOUND_VOLUMES,
} from '../../../src/renderer/src/audio/plan';
import { each } from '../../support/each';

const context: PlanContext = { now: 1000, country: 'US', trainee: 'agent', holdIndicator: true };

/** Plays a sequence of updates through the planner, as the player does. */
function playUpdates(updates: ReadonlyArray<ReadonlyArray<Cue>>, ctx: PlanContext = context) {
  let state: PlanState = EMPTY_PLAN_STATE;
  const steps = [];
  for (const cues of updates) {
    const result = planCues(state, cues, ctx);
    state = result.state;
    steps.push(result.steps);
  }
  return { state, steps };
}

/** One cue of every kind: adding a kind to `Cue` breaks the typecheck until it is planned and tested here. */
const oneOfEach: { readonly [K in Cue['cue']]: Extract<Cue, { cue: K }> } = {
  ring: { cue: 'ring', time: 1000, party: 'agent' },
  'ring-stop': { cue: 'ring-stop', time: 1000, party: 'agent' },
  ringback: { cue: 'ringback', time: 1000, party: 'broker' },
  'ringback-stop': { cue: 'ringback-stop', time: 1000, party: 'broker' },
  busy: { cue: 'busy', time: 1000, party: 'broker' },
  'hold-music-start': { cue: 'hold-music-start', time: 1000, party: 'caller' },
  'hold-music-stop': { cue: 'hold-music-stop', time: 1000, party: 'caller' },
  join: { cue: 'join', time: 1000 },
  leave: { cue: 'leave', time: 1000, party: 'broker' },
  dtmf: { cue: 'dtmf', time: 1400, digit: '7' },
  line: { cue: 'line', time: 1000, party: 'caller', text: 'Hello?', clip: 'caller-hello' },
  refused: { cue: 'refused', time: 1000, reason: 'participant-limit', rule: 'CONF-1' },
};

describe('every cue kind, from a quiet console', () => {
  each([
    {
      kind: 'ring',
      steps: [{ step: 'start-loop', loop: 'ring', sound: 'ring', volume: SOUND_VOLUMES.ring }],
    },
    { kind: 'ring-stop', steps: [] },
    {
      kind: 'ringback',
      steps: [{ step: 'start-loop', loop: 'ringback', sound: 'ringback-us', volume: SOUND_VOLUMES.ringback }],
    },
    { kind: 'ringback-stop', steps: [] },
    {
      kind: 'busy',
      steps: [
        {
          step: 'play',
          sound: 'busy-us',
          delayMs: 0,
          volume: SOUND_VOLUMES.busy,
          stopAfterMs: BUSY_CYCLES * 1000,
        },
      ],
    },
    {
      kind: 'hold-music-start',
      steps: [
        {
          step: 'start-loop',
          loop: 'hold-music',
          sound: 'hold-music',
          volume: SOUND_VOLUMES.holdMusicIndicator,
        },
      ],
    },
    { kind: 'hold-music-stop', steps: [] },
    {
      kind: 'join',
      steps: [{ step: 'play', sound: 'join', delayMs: 0, volume: SOUND_VOLUMES.join, stopAfterMs: null }],
    },
    {
      kind: 'leave',
      steps: [{ step: 'play', sound: 'leave', delayMs: 0, volume: SOUND_VOLUMES.leave, stopAfterMs: null }],
    },
    {
      kind: 'dtmf',
      steps: [{ step: 'play', sound: 'dtmf-7', delayMs: 400, volume: SOUND_VOLUMES.dtmf, stopAfterMs: null }],
    },
    { kind: 'line', steps: [{ step: 'speak', party: 'caller', text: 'Hello?', clip: 'caller-hello' }] },
    {
      kind: 'refused',
      steps: [
        { step: 'play', sound: 'refused', delayMs: 0, volume: SOUND_VOLUMES.refused, stopAfterMs: null },
      ],
    },
  ] as const)('$kind', ({ kind, steps }) => {
    expect(planCues(EMPTY_PLAN_STATE, [oneOfEach[kind]], context).steps).toEqual(steps);
  });
});

describe('loops run until the cue that stops them', () => {
  it('the ring loops until ring-stop', () => {
    const { steps, state } = playUpdates([
      [{ cue: 'ring', time: 0, party: 'agent' }],
      [{ cue: 'join', time: 500 }],
      [{ cue: 'ring-stop', time: 900, party: 'agent' }],
    ]);
    expect(steps[0]).toContainEqual(expect.objectContaining({ step: 'start-loop', loop: 'ring' }));
    expect(steps[1]).not.toContainEqual(expect.objectContaining({ loop: 'ring' }));
    expect(steps[2]).toEqual([{ step: 'stop-loop', loop: 'ring' }]);
    expect(loopsOf(state, context)).toEqual([]);
  });

  it('ringback loops until ringback-stop, then busy plays a few cycles by itself', () => {
    const { steps } = playUpdates(
      [
        [{ cue: 'ringback', time: 0, party: 'broker' }],
        [
          { cue: 'ringback-stop', time: 8000, party: 'broker' },
          { cue: 'busy', time: 8000, party: 'broker' },
        ],
      ],
      { ...context, now: 8000, country: 'GB' },
    );
    expect(steps[0]).toEqual([
      { step: 'start-loop', loop: 'ringback', sound: 'ringback-gb', volume: SOUND_VOLUMES.ringback },
    ]);
    expect(steps[1]).toEqual([
      { step: 'stop-loop', loop: 'ringback' },
      {
        step: 'play',
        sound: 'busy-gb',
        delayMs: 0,
        volume: SOUND_VOLUMES.busy,
        stopAfterMs: BUSY_CYCLES * 750,
      },
    ]);
  });

  it('one ringback sounds however many parties are alerted, until the last answers', () => {
    const { steps } = playUpdates([
      [{ cue: 'ringback', time: 0, party: 'broker' }],
      [{ cue: 'ringback', time: 10, party: 'spouse' }],
      [{ cue: 'ringback-stop', time: 20, party: 'broker' }],
      [{ cue: 'ringback-stop', time: 30, party: 'spouse' }],
    ]);
    expect(steps.map((update) => update.map((step) => step.step))).toEqual([
      ['start-loop'],
      [],
      [],
      ['stop-loop'],
    ]);
  });
});

describe('ringback and busy per country (ITU-T E.180 and the national tables)', () => {
  each([
    { country: 'US', set: 'us', busyCycleMs: 1000 },
    { country: 'CA', set: 'us', busyCycleMs: 1000 },
    { country: 'GB', set: 'gb', busyCycleMs: 750 },
    { country: 'gb', set: 'gb', busyCycleMs: 750 },
    { country: 'DE', set: 'de', busyCycleMs: 960 },
    { country: 'AU', set: 'au', busyCycleMs: 750 },
    { country: 'FR', set: 'itu', busyCycleMs: 1000 },
    { country: 'JP', set: 'itu', busyCycleMs: 1000 },
  ])('$country: ringback-$set, busy-$set for $busyCycleMs ms a cycle', ({ country, set, busyCycleMs }) => {
    const ctx = { ...context, country };
    const ringback = planCues(EMPTY_PLAN_STATE, [oneOfEach.ringback], ctx).steps;
    expect(ringback).toEqual([expect.objectContaining({ step: 'start-loop', sound: `ringback-${set}` })]);
    const busy = planCues(EMPTY_PLAN_STATE, [oneOfEach.busy], ctx).steps;
    expect(busy).toEqual([
      expect.objectContaining({ step: 'play', sound: `busy-${set}`, stopAfterMs: BUSY_CYCLES * busyCycleMs }),
    ]);
  });
});

describe('hold music is what the held party hears', () => {
  const hold = (party: string, time = 0): Cue => ({ cue: 'hold-music-start', time, party });
  const resume = (party: string, time = 0): Cue => ({ cue: 'hold-music-stop', time, party });

  it('the trainee hears a quiet indicator while anyone else is held, until the last is resumed', () => {
    const { steps } = playUpdates([
      [hold('caller')],
      [hold('broker')],
      [resume('caller')],
      [resume('broker')],
    ]);
    expect(steps).toEqual([
      [
        {
          step: 'start-loop',
          loop: 'hold-music',
          sound: 'hold-music',
          volume: SOUND_VOLUMES.holdMusicIndicator,
        },
      ],
      [],
      [],
      [{ step: 'stop-loop', loop: 'hold-music' }],
    ]);
  });

  it('with the indicator turned off, the trainee hears nothing of another party on hold', () => {
    const { steps, state } = playUpdates([[hold('caller')], [resume('caller')]], {
      ...context,
      holdIndicator: false,
    });
    expect(steps).toEqual([[], []]);
    expect(state).toEqual(EMPTY_PLAN_STATE);
  });

  it('a trainee held by another agent hears the hold music in full, indicator or not', () => {
    for (const holdIndicator of [true, false]) {
      const { steps } = playUpdates([[hold('agent')]], { ...context, holdIndicator });
      expect(steps[0]).toEqual([
        { step: 'start-loop', loop: 'hold-music', sound: 'hold-music', volume: SOUND_VOLUMES.holdMusicHeld },
      ]);
    }
  });

  it('the indicator grows to full volume when the trainee is held too, and shrinks back', () => {
    const { steps } = playUpdates([[hold('caller')], [hold('agent')], [resume('agent')]]);
    expect(steps[1]).toEqual([
      { step: 'loop-volume', loop: 'hold-music', volume: SOUND_VOLUMES.holdMusicHeld },
    ]);
    expect(steps[2]).toEqual([
      { step: 'loop-volume', loop: 'hold-music', volume: SOUND_VOLUMES.holdMusicIndicator },
    ]);
  });

  it('a held party who hangs up stops the music with the leave tone', () => {
    const { steps } = playUpdates([
      [hold('caller')],
      [resume('caller', 0), { cue: 'leave', time: 0, party: 'caller' }],
    ]);
    expect(steps[1]).toEqual([
      { step: 'stop-loop', loop: 'hold-music' },
      expect.objectContaining({ step: 'play', sound: 'leave' }),
    ]);
  });
});

describe('one-shot sounds', () => {
  it('DTMF digits play at their scheduled times relative to now', () => {
    const digits = ['1', '1', '3', '6', '2'].map(
      (digit, i): Cue => ({ cue: 'dtmf', time: 5000 + i * 200, digit }),
    );
    const { steps } = planCues(EMPTY_PLAN_STATE, digits, { ...context, now: 5000 });
    expect(steps.map((step) => (step.step === 'play' ? [step.sound, step.delayMs] : step.step))).toEqual([
      ['dtmf-1', 0],
      ['dtmf-1', 200],
      ['dtmf-3', 400],
      ['dtmf-6', 600],
      ['dtmf-2', 800],
    ]);
  });

  it('a cue timed before now plays at once', () => {
    const { steps } = planCues(EMPTY_PLAN_STATE, [{ cue: 'dtmf', time: 100, digit: '#' }], {
      ...context,
      now: 900,
    });
    expect(steps).toEqual([expect.objectContaining({ sound: 'dtmf-hash', delayMs: 0 })]);
  });

  it('three parties leaving at once sound one leave tone; leaving apart, one each', () => {
    const leave = (party: string, time: number): Cue => ({ cue: 'leave', time, party });
    const together = planCues(
      EMPTY_PLAN_STATE,
      [leave('a', 1000), leave('b', 1000), leave('c', 1000)],
      context,
    );
    expect(together.steps).toHaveLength(1);
    const apart = planCues(EMPTY_PLAN_STATE, [leave('a', 1000), leave('b', 1200)], context);
    expect(apart.steps).toHaveLength(2);
  });

  it('a line is spoken with its clip, one step per line', () => {
    const lines: Cue[] = [
      { cue: 'line', time: 1000, party: 'caller', text: 'Hi', clip: null },
      { cue: 'line', time: 1000, party: 'broker', text: 'Hello', clip: 'broker-1' },
    ];
    expect(planCues(EMPTY_PLAN_STATE, lines, context).steps).toEqual([
      { step: 'speak', party: 'caller', text: 'Hi', clip: null },
      { step: 'speak', party: 'broker', text: 'Hello', clip: 'broker-1' },
    ]);
  });
});

describe('pause, resume and settings', () => {
  it('loopsOf names the loops to restart after a pause', () => {
    const state: PlanState = { ringing: ['agent'], ringingBack: ['broker'], held: ['caller'] };
    expect(loopsOf(state, { ...context, country: 'DE' })).toEqual([
      { loop: 'ring', sound: 'ring', volume: SOUND_VOLUMES.ring },
      { loop: 'ringback', sound: 'ringback-de', volume: SOUND_VOLUMES.ringback },
      { loop: 'hold-music', sound: 'hold-music', volume: SOUND_VOLUMES.holdMusicIndicator },
    ]);
  });

  it('turning the indicator off stops it; a new country restarts ringback with its own tone', () => {
    const state: PlanState = { ringing: [], ringingBack: ['broker'], held: ['caller'] };
    expect(diffLoops(loopsOf(state, context), loopsOf(state, { ...context, holdIndicator: false }))).toEqual([
      { step: 'stop-loop', loop: 'hold-music' },
    ]);
    expect(diffLoops(loopsOf(state, context), loopsOf(state, { ...context, country: 'AU' }))).toEqual([
      { step: 'stop-loop', loop: 'ringback' },
      { step: 'start-loop', loop: 'ringback', sound: 'ringback-au', volume: SOUND_VOLUMES.ringback },
    ]);
  });
});
