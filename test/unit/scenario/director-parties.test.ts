import { describe, expect, it } from 'vitest';
import { legOf } from '../../../src/shared/conference';
import { advanceTo, applyInput, drawDelay, runSession, startDirector } from '../../../src/shared/scenario';
import { act, cast, events, lastRecord, recordsOf, scenario } from './director-support';

type Outcome = 'answer' | 'reject' | 'no-answer' | 'busy' | 'fail';

describe('answer behaviours of dialled parties (CCP-3)', () => {
  it.each<[Outcome, string]>([
    ['answer', 'accept'],
    ['reject', 'reject'],
    ['no-answer', 'no-answer'],
    ['busy', 'reject'],
    ['fail', 'no-answer'],
  ])('an agent whose outcome is %s: the scripted event is %s', (outcome, event) => {
    const s = scenario({
      parties: [cast.caller, cast.trainee, { ...cast.specialist, answer: { outcome, after: 6 } }],
    });
    const outcomeRun = runSession(s, 1, [act(1, 'accept'), act(2, 'add', { target: 'specialist' })]);
    expect(events(outcomeRun)[2]).toBe(`8000 specialist ${event}`);
    const leg = legOf(outcomeRun.final, 'specialist');
    expect(leg?.state).toBe(outcome === 'answer' ? 'connected' : 'disconnected');
  });

  it.each<[Outcome, string]>([
    ['answer', 'answer'],
    ['reject', 'fail'],
    ['no-answer', 'no-answer'],
    ['busy', 'busy'],
    ['fail', 'fail'],
  ])('an external party whose outcome is %s: the scripted event is %s', (outcome, event) => {
    const s = scenario({
      parties: [cast.caller, cast.trainee, { ...cast.broker, answer: { outcome, after: 2 } }],
    });
    const outcomeRun = runSession(s, 1, [act(1, 'accept'), act(3, 'add', { target: 'broker' })]);
    expect(events(outcomeRun)[2]).toBe(`5000 broker ${event}`);
    expect(legOf(outcomeRun.final, 'broker')?.state).toBe(
      outcome === 'answer' ? 'connected' : 'disconnected',
    );
  });

  it('a party with no answer behaviour answers after the schema default of 3 s', () => {
    const { answer: _, ...plain } = cast.broker;
    const s = scenario({ parties: [cast.caller, cast.trainee, plain] });
    expect(events(runSession(s, 1, [act(1, 'accept'), act(3, 'add', { target: 'broker' })]))[2]).toBe(
      '6000 broker answer',
    );
  });

  it('a drawn delay is the same for the same seed and differs across seeds', () => {
    const s = scenario();
    const inputs = [
      act(1, 'accept'),
      act(2, 'add', { target: 'translator', via: { numberPad: '+12065550123' } }),
    ];
    const answerAt = (seed: number) =>
      events(runSession(s, seed, inputs)).find((line) => line.endsWith('translator answer'));
    expect(answerAt(11)).toBe(answerAt(11));
    expect(answerAt(11)).toBe(
      `${2000 + drawDelay({ min: 3, max: 8 }, 11, 'answer:translator:1')} translator answer`,
    );
    const times = new Set(Array.from({ length: 12 }, (_, seed) => answerAt(seed)));
    expect(times.size).toBeGreaterThan(3);
  });

  it('a second dial of a party draws again (its own key), and the first outcome no longer applies', () => {
    const s = scenario({
      parties: [
        cast.caller,
        cast.trainee,
        { ...cast.broker, answer: { outcome: 'answer', after: { min: 2, max: 9 } } },
      ],
    });
    const outcome = runSession(s, 3, [
      act(1, 'accept'),
      act(2, 'add', { target: 'broker' }),
      act(3, 'disconnect', { target: 'broker' }),
      act(4, 'resume', { target: 'caller' }),
      act(5, 'add', { target: 'broker' }),
    ]);
    const answers = events(outcome).filter((line) => line.endsWith('broker answer'));
    expect(answers).toEqual([`${5000 + drawDelay({ min: 2, max: 9 }, 3, 'answer:broker:2')} broker answer`]);
  });
});

