import { conferenceMachine, runEvents } from '@shared/conference';
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { makeConfig, makeEvent, P } from './helpers';

describe('conference machine', () => {
  it('mirrors the contact phase in its state value and runs no effects', () => {
    const config = makeConfig('multiparty');
    const [start, startActions] = initialTransition(conferenceMachine, config);
    expect(start.value).toBe('incoming');
    expect(startActions).toEqual([]);
    const [talking, actions] = transition(conferenceMachine, start, makeEvent(P.trainee, 'accept', 1_000));
    expect(talking.value).toBe('connected');
    expect(actions).toEqual([]);
    const [ended] = transition(conferenceMachine, talking, makeEvent(P.caller, 'hang-up', 2_000));
    expect(ended.value).toBe('ended');
    const [cleared] = transition(conferenceMachine, ended, makeEvent(P.trainee, 'clear', 3_000));
    expect(cleared.value).toBe('cleared');
  });

  it('logs refused events and leaves the call state as it was (CCP-9)', () => {
    const actor = createActor(conferenceMachine, { input: makeConfig('three-party') }).start();
    actor.send(makeEvent(P.trainee, 'accept', 1_000));
    const before = actor.getSnapshot().context.state;
    actor.send(makeEvent(P.trainee, 'mute', 2_000, P.caller));
    const after = actor.getSnapshot().context;
    expect(after.state).toBe(before);
    expect(after.log[1]?.result).toEqual({
      status: 'refused',
      reason: 'cannot-mute-others',
      rule: 'CONF-11',
    });
    actor.stop();
  });

  it('produces the same log as the pure reducer', () => {
    const events = [
      makeEvent(P.trainee, 'accept', 1_000),
      makeEvent(P.trainee, 'add', 2_000, P.manager),
      makeEvent(P.manager, 'accept', 3_000),
      makeEvent(P.manager, 'hold', 4_000, P.caller),
      makeEvent(P.trainee, 'leave', 5_000),
    ];
    const actor = createActor(conferenceMachine, { input: makeConfig('three-party') }).start();
    for (const event of events) actor.send(event);
    expect(actor.getSnapshot().context.log).toEqual(runEvents(makeConfig('three-party'), events).log);
    actor.stop();
  });
});
