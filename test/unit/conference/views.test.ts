import {
  actionOptions,
  agentContactState,
  availableActions,
  candidateCommands,
  commandEvent,
  connectionList,
  hearing,
  hears,
  step,
} from '@shared/conference';
import { describe, expect, it } from 'vitest';
import { answered, call, P, withExternal, withManager } from './helpers';

describe('hearing', () => {
  it('is computed once per state and answers for every party with a leg', () => {
    const s = withExternal('multiparty').state;
    expect(hearing(s)).toBe(hearing(s));
    expect(hearing(s)).toEqual({
      [P.caller]: [P.trainee, P.broker],
      [P.trainee]: [P.caller, P.broker],
      [P.broker]: [P.caller, P.trainee],
    });
    expect(hears(s, 'nobody', P.caller)).toBe(false);
  });

  it('a connecting leg hears nobody until answered', () => {
    const s = answered('multiparty').do(P.trainee, 'add', P.broker).state;
    expect(hearing(s)[P.broker]).toEqual([]);
    expect(hears(s, P.trainee, P.broker)).toBe(false);
  });
});

describe('connection list', () => {
  it('labels external parties by quick connect, number pad number or flow', () => {
    const s = withExternal('multiparty')
      .run([P.trainee, 'add', P.spouse], [P.spouse, 'answer'], [P.trainee, 'join'])
      .do(P.trainee, 'add', P.translator, { kind: 'flow', flowName: 'Translation' }).state;
    expect(
      connectionList(s, P.trainee).map(({ party, label, labelSource }) => [party, label, labelSource]),
    ).toEqual([
      [P.caller, 'Customer', 'caller'],
      [P.broker, 'Broker', 'quick-connect'],
      [P.spouse, '+13125550202', 'number'],
      [P.translator, '+13125550203', 'flow'],
    ]);
  });

  it('is empty for an agent who is offered the call or has left it', () => {
    expect(connectionList(call('multiparty').state, P.trainee)).toEqual([]);
    expect(connectionList(withManager('multiparty').do(P.manager, 'leave').state, P.manager)).toEqual([]);
    expect(connectionList(answered('multiparty').state, 'nobody')).toEqual([]);
  });
});

describe('available actions', () => {
  it('offers only accept to an agent who is offered the call', () => {
    expect(availableActions(call('three-party').state, P.trainee)).toEqual([
      { action: 'accept', target: null, via: null },
    ]);
  });

  it('lists every quick connect and the number pad, with the refusal reason for those not allowed', () => {
    const c = answered('multiparty').do(P.trainee, 'add', P.broker);
    const options = actionOptions(c.state, P.trainee);
    expect(options).toContainEqual({
      action: 'add',
      target: P.spouse,
      via: { kind: 'number-pad', number: '+13125550202' },
      result: { ok: false, reason: 'dial-pending', rule: 'CONF-5' },
    });
    expect(candidateCommands(c.state, P.trainee)).toContainEqual({
      action: 'add',
      target: P.manager,
      via: { kind: 'quick-connect', name: 'Manager' },
    });
  });

  it('agrees with step: every available action is accepted, every other candidate refused', () => {
    for (const s of [withManager('three-party').state, withExternal('multiparty').state]) {
      for (const agent of [P.trainee, P.manager]) {
        const available = availableActions(s, agent);
        for (const command of candidateCommands(s, agent)) {
          const accepted = step(s, commandEvent(agent, command, 1, '12#')).entry.result.status === 'accepted';
          expect(accepted).toBe(available.some((a) => JSON.stringify(a) === JSON.stringify(command)));
        }
      }
    }
  });
});

describe('agent contact state', () => {
  it('is null for an agent who never had the contact', () => {
    expect(agentContactState(answered('multiparty').state, P.manager)).toBeNull();
  });
});
