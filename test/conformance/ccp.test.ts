/**
 * Conformance: one describe per CCP rule of RULES.md (the Contact Control Panel behaviour the
 * seeds take for granted), each with cases that pass and cases that must be refused.
 */
import type { AddVia, ConferenceMode, QuickConnect } from '@shared/conference';
import {
  actionOptions,
  agentContactState,
  availableActions,
  check,
  hears,
  isContactUp,
  replay,
} from '@shared/conference';
import { validateScenario } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import {
  answered,
  call,
  legState,
  makeConfig,
  P,
  refused,
  withExternal,
  withManager,
} from '../unit/conference/helpers';
import { editActions, loadScenarioFile, play } from '../unit/scoring/helpers';

const modes: ReadonlyArray<ConferenceMode> = ['three-party', 'multiparty'];

describe('CCP-1', () => {
  it.each(modes)('CCP-1: legs and the contact go through the streams states (%s)', (mode) => {
    const offered = call(mode);
    expect(offered.state.phase).toBe('incoming');
    expect([legState(offered.state, P.caller), legState(offered.state, P.trainee)]).toEqual([
      'connected',
      'connecting',
    ]);
    expect(agentContactState(offered.state, P.trainee)).toBe('incoming');
    const talking = offered.do(P.trainee, 'accept');
    expect(talking.state.phase).toBe('connected');
    expect(agentContactState(talking.state, P.trainee)).toBe('connected');
    expect(legState(talking.do(P.trainee, 'hold', P.caller).state, P.caller)).toBe('hold');
    const ended = talking.do(P.caller, 'hang-up');
    expect(ended.state.phase).toBe('ended');
    expect(agentContactState(ended.state, P.trainee)).toBe('ended');
    const cleared = ended.do(P.trainee, 'clear');
    expect(cleared.state.phase).toBe('cleared');
    expect(agentContactState(cleared.state, P.trainee)).toBe('cleared');
  });

  it.each(modes)('CCP-1: an action that does not fit the leg state is refused (%s)', (mode) => {
    const c = answered(mode);
    expect(c.check(P.trainee, 'resume', P.caller)).toEqual(refused('invalid-state', 'CCP-1'));
    const held = c.do(P.trainee, 'hold', P.caller);
    expect(held.check(P.trainee, 'hold', P.caller)).toEqual(refused('invalid-state', 'CCP-1'));
    const dialing = c.do(P.trainee, 'add', P.broker).do(P.broker, 'answer');
    expect(dialing.check(P.trainee, 'add', P.broker)).toEqual(refused('invalid-state', 'CCP-1'));
  });
});

describe('CCP-2', () => {
  const queue: QuickConnect = { name: 'Underwriting queue', type: 'queue', target: P.underwriter };

  it.each(modes)('CCP-2: agent, queue and phone-number quick connects reach their parties (%s)', (mode) => {
    const viaQueue = answered(mode, { quickConnects: [queue] }).do(P.trainee, 'add', P.underwriter, {
      kind: 'quick-connect',
      name: 'Underwriting queue',
    });
    expect(viaQueue.state.legs.find((leg) => leg.party === P.underwriter)?.origin).toEqual({
      kind: 'quick-connect',
      type: 'queue',
      name: 'Underwriting queue',
    });
    expect(viaQueue.state.contacts[1]?.initiation).toBe('queue-transfer');
    const viaAgent = answered(mode).do(P.trainee, 'add', P.manager);
    expect(viaAgent.state.legs.find((leg) => leg.party === P.manager)?.origin).toMatchObject({
      type: 'agent',
    });
    expect(viaAgent.state.contacts[1]?.initiation).toBe('transfer');
    const viaNumber = answered(mode).do(P.trainee, 'add', P.broker);
    expect(viaNumber.state.legs.find((leg) => leg.party === P.broker)?.origin).toMatchObject({
      type: 'phone-number',
    });
  });

  it.each(modes)(
    'CCP-2: a quick connect that is unknown, elsewhere routed or not in the routing profile is refused (%s)',
    (mode) => {
      const hidden: QuickConnect = { ...queue, availableTo: [P.manager] };
      const c = answered(mode, { quickConnects: [hidden] });
      const unavailable = refused('quick-connect-unavailable', 'CCP-2');
      expect(c.check(P.trainee, 'add', P.manager, { kind: 'quick-connect', name: 'Nobody' })).toEqual(
        unavailable,
      );
      expect(c.check(P.trainee, 'add', P.manager, { kind: 'quick-connect', name: 'Broker' })).toEqual(
        unavailable,
      );
      expect(
        c.check(P.trainee, 'add', P.underwriter, { kind: 'quick-connect', name: 'Underwriting queue' }),
      ).toEqual(unavailable);
    },
  );
});