describe('hold tolerance', () => {
  const impatient = {
    ...cast.caller,
    holdTolerance: { complainAfter: 10, complaint: 'Still there?', hangUpAfter: 20 },
  };

  it('a party on hold complains after complainAfter and hangs up after hangUpAfter', () => {
    const s = scenario({ parties: [impatient, cast.trainee, cast.specialist] });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(5, 'hold', { target: 'caller' }),
      act(30, 'clear'),
    ]);
    expect(recordsOf(outcome, 'line')).toEqual([
      { kind: 'line', seq: 3, time: 15_000, party: 'caller', text: 'Still there?', clip: null, step: null },
    ]);
    expect(events(outcome)).toEqual([
      '1000 trainee accept',
      '5000 trainee hold caller',
      '25000 caller hang-up',
      '30000 trainee clear',
    ]);
    expect(lastRecord(outcome)).toMatchObject({ kind: 'end', reason: 'contact-ended', time: 30_000 });
  });

  it('taking the party off hold in time avoids both; each stretch counts on its own', () => {
    const s = scenario({ parties: [impatient, cast.trainee, cast.specialist] });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(5, 'hold', { target: 'caller' }),
      act(14, 'resume', { target: 'caller' }),
      act(16, 'hold', { target: 'caller' }),
      act(30, 'resume', { target: 'caller' }),
    ]);
    expect(recordsOf(outcome, 'line').map((r) => r.time)).toEqual([26_000]);
    expect(events(outcome).some((line) => line.includes('hang-up'))).toBe(false);
  });

  it('without words for the complaint, the party says a default line in the scenario language', () => {
    const s = scenario({
      parties: [{ ...cast.caller, holdTolerance: { complainAfter: 3 } }, cast.trainee],
    });
    const outcome = runSession(s, 1, [act(1, 'accept'), act(2, 'hold', { target: 'caller' })]);
    expect(recordsOf(outcome, 'line')[0]).toMatchObject({
      time: 5000,
      text: 'Hello? Is anyone still there?',
    });
  });

  it('a scripted agent held past its tolerance leaves the call (agents do not hang up, CONF-17)', () => {
    const s = scenario({
      parties: [cast.caller, cast.trainee, { ...cast.specialist, holdTolerance: { hangUpAfter: 6 } }],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'specialist' }),
      act(8, 'join'),
      act(9, 'hold', { target: 'specialist' }),
    ]);
    expect(events(outcome).at(-1)).toBe('15000 specialist leave');
  });
});

