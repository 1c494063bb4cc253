import { describe, expect, it } from 'vitest';
import { runSession } from '../../../src/shared/scenario';
import { act, answer, events, recordsOf, scenario } from './director-support';

const say = (party: string, text: string) => ({ say: { party, text } });
const stepTimes = (outcome: ReturnType<typeof runSession>) =>
  recordsOf(outcome, 'step').map((r) => `${r.step}@${r.time}`);

describe('script triggers', () => {
  it('at: a step fires at its time on the session clock', () => {
    const s = scenario({ script: [{ id: 'hello', trigger: { at: 4 }, effects: [say('caller', 'Hello?')] }] });
    expect(stepTimes(runSession(s, 1, [act(1, 'accept')]))).toEqual(['hello@4000']);
  });

  it('on: a step fires after a matching log entry, plus its delay', () => {
    const s = scenario({
      script: [
        {
          id: 'greet',
          trigger: { on: { event: 'accept', actor: 'trainee' }, after: 1.5 },
          effects: [say('caller', 'Hi!')],
        },
      ],
    });
    expect(stepTimes(runSession(s, 1, [act(2, 'accept')]))).toEqual(['greet@3500']);
  });

  it('on: a pattern with result "refused" matches a refused attempt', () => {
    const s = scenario({
      script: [
        {
          id: 'coach',
          trigger: { on: { event: 'swap', actor: 'trainee', result: 'refused' } },
          effects: [say('caller', 'What was that?')],
        },
      ],
    });
    expect(stepTimes(runSession(s, 1, [act(1, 'accept'), act(3, 'swap')]))).toEqual(['coach@3000']);
  });

  it('onHoldFor: a step fires when the party has been on hold for the stretch', () => {
    const s = scenario({
      script: [
        {
          id: 'impatient',
          trigger: { onHoldFor: { party: 'caller', seconds: 8 } },
          effects: [say('caller', 'Hurry')],
        },
      ],
    });
    expect(stepTimes(runSession(s, 1, [act(1, 'accept'), act(5, 'hold', { target: 'caller' })]))).toEqual([
      'impatient@13000',
    ]);
  });

  it('onHoldFor: a stretch cut short by a resume does not count; the next stretch does', () => {
    const s = scenario({
      script: [
        {
          id: 'impatient',
          trigger: { onHoldFor: { party: 'caller', seconds: 8 } },
          effects: [say('caller', 'Hurry')],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(5, 'hold', { target: 'caller' }),
      act(10, 'resume', { target: 'caller' }),
      act(20, 'hold', { target: 'caller' }),
    ]);
    expect(stepTimes(outcome)).toEqual(['impatient@28000']);
  });

  it('when: a step fires when its condition becomes true, plus its delay', () => {
    const s = scenario({
      script: [
        {
          id: 'crowd',
          trigger: { when: { participants: { atLeast: 3 } }, after: 2 },
          effects: [say('caller', 'Who?')],
        },
      ],
    });
    const outcome = runSession(s, 1, [act(1, 'accept'), act(6, 'add', { target: 'broker' })]);
    expect(stepTimes(outcome)).toEqual(['crowd@8000']);
  });

  it('when: a condition true from the start fires at once', () => {
    const s = scenario({
      script: [
        {
          id: 'waiting',
          trigger: { when: { leg: { party: 'trainee', state: 'connecting' } } },
          effects: [{ showGoal: 'greet' }],
        },
      ],
    });
    expect(stepTimes(runSession(s, 1, [act(1, 'accept')]))).toEqual(['waiting@0']);
  });

  it('afterStep: a step fires after another, plus its delay', () => {
    const s = scenario({
      script: [
        { id: 'first', trigger: { at: 2 }, effects: [say('caller', 'One')] },
        { id: 'second', trigger: { afterStep: 'first', after: 3 }, effects: [say('caller', 'Two')] },
        { id: 'third', trigger: { afterStep: 'second' }, effects: [say('caller', 'Three')] },
      ],
    });
    expect(stepTimes(runSession(s, 1, [act(1, 'accept')]))).toEqual([
      'first@2000',
      'second@5000',
      'third@5000',
    ]);
  });

  it('each step fires once, however often its trigger matches', () => {
    const s = scenario({
      script: [
        {
          id: 'on-hold',
          trigger: { on: { event: 'hold', target: 'caller' } },
          effects: [say('caller', 'Again?')],
        },
        {
          id: 'held',
          trigger: { when: { leg: { party: 'caller', state: 'hold' } } },
          effects: [{ ask: 'q' }],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'hold', { target: 'caller' }),
      act(3, 'resume', { target: 'caller' }),
      act(4, 'hold', { target: 'caller' }),
    ]);
    expect(stepTimes(outcome)).toEqual(['on-hold@2000', 'held@2000']);
  });
});

describe('script effects', () => {
  it('say: a line with its party, text, clip and step', () => {
    const s = scenario({
      script: [
        {
          id: 'hello',
          trigger: { at: 1 },
          effects: [{ say: { party: 'caller', text: 'Hello there', clip: 'billing/hello.ogg' } }],
        },
      ],
    });
    const lines = recordsOf(runSession(s, 1, []), 'line');
    expect(lines).toEqual([
      {
        kind: 'line',
        seq: 2,
        time: 1000,
        party: 'caller',
        text: 'Hello there',
        clip: 'billing/hello.ogg',
        step: 'hello',
      },
    ]);
  });

  it('hangUp: the caller hangs up; an agent leaves (CONF-17)', () => {
    const s = scenario({
      script: [
        { id: 'specialist-goes', trigger: { at: 12 }, effects: [{ hangUp: { party: 'specialist' } }] },
        { id: 'caller-goes', trigger: { at: 14 }, effects: [{ hangUp: { party: 'caller' } }] },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'specialist' }),
      act(8, 'join'),
    ]);
    expect(events(outcome)).toEqual([
      '1000 trainee accept',
      '2000 trainee add specialist',
      '6000 specialist accept',
      '8000 trainee join',
      '12000 specialist leave',
      '14000 caller hang-up',
    ]);
  });

  it('act: a scripted agent acts through the conference, and a refused act is recorded too', () => {
    const s = scenario({
      call: { mode: 'three-party' },
      script: [
        {
          id: 'specialist-acts',
          trigger: { on: { event: 'join', actor: 'trainee' } },
          effects: [
            { act: { actor: 'specialist', action: 'mute', target: 'specialist' } },
            { act: { actor: 'specialist', action: 'disconnect', target: 'caller' } },
          ],
        },
      ],
    });
    const outcome = runSession(s, 1, [
      act(1, 'accept'),
      act(2, 'add', { target: 'specialist' }),
      act(8, 'join'),
    ]);
    expect(events(outcome).slice(-2)).toEqual([
      '8000 specialist mute specialist',
      '8000 specialist disconnect caller refused:primary-only:CONF-9b',
    ]);
  });

  it('act: the script never acts for the trainee, a person at the console', () => {
    const s = scenario({
      script: [
        { id: 'puppet', trigger: { at: 1 }, effects: [{ act: { actor: 'trainee', action: 'accept' } }] },
      ],
    });
    expect(events(runSession(s, 1, []))).toEqual([]);
  });

  it('showGoal and ask record a goal and a question; an answer records the answer', () => {
    // The step due at 1 s fires before the trainee's input at 1 s.
    const s = scenario({
      goals: [{ id: 'transfer', text: 'Transfer the caller.' }],
      questions: [{ id: 'branch', kind: 'transfer-branch', text: 'Which branch?', block: 'Pay line' }],
      script: [{ id: 'brief', trigger: { at: 1 }, effects: [{ showGoal: 'transfer' }, { ask: 'branch' }] }],
    });
    const outcome = runSession(s, 1, [act(1, 'accept'), answer(5, 'branch', 'timeout')]);
    expect(recordsOf(outcome, 'goal')).toEqual([{ kind: 'goal', seq: 2, time: 1000, goal: 'transfer' }]);
    expect(recordsOf(outcome, 'question')).toEqual([
      { kind: 'question', seq: 3, time: 1000, question: 'branch' },
    ]);
    expect(recordsOf(outcome, 'answer')).toEqual([
      { kind: 'answer', seq: 5, time: 5000, question: 'branch', value: 'timeout' },
    ]);
  });

  it('a step record comes before its effects, which run in order', () => {
    const s = scenario({
      script: [
        {
          id: 'two',
          trigger: { at: 3 },
          effects: [say('caller', 'a'), { showGoal: 'greet' }, say('caller', 'b')],
        },
      ],
    });
    const kinds = runSession(s, 1, [act(1, 'accept')]).log.records.map((r) => r.kind);
    expect(kinds).toEqual(['event', 'step', 'line', 'goal', 'line', 'end']);
  });
});