describe('CCP-3', () => {
  it.each(modes)(
    'CCP-3: an agent leg connects when the agent accepts; a number when it answers (%s)',
    (mode) => {
      const agent = answered(mode).do(P.trainee, 'add', P.manager);
      expect(legState(agent.state, P.manager)).toBe('connecting');
      expect(legState(agent.do(P.manager, 'accept').state, P.manager)).toBe('connected');
      const phone = answered(mode).do(P.trainee, 'add', P.spouse);
      expect(legState(phone.state, P.spouse)).toBe('connecting');
      expect(legState(phone.do(P.spouse, 'answer').state, P.spouse)).toBe('connected');
    },
  );

  it.each(['reject', 'no-answer'] as const)('CCP-3: an agent offer ends on %s', (end) => {
    const c = answered('multiparty').run([P.trainee, 'add', P.manager], [P.manager, end]);
    expect(legState(c.state, P.manager)).toBe('disconnected');
    expect(agentContactState(c.state, P.manager)).toBe('cleared');
    expect(legState(c.state, P.trainee)).toBe('connected');
  });

  it.each(['busy', 'fail', 'no-answer'] as const)('CCP-3: a phone-number leg ends on %s', (end) => {
    const c = answered('three-party').run([P.trainee, 'add', P.spouse], [P.spouse, end]);
    expect(legState(c.state, P.spouse)).toBe('disconnected');
    expect(isContactUp(c.state)).toBe(true);
  });

  it.each(modes)(
    'CCP-3: answered legs cannot be answered again, and each party uses its own events (%s)',
    (mode) => {
      const c = answered(mode).run([P.trainee, 'add', P.manager]);
      expect(c.check(P.trainee, 'accept')).toEqual(refused('invalid-state', 'CCP-3'));
      expect(c.check(P.manager, 'answer')).toEqual(refused('invalid-state', 'CCP-3'));
      expect(c.check(P.manager, 'busy')).toEqual(refused('invalid-state', 'CCP-3'));
      const phone = answered(mode).run([P.trainee, 'add', P.spouse], [P.spouse, 'answer']);
      expect(phone.check(P.spouse, 'answer')).toEqual(refused('invalid-state', 'CCP-3'));
      expect(phone.check(P.spouse, 'reject')).toEqual(refused('invalid-state', 'CCP-3'));
    },
  );
});

describe('CCP-4', () => {
  it.each(modes)('CCP-4: hold all puts every other party on hold; join takes them off (%s)', (mode) => {
    const c = withExternal(mode).do(P.trainee, 'hold-all');
    expect([legState(c.state, P.caller), legState(c.state, P.broker)]).toEqual(['hold', 'hold']);
    const joined = c.do(P.trainee, 'join');
    expect(joined.state.legs.every((leg) => leg.state === 'connected')).toBe(true);
  });

  it.each(modes)('CCP-4: join needs a third party (%s)', (mode) => {
    const c = answered(mode).do(P.trainee, 'hold', P.caller);
    expect(c.check(P.trainee, 'join')).toEqual(refused('no-third-party', 'CCP-4'));
  });

  it('CCP-4: swap and join need a caller leg that is connected or on hold (multiparty)', () => {
    const c = withExternal('multiparty').run(
      [P.trainee, 'add', P.spouse],
      [P.spouse, 'answer'],
      [P.caller, 'hang-up'],
    );
    expect(c.check(P.trainee, 'join')).toEqual(refused('invalid-state', 'CCP-4'));
    expect(c.check(P.trainee, 'swap')).toEqual(refused('invalid-state', 'CCP-4'));
  });
});

