import { runSession } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import { act, cast, events, recordsOf, scenario } from './director-support';

const say = (party: string, text: string) => ({ say: { party, text } });
const lines = (outcome: ReturnType<typeof runSession>) =>
  recordsOf(outcome, 'line').map((r) => `${r.time / 1000} ${r.party}: ${r.text}`);
const addSpecialist = (at: number) => act(at, 'add', { target: 'specialist' });

describe('a line is spoken only by a party on the call and not muted', () => {
  it('skips the line of a speaker who has left or is muted, and waits when the step says so', () => {
    const s = scenario({
      script: [
        { id: 'skip', trigger: { at: 10 }, effects: [say('specialist', 'skipped: not on the call yet')] },
        { id: 'wait', trigger: { at: 10 }, ifBlocked: 'wait', effects: [say('specialist', 'waited')] },
        { id: 'muted', trigger: { at: 30 }, effects: [say('caller', 'muted, so never heard')] },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      addSpecialist(15),
      act(25, 'join'),
      act(28, 'mute', { target: 'caller' }),
    ]);
    // The specialist answers at 19 s (4 s after the dial) and speaks then, not before.
    expect(lines(outcome)).toEqual(['19 specialist: waited']);
  });

  it('does not caption a line for the trainee who cannot hear the speaker', () => {
    const s = scenario({
      script: [{ id: 'private', trigger: { at: 21 }, effects: [say('caller', 'to the specialist only')] }],
    });
    // At 21 s the caller is held, so the line is skipped; nothing is captioned either.
    const outcome = runSession(s, 1, [act(1, 'accept'), addSpecialist(15)]);
    expect(outcome.cues.filter((c) => c.cue === 'line')).toEqual([]);
  });
});

describe('steps follow the call state', () => {
  it('a re-arming when step fires each time its condition holds anew', () => {
    const s = scenario({
      script: [
        {
          id: 'back',
          trigger: { when: { leg: { party: 'caller', state: 'connected' } }, after: 1 },
          rearm: true,
          effects: [say('caller', 'back again')],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(10, 'hold', { target: 'caller' }),
      act(20, 'resume', { target: 'caller' }),
    ]);
    expect(lines(outcome)).toEqual(['1 caller: back again', '21 caller: back again']);
  });

  it('a step requiring a consultation is skipped when the trainee joined without one', () => {
    const s = scenario({
      script: [
        {
          id: 'thanks',
          trigger: { when: { leg: { party: 'specialist', state: 'connected' } }, after: 6 },
          requires: {
            consulted: ['specialist'],
            condition: { leg: { party: 'caller', state: 'connected' } },
          },
          effects: [say('specialist', 'thanks for the briefing')],
        },
      ],
    });
    const briefed = runSession(s, 1, [act(1, 'accept'), addSpecialist(10), act(19, 'join')]);
    expect(lines(briefed)).toEqual(['20 specialist: thanks for the briefing']);
    const rushed = runSession(s, 1, [act(1, 'accept'), addSpecialist(10), act(15, 'join')]);
    expect(lines(rushed)).toEqual([]);
  });
});

describe('answer behaviour per dial', () => {
  it('rings out the first time and answers the redial; busy, then free', () => {
    const s = scenario({
      parties: [
        ...Object.values(cast).filter((p) => p.id !== 'broker'),
        {
          ...cast.broker,
          answer: [
            { outcome: 'no-answer', after: 5 },
            { outcome: 'busy', after: 2 },
            { outcome: 'answer', after: 3 },
          ],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(10, 'add', { target: 'broker' }),
      act(20, 'add', { target: 'broker' }),
      act(30, 'add', { target: 'broker' }),
    ]);
    expect(events(outcome).filter((e) => e.includes(' broker '))).toEqual([
      '15000 broker no-answer',
      '22000 broker busy',
      '33000 broker answer',
    ]);
  });
});
