import { describe, expect, it } from 'vitest';
import {
  type ConferenceEvent,
  type ConferenceState,
  explorationConfig,
  initialState,
  transition,
} from '../../../src/shared/conference';
import {
  agentData,
  commandEvent,
  connectionIdOf,
  quickConnectEndpoints,
  refusalError,
  streamsRequest,
} from '../../../src/shared/streams';

const clock = { time: 0, epoch: Date.UTC(2026, 0, 1), wallNow: Date.UTC(2026, 5, 1) };
const setting = { queueName: 'Mortgage Closings' };

function play(state: ConferenceState, ...events: ConferenceEvent[]): ConferenceState {
  let s = state;
  for (const e of events) {
    const r = transition(s, e);
    if (!r.verdict.ok) throw new Error(`refused ${e.type}: ${r.verdict.reason}`);
    s = r.state;
  }
  return s;
}

const t = (time: number) => ({ time });
const multi = play(
  initialState(explorationConfig('multiparty')),
  { type: 'accept', actor: 'trainee', ...t(1000) },
  { type: 'add', actor: 'trainee', target: 'manager', ...t(2000) },
  { type: 'accept', actor: 'manager', ...t(3000) },
);
const three = play(
  initialState(explorationConfig('three-party')),
  { type: 'accept', actor: 'trainee', ...t(1000) },
  { type: 'add', actor: 'trainee', target: 'manager', ...t(2000) },
  { type: 'accept', actor: 'manager', ...t(3000) },
);

describe('the agent snapshot (CCP-1, CONF-15)', () => {
  it('an offered contact is connecting with the agent connection connecting, state PendingBusy', () => {
    const data = agentData(initialState(explorationConfig('multiparty')), 'trainee', clock, setting);
    const [contact] = data.snapshot.contacts;
    expect(contact?.state.type).toBe('connecting');
    expect(contact?.contactId).toBe('contact-0');
    expect(contact?.connections.map((c) => [c.type, c.state.type])).toEqual([['agent', 'connecting']]);
    expect(data.snapshot.state.name).toBe('PendingBusy');
  });

  it('every timestamp is a Date on the simulated clock, with skew from the wall clock', () => {
    const data = agentData(multi, 'trainee', { ...clock, time: 5000 }, setting);
    expect(data.snapshot.skew).toBe(clock.epoch + 5000 - clock.wallNow);
    expect(data.snapshot.state.startTimestamp).toBeInstanceOf(Date);
    expect(data.snapshot.contacts[0]?.state.timestamp.getTime()).toBe(clock.epoch + 1000);
  });

  it('multiparty (CONF-10f, CONF-10g): the caller is initial inbound, the added agent outbound by its quick connect name', () => {
    const contact = agentData(multi, 'trainee', clock, setting).snapshot.contacts[0];
    expect(contact?.contactFeatures.multiPartyConferenceEnabled).toBe(true);
    expect(contact?.connections.map((c) => [c.type, c.initial, c.endpoint.name, c.quickConnectName])).toEqual(
      [
        ['agent', false, 'Trainee', null],
        ['inbound', true, 'Customer', null],
        ['outbound', false, 'Manager', 'Manager'],
      ],
    );
  });

  it("the added agent's contact has the next ID of the chain and the same initial contact ID (CONF-15)", () => {
    const contact = agentData(multi, 'manager', clock, setting).snapshot.contacts[0];
    expect(contact?.contactId).toBe('contact-0-t1');
    expect(contact?.initialContactId).toBe('contact-0');
    expect(contact?.initiationMethod).toBe('transfer');
  });

  it('three-party (CONF-9e, CONF-9f): the secondary agent sees only the transfer connection, labelled internal transfer', () => {
    const primary = agentData(three, 'trainee', clock, setting).snapshot.contacts[0];
    expect(primary?.contactFeatures.multiPartyConferenceEnabled).toBe(false);
    expect(primary?.connections.at(-1)?.endpoint.name).toBe('Internal transfer');
    const secondary = agentData(three, 'manager', clock, setting).snapshot.contacts[0];
    expect(secondary?.connections.map((c) => [c.type, c.initial])).toEqual([
      ['agent', false],
      ['outbound', false],
    ]);
  });

  it('after leaving the agent is in after-call work; after clearing the contact is gone (CCP-7)', () => {
    const left = play(multi, { type: 'leave', actor: 'trainee', time: 4000 });
    const acw = agentData(left, 'trainee', clock, setting).snapshot;
    expect(acw.state.name).toBe('AfterCallWork');
    expect(acw.contacts[0]?.state.type).toBe('ended');
    const cleared = play(left, { type: 'clear', actor: 'trainee', time: 5000 });
    expect(agentData(cleared, 'trainee', clock, setting).snapshot.contacts).toEqual([]);
  });
});