describe('CCP-5', () => {
  it.each(modes)('CCP-5: in a two-party call the caller can be held, an agent leg cannot (%s)', (mode) => {
    const c = answered(mode);
    expect(c.check(P.trainee, 'hold', P.caller)).toEqual({ ok: true });
    const twoAgents = withManager(mode).do(P.caller, 'hang-up');
    expect(twoAgents.check(P.trainee, 'hold', P.manager)).toEqual(refused('invalid-state', 'CCP-5'));
  });

  it('CCP-5: with three parties an agent leg can be held and hears nobody (multiparty)', () => {
    const c = withManager('multiparty').do(P.trainee, 'hold', P.manager);
    expect(legState(c.state, P.manager)).toBe('hold');
    expect(hears(c.state, P.manager, P.caller) || hears(c.state, P.manager, P.trainee)).toBe(false);
    expect(hears(c.state, P.caller, P.trainee)).toBe(true);
  });

  it.each(modes)('CCP-5: an agent on hold cannot add, join or swap until resumed (%s)', (mode) => {
    const c = withManager(mode).do(P.trainee, 'hold', P.manager).do(P.trainee, 'leave');
    expect(c.check(P.manager, 'add', P.broker)).toEqual(refused('invalid-state', 'CCP-5'));
  });
});

describe('CCP-6', () => {
  it('CCP-6: adding is refused while a leg is still connecting (three-party)', () => {
    const c = answered('three-party').do(P.trainee, 'add', P.broker);
    expect(c.check(P.trainee, 'add', P.spouse)).toEqual(refused('dial-pending', 'CCP-6'));
  });

  it('CCP-6: once the dial has ended, adding is possible again (three-party)', () => {
    const c = answered('three-party').run([P.trainee, 'add', P.broker], [P.broker, 'busy']);
    expect(c.check(P.trainee, 'add', P.spouse)).toEqual({ ok: true });
  });
});

describe('CCP-7', () => {
  it.each(modes)('CCP-7: leaving puts the agent in after-call work, which they clear (%s)', (mode) => {
    const c = withManager(mode).do(P.manager, 'leave');
    expect(agentContactState(c.state, P.manager)).toBe('ended');
    expect(isContactUp(c.state)).toBe(true);
    expect(agentContactState(c.do(P.manager, 'clear').state, P.manager)).toBe('cleared');
  });

  it.each(modes)('CCP-7: disconnecting a party ends only their leg (%s)', (mode) => {
    const c = withExternal(mode).do(P.trainee, 'disconnect', P.broker);
    expect(legState(c.state, P.broker)).toBe('disconnected');
    expect(legState(c.state, P.trainee)).toBe('connected');
    expect(hears(c.state, P.caller, P.trainee)).toBe(true);
  });

  it.each(modes)(
    'CCP-7: no clear while on the call, no new offer before clearing, no disconnecting oneself (%s)',
    (mode) => {
      const c = withManager(mode);
      expect(c.check(P.manager, 'clear')).toEqual(refused('invalid-state', 'CCP-7'));
      expect(c.check(P.trainee, 'disconnect', P.trainee)).toEqual(refused('invalid-state', 'CCP-7'));
      const left = c.do(P.manager, 'leave');
      expect(left.check(P.trainee, 'add', P.manager)).toEqual(refused('invalid-state', 'CCP-7'));
      expect(left.do(P.manager, 'clear').check(P.trainee, 'add', P.manager)).toEqual({ ok: true });
    },
  );
});

describe('CCP-8', () => {
  it.each(modes)('CCP-8: mute and unmute work while the leg is on hold (%s)', (mode) => {
    const c = withManager(mode).run([P.trainee, 'hold', P.manager], [P.manager, 'mute', P.manager]);
    expect(c.last?.result).toEqual({ status: 'accepted' });
    expect(c.do(P.manager, 'unmute', P.manager).last?.result).toEqual({ status: 'accepted' });
  });

  it.each(modes)('CCP-8: a connecting leg cannot be muted, an unmuted one not unmuted (%s)', (mode) => {
    const c = answered(mode).do(P.trainee, 'add', P.broker);
    expect(c.check(P.trainee, 'mute', P.broker)).toEqual(refused('invalid-state', 'CCP-8'));
    expect(c.check(P.trainee, 'unmute', P.trainee)).toEqual(refused('invalid-state', 'CCP-8'));
  });
});

