import type { ConferenceEvent, LogEntry } from '@shared/conference';
import { eventOfEntry, hearing, replay, runEvents, startSession } from '@shared/conference';
import { describe, expect, it } from 'vitest';
import { makeConfig, makeEvent, P } from './helpers';

/** The seed's mortgage closing: broker, spouse, translator and manager brought into the call. */
const closing: ReadonlyArray<ConferenceEvent> = [
  makeEvent(P.trainee, 'accept', 2_000),
  makeEvent(P.trainee, 'add', 30_000, P.broker),
  makeEvent(P.broker, 'answer', 38_000),
  makeEvent(P.trainee, 'join', 60_000),
  makeEvent(P.trainee, 'add', 90_000, P.spouse, { kind: 'number-pad', number: '+13125550202' }),
  makeEvent(P.spouse, 'answer', 97_000),
  makeEvent(P.trainee, 'join', 110_000),
  makeEvent(P.trainee, 'add', 150_000, P.translator),
  makeEvent(P.trainee, 'add', 151_000, P.manager),
  makeEvent(P.translator, 'answer', 160_000),
  makeEvent(P.trainee, 'join', 170_000),
  makeEvent(P.trainee, 'add', 200_000, P.manager),
  makeEvent(P.manager, 'accept', 205_000),
  makeEvent(P.trainee, 'join', 210_000),
  { type: 'send-dtmf', actor: P.trainee, time: 220_000, digits: '1,1#' },
  makeEvent(P.trainee, 'leave', 600_000),
];

describe('event log', () => {
  it('records time, actor, target, result and leg states for every event', () => {
    const session = runEvents(makeConfig('multiparty'), closing);
    expect(session.log.map((entry) => entry.seq)).toEqual(closing.map((_, index) => index + 1));
    const refusedEntry = session.log[8] as LogEntry;
    expect(refusedEntry).toMatchObject({
      seq: 9,
      time: 151_000,
      actor: P.trainee,
      type: 'add',
      target: P.manager,
      result: { status: 'refused', reason: 'dial-pending', rule: 'CONF-5' },
    });
    expect(session.log[13]?.legs.filter((leg) => leg.state === 'connected')).toHaveLength(6);
    expect(session.log[14]).toMatchObject({
      type: 'send-dtmf',
      digits: '1,1#',
      result: { status: 'accepted' },
    });
    expect(session.state.legs.find((leg) => leg.party === P.spouse)).toMatchObject({
      createdAt: 90_000,
      connectedAt: 97_000,
      origin: { kind: 'number-pad', number: '+13125550202' },
    });
  });

  it('replay reproduces the states, and who hears whom, at every log point', () => {
    const session = runEvents(makeConfig('multiparty'), closing);
    const first = replay(session.config, session.log);
    const second = replay(session.config, session.log);
    expect(first.divergence).toBeNull();
    expect(first.state).toEqual(session.state);
    expect(first.states.map(hearing)).toEqual(second.states.map(hearing));
  });

  it('replay reports the first entry whose recorded outcome differs', () => {
    const session = runEvents(makeConfig('multiparty'), closing);
    const tampered = session.log.map((entry) =>
      entry.seq === 9 ? { ...entry, result: { status: 'accepted' as const } } : entry,
    );
    expect(replay(session.config, tampered).divergence?.seq).toBe(9);
  });

  it('rebuilds every kind of event from its entry', () => {
    const events: ReadonlyArray<ConferenceEvent> = [
      ...closing,
      makeEvent(P.trainee, 'hold', 1, P.caller),
      makeEvent(P.trainee, 'hold-all', 1),
      makeEvent(P.trainee, 'resume', 1, P.caller),
      makeEvent(P.trainee, 'mute', 1, P.caller),
      makeEvent(P.trainee, 'unmute', 1, P.trainee),
      makeEvent(P.trainee, 'swap', 1),
      makeEvent(P.trainee, 'disconnect', 1, P.broker),
      makeEvent(P.trainee, 'clear', 1),
      makeEvent(P.manager, 'reject', 1),
      makeEvent(P.broker, 'no-answer', 1),
      makeEvent(P.broker, 'busy', 1),
      makeEvent(P.broker, 'fail', 1),
      makeEvent(P.caller, 'hang-up', 1),
    ];
    const session = runEvents(makeConfig('three-party'), events);
    expect(session.log.map(eventOfEntry)).toEqual(events);
  });

  it('a new session starts empty with the call offered', () => {
    const session = startSession(makeConfig('three-party'));
    expect(session.log).toEqual([]);
    expect(replay(session.config, []).state).toEqual(session.state);
  });
});