describe('the trainee', () => {
  it('a refused action is recorded with its reason and rule and changes nothing (CCP-9)', () => {
    const s = scenario();
    let state = applyInput(startDirector(s, 1).state, act(1, 'accept')).state;
    const before = state.conference;
    const result = applyInput(state, act(3, 'swap'));
    state = result.state;
    expect(state.conference).toBe(before);
    expect(result.records).toHaveLength(1);
    const [r] = result.records;
    expect(r).toMatchObject({
      kind: 'event',
      seq: 2,
      time: 3000,
      entry: {
        actor: 'trainee',
        type: 'swap',
        result: { status: 'refused', reason: 'swap-unavailable', rule: 'CONF-4' },
        legs: [
          { party: 'caller', state: 'connected', muted: false },
          { party: 'trainee', state: 'connected', muted: false },
        ],
      },
    });
    expect(result.cues).toEqual([{ cue: 'refused', time: 3000, reason: 'swap-unavailable', rule: 'CONF-4' }]);
  });

  it('as primary: the contact rings for the trainee at 0 and the caller waits', () => {
    const start = startDirector(scenario(), 1);
    expect(start.cues).toEqual([{ cue: 'ring', time: 0, party: 'trainee' }]);
    const later = advanceTo(start.state, 60_000);
    expect(later.records).toEqual([]);
    expect(legOf(later.state.conference, 'caller')?.state).toBe('connected');
    expect(legOf(later.state.conference, 'trainee')?.state).toBe('connecting');
  });

  it('as secondary: the scripted primary takes the call and adds the trainee, whose phone rings', () => {
    const lead = {
      id: 'lead',
      kind: 'agent',
      name: 'Team lead',
      role: 'team lead',
      quickConnect: 'Lead',
      answer: { after: 2 },
    } as const;
    const s = scenario({
      call: { mode: 'three-party', traineeRole: 'secondary', primaryAgent: 'lead' },
      parties: [cast.caller, lead, cast.trainee],
      script: [
        {
          id: 'bring-in',
          trigger: { on: { event: 'accept', actor: 'lead' }, after: 3 },
          effects: [{ act: { actor: 'lead', action: 'add', target: 'trainee' } }],
        },
      ],
    });
    const start = startDirector(s, 1);
    expect(start.cues).toEqual([]);
    const outcome = runSession(s, 1, [act(7, 'accept'), act(9, 'disconnect', { target: 'caller' })]);
    expect(events(outcome)).toEqual([
      '2000 lead accept',
      '5000 lead add trainee',
      '7000 trainee accept',
      '9000 trainee disconnect caller refused:primary-only:CONF-9b',
    ]);
    expect(outcome.cues.filter((c) => c.cue === 'ring' || c.cue === 'ring-stop')).toEqual([
      { cue: 'ring', time: 5000, party: 'trainee' },
      { cue: 'ring-stop', time: 7000, party: 'trainee' },
    ]);
  });
});

describe('the end of a session', () => {
  it('trainee-finished: the trainee left the call and cleared after-call work', () => {
    const outcome = runSession(scenario(), 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'broker' }),
      act(9, 'join'),
      act(10, 'leave'),
      act(12, 'clear'),
    ]);
    expect(outcome.ended).toBe(true);
    expect(lastRecord(outcome)).toMatchObject({ kind: 'end', time: 12_000, reason: 'trainee-finished' });
  });

  it('contact-ended: the caller hung up and the trainee cleared', () => {
    const s = scenario({
      script: [{ id: 'bye', trigger: { at: 5 }, effects: [{ hangUp: { party: 'caller' } }] }],
    });
    const outcome = runSession(s, 1, [act(1, 'accept'), act(8, 'clear')]);
    expect(lastRecord(outcome)).toMatchObject({ kind: 'end', time: 8000, reason: 'contact-ended' });
  });

  it('contact-ended: the caller hung up while the contact was still ringing for the trainee', () => {
    const s = scenario({
      script: [{ id: 'bye', trigger: { at: 5 }, effects: [{ hangUp: { party: 'caller' } }] }],
    });
    const outcome = runSession(s, 1, []);
    expect(events(outcome)).toEqual(['5000 caller hang-up']);
    expect(lastRecord(outcome)).toMatchObject({ kind: 'end', time: 5000, reason: 'contact-ended' });
    expect(outcome.cues).toContainEqual({ cue: 'ring-stop', time: 5000, party: 'trainee' });
  });

  it('time-up at endAfter, and a stop from the trainee', () => {
    const timeUp = runSession(scenario({ endAfter: 30 }), 1, [act(1, 'accept')]);
    expect(lastRecord(timeUp)).toMatchObject({ kind: 'end', time: 30_000, reason: 'time-up' });
    const stopped = runSession(scenario(), 1, [
      act(1, 'accept'),
      { kind: 'stop', time: 4000 },
      act(5, 'hold'),
    ]);
    expect(lastRecord(stopped)).toMatchObject({ kind: 'end', time: 4000, reason: 'stopped' });
    expect(events(stopped)).toEqual(['1000 trainee accept']);
  });
});