describe('CCP-9', () => {
  it.each(modes)(
    'CCP-9: a refused action leaves the call exactly as it was and is logged with its reason (%s)',
    (mode) => {
      const c = withManager(mode);
      const after = c.do(P.trainee, 'unmute', P.manager);
      expect(after.state).toBe(c.state);
      expect(after.last).toMatchObject({
        seq: c.session.log.length + 1,
        actor: P.trainee,
        type: 'unmute',
        target: P.manager,
        result: { status: 'refused', reason: 'invalid-state', rule: 'CCP-8' },
      });
      expect(availableActions(c.state, P.trainee)).not.toContainEqual({
        action: 'unmute',
        target: P.manager,
        via: null,
      });
    },
  );

  it.each(modes)('CCP-9: an accepted action changes the call and is logged as accepted (%s)', (mode) => {
    const c = withManager(mode);
    const after = c.do(P.trainee, 'mute', P.trainee);
    expect(after.state).not.toBe(c.state);
    expect(after.last?.result).toEqual({ status: 'accepted' });
    expect(after.last?.legs.find((leg) => leg.party === P.trainee)).toEqual({
      party: P.trainee,
      state: 'connected',
      muted: true,
    });
    expect(availableActions(c.state, P.trainee)).toContainEqual({
      action: 'mute',
      target: P.trainee,
      via: null,
    });
  });

  it('CCP-9: unknown parties and parties without controls are refused with stable reasons', () => {
    const c = answered('multiparty');
    expect(c.check('nobody', 'hold', P.caller)).toEqual(refused('no-such-participant', 'CCP-9'));
    expect(c.check(P.caller, 'hold', P.trainee)).toEqual(refused('not-on-call', 'CCP-9'));
    expect(c.check(P.trainee, 'hold', 'nobody')).toEqual(refused('no-such-participant', 'CCP-9'));
    expect(c.check(P.manager, 'hold', P.caller)).toEqual(refused('not-on-call', 'CCP-9'));
  });
});

describe('CCP-10', () => {
  it.each(modes)('CCP-10: an agent cannot put their own connection on hold (%s)', (mode) => {
    const two = answered(mode);
    expect(two.check(P.trainee, 'hold', P.trainee)).toEqual(refused('invalid-state', 'CCP-10'));
    // With three or more parties the trainee's own leg stays theirs: the hold is refused and
    // the trainee keeps talking.
    const three = withManager(mode);
    const after = three.do(P.trainee, 'hold', P.trainee);
    expect(after.state).toBe(three.state);
    expect(after.last?.result).toEqual({ status: 'refused', reason: 'invalid-state', rule: 'CCP-10' });
    expect(legState(after.state, P.trainee)).toBe('connected');
    expect(after.check(P.manager, 'hold', P.manager)).toEqual(refused('invalid-state', 'CCP-10'));
    expect(withExternal(mode).check(P.trainee, 'hold', P.trainee)).toEqual(
      refused('invalid-state', 'CCP-10'),
    );
  });

  it.each(modes)('CCP-10: the console offers hold only on the other connections (%s)', (mode) => {
    const c = withManager(mode);
    const holds = actionOptions(c.state, P.trainee).filter((option) => option.action === 'hold');
    expect(holds.map((option) => option.target)).not.toContain(P.trainee);
    expect(holds.map((option) => option.target)).toContain(P.caller);
    expect(availableActions(c.state, P.trainee)).not.toContainEqual({
      action: 'hold',
      target: P.trainee,
      via: null,
    });
    // Hold all holds the others, never the agent who presses it.
    const all = c.do(P.trainee, 'hold-all');
    expect(legState(all.state, P.trainee)).toBe('connected');
  });

  it('CCP-10: an agent is held by another agent and may take themselves off hold (multiparty, CONF-10c)', () => {
    const held = withManager('multiparty').do(P.trainee, 'hold', P.manager);
    expect(legState(held.state, P.manager)).toBe('hold');
    expect(held.check(P.manager, 'resume', P.manager)).toEqual({ ok: true });
  });

  it('CCP-10: a secondary agent held by the primary cannot resume themselves (three-party, CONF-9c)', () => {
    const held = withManager('three-party').do(P.trainee, 'hold', P.manager);
    expect(held.check(P.manager, 'resume', P.manager)).toEqual(refused('cannot-resume-self', 'CONF-9c'));
  });
});

