import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/shared/scenario';
import { runSession } from '../../../src/shared/scenario';
import { act, cast, scenario } from './director-support';

function cuesOf(outcome: ReturnType<typeof runSession>, ...kinds: Cue['cue'][]): ReadonlyArray<Cue> {
  return outcome.cues.filter((cue) => kinds.includes(cue.cue));
}

describe('cues', () => {
  it('ring while the contact is offered to the trainee, ring-stop when accepted', () => {
    const outcome = runSession(scenario(), 1, [act(3, 'accept')]);
    expect(cuesOf(outcome, 'ring', 'ring-stop')).toEqual([
      { cue: 'ring', time: 0, party: 'trainee' },
      { cue: 'ring-stop', time: 3000, party: 'trainee' },
    ]);
  });

  it('ringback while a party the trainee dialled is connecting, until it answers', () => {
    const outcome = runSession(scenario(), 1, [act(1, 'accept'), act(2, 'add', { target: 'broker' })]);
    expect(cuesOf(outcome, 'ringback', 'ringback-stop', 'busy')).toEqual([
      { cue: 'ringback', time: 2000, party: 'broker' },
      { cue: 'ringback-stop', time: 7000, party: 'broker' },
    ]);
  });

  it('busy after the ringback when the dialled number is busy', () => {
    const s = scenario({
      parties: [cast.caller, cast.trainee, { ...cast.broker, answer: { outcome: 'busy', after: 1 } }],
    });
    const outcome = runSession(s, 1, [act(1, 'accept'), act(2, 'add', { target: 'broker' })]);
    expect(cuesOf(outcome, 'ringback', 'ringback-stop', 'busy')).toEqual([
      { cue: 'ringback', time: 2000, party: 'broker' },
      { cue: 'ringback-stop', time: 3000, party: 'broker' },
      { cue: 'busy', time: 3000, party: 'broker' },
    ]);
  });

  it('no ringback for a party a scripted agent dials', () => {
    const s = scenario({
      script: [
        {
          id: 'specialist-dials',
          trigger: { on: { event: 'join', actor: 'trainee' } },
          effects: [{ act: { actor: 'specialist', action: 'add', target: 'broker' } }],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'specialist' }),
      act(7, 'join'),
    ]);
    expect(cuesOf(outcome, 'ringback').map((c) => ('party' in c ? c.party : ''))).toEqual(['specialist']);
  });

  it('hold music starts and stops per party whose leg goes on and off hold', () => {
    const outcome = runSession(scenario(), 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'specialist' }),
      act(8, 'join'),
      act(10, 'hold', { target: 'specialist' }),
      act(12, 'resume', { target: 'specialist' }),
    ]);
    expect(cuesOf(outcome, 'hold-music-start', 'hold-music-stop')).toEqual([
      { cue: 'hold-music-start', time: 2000, party: 'caller' },
      { cue: 'hold-music-stop', time: 8000, party: 'caller' },
      { cue: 'hold-music-start', time: 10_000, party: 'specialist' },
      { cue: 'hold-music-stop', time: 12_000, party: 'specialist' },
    ]);
  });

  it('join when the trainee joins the call, leave for every answered leg that ends', () => {
    const s = scenario({
      script: [{ id: 'bye', trigger: { at: 15 }, effects: [{ hangUp: { party: 'broker' } }] }],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'broker' }),
      act(9, 'join'),
      act(20, 'leave'),
    ]);
    expect(cuesOf(outcome, 'join', 'leave')).toEqual([
      { cue: 'join', time: 9000 },
      { cue: 'leave', time: 15_000, party: 'broker' },
      // Leaving the caller alone ends the contact (CONF-14): both legs end, in leg order.
      { cue: 'leave', time: 20_000, party: 'caller' },
      { cue: 'leave', time: 20_000, party: 'trainee' },
    ]);
  });

  it('one dtmf cue per digit, timed as the tones go out (a comma pauses 750 ms, XFER-6)', () => {
    const outcome = runSession(scenario(), 1, [act(1, 'accept'), act(2, 'send-dtmf', { digits: '1,2#' })]);
    expect(cuesOf(outcome, 'dtmf')).toEqual([
      { cue: 'dtmf', time: 2000, digit: '1' },
      { cue: 'dtmf', time: 2950, digit: '2' },
      { cue: 'dtmf', time: 3150, digit: '#' },
    ]);
  });

  it('a line cue with the text and clip for every line spoken', () => {
    const s = scenario({
      script: [
        {
          id: 'hi',
          trigger: { at: 2 },
          effects: [{ say: { party: 'caller', text: 'Hi', clip: 'a/hi.ogg' } }],
        },
      ],
    });
    expect(cuesOf(runSession(s, 1, [act(1, 'accept')]), 'line')).toEqual([
      { cue: 'line', time: 2000, party: 'caller', text: 'Hi', clip: 'a/hi.ogg' },
    ]);
  });

  it("a refused cue for the trainee's refused actions only, not a scripted agent's", () => {
    const s = scenario({
      call: { mode: 'three-party' },
      script: [
        {
          id: 'bad-act',
          trigger: { at: 9 },
          effects: [{ act: { actor: 'specialist', action: 'disconnect', target: 'caller' } }],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'swap'),
      act(3, 'add', { target: 'specialist' }),
      act(8, 'join'),
    ]);
    expect(cuesOf(outcome, 'refused')).toEqual([
      { cue: 'refused', time: 2000, reason: 'swap-unavailable', rule: 'CONF-4' },
    ]);
  });
});