describe('Streams requests become the console actions', () => {
  const id = (party: string) => connectionIdOf(multi.config, 'contact-0', party);
  const ask = (method: string, params: object) => streamsRequest(multi, 'trainee', method, params);

  it('hold, resume, mute and destroy on a connection name its party; destroy on the own connection is leave', () => {
    expect(ask('holdConnection', { contactId: 'contact-0', connectionId: id('caller') })).toEqual({
      kind: 'command',
      command: { action: 'hold', target: 'caller' },
    });
    expect(ask('muteParticipant', { contactId: 'contact-0', connectionId: id('manager') })).toMatchObject({
      command: { action: 'mute', target: 'manager' },
    });
    expect(ask('destroyConnection', { contactId: 'contact-0', connectionId: id('trainee') })).toMatchObject({
      command: { action: 'leave' },
    });
    expect(ask('destroyConnection', { contactId: 'contact-0', connectionId: id('manager') })).toMatchObject({
      command: { action: 'disconnect', target: 'manager' },
    });
    expect(ask('toggleActiveConnections', { contactId: 'contact-0' })).toMatchObject({
      command: { action: 'swap' },
    });
    expect(ask('conferenceConnections', { contactId: 'contact-0' })).toMatchObject({
      command: { action: 'join' },
    });
    expect(ask('completeContact', { contactId: 'contact-0' })).toMatchObject({
      command: { action: 'clear' },
    });
  });

  it('addConnection with a quick-connect endpoint from getEndpoints adds through that quick connect (CCP-2)', () => {
    const endpoints = quickConnectEndpoints(multi, 'trainee');
    expect(endpoints.map((e) => e.name)).not.toContain('Trainee');
    const broker = endpoints.find((e) => e.name === 'Broker');
    expect(broker?.phoneNumber).toBe('+13125550201');
    expect(ask('createAdditionalConnection', { contactId: 'contact-0', endpoint: broker })).toMatchObject({
      command: { action: 'add', target: 'broker', via: { quickConnect: 'Broker' } },
    });
  });

  it('addConnection with a phone number dials it on the number pad (CONF-2)', () => {
    const endpoint = { type: 'phone_number', phoneNumber: '+13125550202' };
    expect(ask('createAdditionalConnection', { contactId: 'contact-0', endpoint })).toMatchObject({
      command: { action: 'add', target: 'spouse', via: { numberPad: '+13125550202' } },
    });
  });

  it('sendDigits carries its digits; a command becomes the engine event the director builds', () => {
    const answer = ask('sendDigits', { contactId: 'contact-0', connectionId: id('caller'), digits: '12#' });
    expect(answer).toMatchObject({ command: { action: 'send-dtmf', digits: '12#' } });
    if (answer.kind !== 'command') throw new Error('expected a command');
    expect(commandEvent('trainee', answer.command, 7)).toEqual({
      type: 'send-dtmf',
      actor: 'trainee',
      time: 7,
      digits: '12#',
    });
  });

  it('a request about another contact or an unknown connection is a clear error, never silence', () => {
    expect(ask('holdConnection', { contactId: 'other', connectionId: id('caller') })).toMatchObject({
      kind: 'error',
      error: { type: 'InvalidParameter', message: expect.stringContaining('contactId "other"') },
    });
    expect(ask('holdConnection', { contactId: 'contact-0', connectionId: 'nope' })).toMatchObject({
      kind: 'error',
      error: { type: 'InvalidParameter', message: expect.stringContaining('connectionId "nope"') },
    });
  });

  it('unsupported requests (agent state, outbound, softphone) are an UnsupportedOperation error', () => {
    for (const method of ['putAgentState', 'createOutboundContact', 'sendSoftphoneCallReport']) {
      expect(ask(method, {})).toMatchObject({
        kind: 'error',
        error: { type: 'UnsupportedOperation', message: expect.stringContaining(method) },
      });
    }
  });

  it('a refusal is answered with its reason and rule in the type/message error', () => {
    expect(refusalError('participant-limit', 'CONF-1')).toEqual({
      type: 'IllegalState',
      message: 'The action was refused: participant-limit (CONF-1)',
      reason: 'participant-limit',
      rule: 'CONF-1',
    });
  });
});