describe('CCP-12', () => {
  it('CCP-12: a multiparty agent unmutes the caller they muted, and so can any other agent', () => {
    const muted = withManager('multiparty').do(P.trainee, 'mute', P.caller);
    expect(hears(muted.state, P.trainee, P.caller)).toBe(false);
    expect(muted.check(P.manager, 'unmute', P.caller)).toEqual({ ok: true });
    const unmuted = muted.do(P.trainee, 'unmute', P.caller);
    expect(unmuted.last?.result).toEqual({ status: 'accepted' });
    expect(hears(unmuted.state, P.trainee, P.caller)).toBe(true);
    expect(hears(unmuted.state, P.manager, P.caller)).toBe(true);
  });

  it('CCP-12: a multiparty agent unmutes an external participant, also on hold (CCP-8)', () => {
    const c = withExternal('multiparty').run([P.trainee, 'mute', P.broker], [P.trainee, 'hold', P.broker]);
    expect(c.check(P.trainee, 'unmute', P.broker)).toEqual({ ok: true });
    const back = c.run([P.trainee, 'unmute', P.broker], [P.trainee, 'resume', P.broker]);
    expect(hears(back.state, P.caller, P.broker)).toBe(true);
  });

  it('CCP-12: a muted caller can be unmuted after the agent who muted them has left (multiparty)', () => {
    const c = withManager('multiparty').run([P.trainee, 'mute', P.caller], [P.trainee, 'leave']);
    expect(c.check(P.manager, 'unmute', P.caller)).toEqual({ ok: true });
  });

  it.each(modes)('CCP-12: never another agent, who controls their own mute (%s)', (mode) => {
    const self = withManager(mode).do(P.manager, 'mute', P.manager);
    expect(self.check(P.trainee, 'unmute', P.manager)).toEqual(refused('cannot-unmute-others', 'CONF-11'));
    if (mode === 'multiparty') {
      const byOther = withManager(mode).do(P.trainee, 'mute', P.manager);
      expect(byOther.check(P.trainee, 'unmute', P.manager)).toEqual(
        refused('cannot-unmute-others', 'CONF-11'),
      );
      expect(byOther.check(P.manager, 'unmute', P.manager)).toEqual({ ok: true });
    }
  });

  it('CCP-12: a three-party agent, who may mute only themselves, unmutes only themselves', () => {
    const c = withExternal('three-party');
    // No three-party control mutes the caller; a muted caller leg is built to ask the rule directly.
    const state = {
      ...c.state,
      legs: c.state.legs.map((leg) => (leg.party === P.caller ? { ...leg, muted: true } : leg)),
    };
    expect(check(state, P.trainee, 'unmute', P.caller)).toEqual(refused('cannot-unmute-others', 'CCP-12'));
  });

  it('CCP-12: the console offers unmuting the muted caller, not a muted agent (multiparty)', () => {
    const c = withManager('multiparty').run([P.trainee, 'mute', P.caller], [P.manager, 'mute', P.manager]);
    const unmutes = actionOptions(c.state, P.trainee).filter((option) => option.action === 'unmute');
    expect(unmutes.find((option) => option.target === P.caller)?.result).toEqual({ ok: true });
    expect(unmutes.find((option) => option.target === P.manager)?.result).toEqual(
      refused('cannot-unmute-others', 'CONF-11'),
    );
  });
});

describe('CCP-11', () => {
  const pad = (number: string, country?: string): AddVia =>
    country === undefined ? { kind: 'number-pad', number } : { kind: 'number-pad', number, country };
  const spouseAt = (number: string) =>
    makeConfig('multiparty').parties.map((party) => (party.id === P.spouse ? { ...party, number } : party));

  it.each(modes)('CCP-11: a national number is read in the instance country (%s)', (mode) => {
    const us = answered(mode, { country: 'US', parties: spouseAt('+13125550163') });
    for (const typed of ['312 555 0163', '(312) 555-0163', '312-555-0163', '+1 (312) 555-0163']) {
      const c = us.do(P.trainee, 'add', undefined, pad(typed));
      expect(c.last?.result, typed).toEqual({ status: 'accepted' });
      // The number names the party: the log records whom it reached.
      expect(c.last?.target, typed).toBe(P.spouse);
      expect(legState(c.state, P.spouse)).toBe('connecting');
      expect(us.check(P.trainee, 'add', P.spouse, pad(typed)), typed).toEqual({ ok: true });
    }
  });

  it('CCP-11: a German instance reads 030 numbers as Berlin numbers', () => {
    const de = answered('three-party', { country: 'DE', parties: spouseAt('+49301234567') });
    expect(de.do(P.trainee, 'add', undefined, pad('030 1234567')).last?.target).toBe(P.spouse);
    expect(de.check(P.trainee, 'add', P.spouse, pad('+49 30 1234567'))).toEqual({ ok: true });
    // The same digits in the US are not the Berlin number.
    expect(de.check(P.trainee, 'add', P.spouse, pad('030 1234567', 'US'))).toEqual(
      refused('no-such-participant', 'CCP-11'),
    );
  });

  it('CCP-11: the country selector changes how a national number is read', () => {
    const de = answered('multiparty', { country: 'DE', parties: spouseAt('+13125550163') });
    expect(de.check(P.trainee, 'add', P.spouse, pad('312 555 0163'))).not.toEqual({ ok: true });
    const c = de.do(P.trainee, 'add', undefined, pad('312 555 0163', 'US'));
    expect(c.last?.result).toEqual({ status: 'accepted' });
    expect(c.state.legs.find((leg) => leg.party === P.spouse)?.origin).toEqual({
      kind: 'number-pad',
      number: '+13125550163',
    });
  });

  it.each(modes)(
    'CCP-11: only a number that is not valid for its country is refused as such (%s)',
    (mode) => {
      const us = answered(mode, { country: 'US' });
      const invalid = refused('no-such-participant', 'CCP-11');
      for (const typed of ['555', '0163', 'spouse', '+1 555 0202', '']) {
        expect(us.check(P.trainee, 'add', undefined, pad(typed)), typed).toEqual(invalid);
        expect(us.check(P.trainee, 'add', P.spouse, pad(typed)), typed).toEqual(invalid);
      }
      const refusedDial = us.do(P.trainee, 'add', undefined, pad('555'));
      expect(refusedDial.state).toBe(us.state);
      expect(refusedDial.last).toMatchObject({ target: null, result: { rule: 'CCP-11' } });
      // A valid number that is none of the call's parties reaches no one (CONF-2).
      expect(us.check(P.trainee, 'add', undefined, pad('212 555 0199'))).toEqual(
        refused('no-such-participant', 'CONF-2'),
      );
    },
  );

  it('CCP-11: without an instance country only numbers with + are read', () => {
    const none = answered('multiparty');
    expect(none.check(P.trainee, 'add', P.spouse, pad('312 555 0202'))).toEqual(
      refused('no-such-participant', 'CCP-11'),
    );
    expect(none.check(P.trainee, 'add', P.spouse, pad('+1 312 555 0202'))).toEqual({ ok: true });
  });

  it('CCP-11: a number-pad dial without a target replays to the same call', () => {
    const us = answered('multiparty', { country: 'US', parties: spouseAt('+13125550163') });
    const c = us.do(P.trainee, 'add', undefined, pad('312 555 0163')).do(P.spouse, 'answer');
    const replayed = replay(c.session.config, c.session.log);
    expect(replayed.divergence).toBeNull();
    expect(replayed.state).toEqual(c.state);
  });
});

describe('CCP-11 in a scenario', () => {
  const scenario = loadScenarioFile('resources/scenarios/mortgage-closing.json');
  const spouseDial = scenario.reference.actions.findIndex(
    (action) => 'action' in action && action.action === 'add' && action.target === 'spouse',
  );

  it.each(['312 555 0163', '(312) 555-0163'])(
    'CCP-11: dialling %s as Sofia says it reaches the spouse in the US instance',
    (typed) => {
      const actions = editActions(scenario.reference.actions, (action, index) =>
        index === spouseDial ? { at: action.at, action: 'add', via: { numberPad: typed } } : action,
      );
      const log = play(scenario, actions);
      const dial = log.records.find(
        (record) => record.kind === 'event' && record.entry.via?.kind === 'number-pad',
      );
      expect(dial?.kind === 'event' && dial.entry).toMatchObject({
        target: 'spouse',
        result: { status: 'accepted' },
      });
      const { findings } = validateScenario({ ...scenario, reference: { ...scenario.reference, actions } });
      expect(
        findings.filter((f) => f.severity === 'error' || f.code === 'number-pad-unknown-number'),
      ).toEqual([]);
    },
  );
});
