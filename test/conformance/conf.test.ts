/**
 * Conformance: one describe per CONF rule of RULES.md, each with cases that pass and cases that
 * must be refused, in both modes where the rule differs by mode.
 */
import type { ConferenceMode } from '@shared/conference';
import {
  connectionList,
  contactLensWarning,
  hears,
  INTERNAL_TRANSFER_LABEL,
  isContactUp,
  participantCount,
  replay,
} from '@shared/conference';
import { describe, expect, it } from 'vitest';
import { answered, legState, P, refused, withExternal, withManager } from '../unit/conference/helpers';

const modes: ReadonlyArray<ConferenceMode> = ['three-party', 'multiparty'];

describe('CONF-1', () => {
  it('CONF-1: a dialing leg counts as a participant (three-party)', () => {
    const c = answered('three-party').do(P.trainee, 'add', P.broker);
    expect(legState(c.state, P.broker)).toBe('connecting');
    expect(participantCount(c.state)).toBe(3);
  });

  it('CONF-1: three-party allows a third participant but refuses a fourth', () => {
    const c = withExternal('three-party');
    expect(participantCount(c.state)).toBe(3);
    expect(c.check(P.trainee, 'add', P.spouse)).toEqual(refused('participant-limit', 'CONF-1'));
  });

  it('CONF-1: multiparty allows six participants, dialing included, and refuses a seventh', () => {
    let c = withExternal('multiparty', P.broker);
    for (const party of [P.spouse, P.translator])
      c = c.run([P.trainee, 'add', party], [party, 'answer'], [P.trainee, 'join']);
    c = c.do(P.trainee, 'add', P.notary);
    expect(participantCount(c.state)).toBe(6);
    c = c.run([P.notary, 'answer'], [P.trainee, 'join']);
    expect(c.state.legs.filter((leg) => leg.state === 'connected')).toHaveLength(6);
    expect(c.check(P.trainee, 'add', P.manager)).toEqual(refused('participant-limit', 'CONF-1'));
  });
});

describe('CONF-2', () => {
  it.each(modes)(
    'CONF-2: adding a party dials it and puts the caller on hold to greet privately (%s)',
    (mode) => {
      const c = answered(mode).do(P.trainee, 'add', P.broker);
      const broker = c.state.legs.find((leg) => leg.party === P.broker);
      expect(broker).toMatchObject({
        state: 'connecting',
        addedBy: P.trainee,
        origin: { kind: 'quick-connect', type: 'phone-number', name: 'Broker' },
      });
      expect(legState(c.state, P.caller)).toBe('hold');
      const greeted = c.do(P.broker, 'answer').state;
      expect(hears(greeted, P.trainee, P.broker) && hears(greeted, P.broker, P.trainee)).toBe(true);
      expect(hears(greeted, P.caller, P.trainee) || hears(greeted, P.caller, P.broker)).toBe(false);
    },
  );

  it('CONF-2: adding a fourth party puts every other party on hold (multiparty)', () => {
    const c = withExternal('multiparty').do(P.trainee, 'add', P.spouse);
    expect([legState(c.state, P.caller), legState(c.state, P.broker), legState(c.state, P.trainee)]).toEqual([
      'hold',
      'hold',
      'connected',
    ]);
  });

  it.each(modes)('CONF-2: the number pad dials an outside number and records it (%s)', (mode) => {
    const c = answered(mode).do(P.trainee, 'add', P.spouse, {
      kind: 'number-pad',
      number: '+1 (312) 555-0202',
    });
    expect(c.last?.result).toEqual({ status: 'accepted' });
    expect(c.state.legs.find((leg) => leg.party === P.spouse)?.origin).toEqual({
      kind: 'number-pad',
      number: '+13125550202',
    });
  });

  it.each(modes)(
    'CONF-2: the number pad does not reach an agent, and the caller cannot be added (%s)',
    (mode) => {
      const c = answered(mode);
      expect(c.check(P.trainee, 'add', P.manager, { kind: 'number-pad', number: '+13125550202' })).toEqual(
        refused('no-such-participant', 'CONF-2'),
      );
      expect(c.check(P.trainee, 'add', P.caller)).toEqual(refused('invalid-state', 'CONF-2'));
    },
  );
});

describe('CONF-3', () => {
  it.each(modes)('CONF-3: join takes every party off hold and everyone hears everyone (%s)', (mode) => {
    const before = answered(mode).run([P.trainee, 'add', P.broker], [P.broker, 'answer']);
    expect(legState(before.state, P.caller)).toBe('hold');
    const c = before.do(P.trainee, 'join');
    expect(c.state.legs.every((leg) => leg.state === 'connected')).toBe(true);
    for (const a of [P.caller, P.trainee, P.broker]) {
      for (const b of [P.caller, P.trainee, P.broker]) if (a !== b) expect(hears(c.state, a, b)).toBe(true);
    }
  });

  it.each(modes)('CONF-3: join with nobody on hold is refused (%s)', (mode) => {
    expect(withExternal(mode).check(P.trainee, 'join')).toEqual(refused('invalid-state', 'CONF-3'));
  });
});

describe('CONF-4', () => {
  it.each(modes)('CONF-4: swap toggles between the held caller and the party just dialed (%s)', (mode) => {
    const c = answered(mode).run([P.trainee, 'add', P.broker], [P.broker, 'answer'], [P.trainee, 'swap']);
    expect([legState(c.state, P.caller), legState(c.state, P.broker)]).toEqual(['connected', 'hold']);
    const back = c.do(P.trainee, 'swap');
    expect([legState(back.state, P.caller), legState(back.state, P.broker)]).toEqual(['hold', 'connected']);
  });

  it('CONF-4: swap is not available with more than three participants (multiparty)', () => {
    const c = withExternal('multiparty').run([P.trainee, 'add', P.spouse], [P.spouse, 'answer']);
    expect(participantCount(c.state)).toBe(4);
    expect(c.check(P.trainee, 'swap')).toEqual(refused('swap-unavailable', 'CONF-4'));
  });

  it.each(modes)('CONF-4: swap is not available in a two-party call (%s)', (mode) => {
    expect(answered(mode).check(P.trainee, 'swap')).toEqual(refused('swap-unavailable', 'CONF-4'));
  });
});

describe('CONF-5', () => {
  it('CONF-5: while a participant is dialed no agent can add another (multiparty)', () => {
    // The manager's dial puts the trainee on hold (CONF-2); the trainee takes themselves off hold.
    const c = withManager('multiparty').run([P.manager, 'add', P.broker], [P.trainee, 'resume', P.trainee]);
    expect(c.check(P.trainee, 'add', P.spouse)).toEqual(refused('dial-pending', 'CONF-5'));
    expect(c.check(P.manager, 'add', P.spouse)).toEqual(refused('dial-pending', 'CONF-5'));
  });

  it.each(['answer', 'busy'] as const)(
    'CONF-5: once the dial has finished (%s) adding is possible again (multiparty)',
    (end) => {
      const c = answered('multiparty').run([P.trainee, 'add', P.broker], [P.broker, end]);
      expect(c.check(P.trainee, 'add', P.spouse)).toEqual({ ok: true });
    },
  );
});

describe('CONF-6', () => {
  it('CONF-6: every agent on the call can add participants (multiparty)', () => {
    const c = withManager('multiparty').do(P.manager, 'add', P.broker);
    expect(c.last?.result).toEqual({ status: 'accepted' });
    expect(c.state.legs.find((leg) => leg.party === P.broker)?.addedBy).toBe(P.manager);
  });

  it('CONF-6: the total, the adding agent included, may not exceed six (multiparty)', () => {
    let c = withManager('multiparty');
    for (const party of [P.broker, P.spouse, P.translator])
      c = c.run([P.manager, 'add', party], [party, 'answer'], [P.manager, 'join']);
    expect(participantCount(c.state)).toBe(6);
    expect(c.check(P.manager, 'add', P.notary)).toEqual(refused('participant-limit', 'CONF-1'));
  });

  it('CONF-6: the agent can add one participant, for three in total (three-party)', () => {
    const c = answered('three-party').do(P.trainee, 'add', P.manager);
    expect(c.last?.result).toEqual({ status: 'accepted' });
    const full = c.run([P.manager, 'accept'], [P.trainee, 'join']);
    expect(full.check(P.manager, 'add', P.broker)).toEqual(refused('participant-limit', 'CONF-1'));
    expect(full.check(P.trainee, 'add', P.broker)).toEqual(refused('participant-limit', 'CONF-1'));
  });
});

describe('CONF-7', () => {
  it('CONF-7: after the primary agent has left, two participants cannot add (multiparty)', () => {
    const c = withManager('multiparty').do(P.trainee, 'leave');
    expect(participantCount(c.state)).toBe(2);
    expect(c.check(P.manager, 'add', P.broker)).toEqual(refused('too-few-participants', 'CONF-7'));
  });

  it('CONF-7: after the primary agent has left, three participants can add (multiparty)', () => {
    const c = withManager('multiparty').run(
      [P.manager, 'add', P.broker],
      [P.broker, 'answer'],
      [P.manager, 'join'],
      [P.trainee, 'leave'],
    );
    expect(participantCount(c.state)).toBe(3);
    expect(c.check(P.manager, 'add', P.spouse)).toEqual({ ok: true });
  });

  it('CONF-7: the rule is multiparty only; a three-party secondary agent can transfer on', () => {
    const c = withManager('three-party').do(P.trainee, 'leave');
    expect(c.check(P.manager, 'add', P.broker)).toEqual({ ok: true });
  });
});

describe('CONF-8', () => {
  it('CONF-8: with three or more participants agents can add after the caller hung up (multiparty)', () => {
    const c = withExternal('multiparty').run(
      [P.trainee, 'add', P.spouse],
      [P.spouse, 'answer'],
      [P.trainee, 'join'],
      [P.caller, 'hang-up'],
    );
    expect(isContactUp(c.state)).toBe(true);
    expect(participantCount(c.state)).toBe(3);
    expect(c.check(P.trainee, 'add', P.translator)).toEqual({ ok: true });
  });

  it.each(modes)(
    'CONF-8: with fewer than three participants nobody can add after the caller hung up (%s)',
    (mode) => {
      const c = withExternal(mode).do(P.caller, 'hang-up');
      expect(participantCount(c.state)).toBe(2);
      expect(c.check(P.trainee, 'add', P.spouse)).toEqual(refused('too-few-participants', 'CONF-8'));
    },
  );
});

describe('CONF-9', () => {
  it('CONF-9a: an agent holds, resumes and disconnects a party they added (three-party)', () => {
    const c = withExternal('three-party').do(P.trainee, 'hold', P.broker);
    expect(legState(c.state, P.broker)).toBe('hold');
    expect(legState(c.do(P.trainee, 'resume', P.broker).state, P.broker)).toBe('connected');
    expect(legState(c.do(P.trainee, 'disconnect', P.broker).state, P.broker)).toBe('disconnected');
  });

  it('CONF-9a: a secondary agent cannot hold or resume a party they did not add (three-party)', () => {
    const c = withManager('three-party');
    expect(c.check(P.manager, 'hold', P.caller)).toEqual(refused('not-your-party', 'CONF-9a'));
    const held = c.do(P.trainee, 'hold', P.caller);
    expect(held.check(P.manager, 'resume', P.caller)).toEqual(refused('not-your-party', 'CONF-9a'));
    expect(c.check(P.manager, 'hold-all')).toEqual(refused('not-your-party', 'CONF-9a'));
  });

  it('CONF-9b: only the primary agent can disconnect a party (three-party)', () => {
    const c = withManager('three-party');
    expect(c.check(P.manager, 'disconnect', P.caller)).toEqual(refused('primary-only', 'CONF-9b'));
    expect(c.check(P.manager, 'disconnect', P.trainee)).toEqual(refused('primary-only', 'CONF-9b'));
    expect(c.check(P.trainee, 'disconnect', P.manager)).toEqual({ ok: true });
  });

  it('CONF-9b: a secondary agent can disconnect the caller once the primary agent has left (three-party)', () => {
    const c = withManager('three-party').do(P.trainee, 'leave');
    expect(c.check(P.manager, 'disconnect', P.caller)).toEqual({ ok: true });
  });

  it('CONF-9c: a secondary agent held by the primary cannot resume themselves (three-party)', () => {
    const c = withManager('three-party').do(P.trainee, 'hold', P.manager);
    expect(c.check(P.manager, 'resume', P.manager)).toEqual(refused('cannot-resume-self', 'CONF-9c'));
    expect(c.check(P.trainee, 'resume', P.manager)).toEqual({ ok: true });
  });

  it('CONF-9c: once the primary agent has left, the held secondary agent can resume themselves (three-party)', () => {
    const c = withManager('three-party').run([P.trainee, 'hold', P.manager], [P.trainee, 'leave']);
    expect(c.check(P.manager, 'resume', P.manager)).toEqual({ ok: true });
  });

  it('CONF-9d: a secondary agent on hold still talks with the primary agent (three-party)', () => {
    const s = withManager('three-party').do(P.trainee, 'hold', P.manager).state;
    expect(hears(s, P.manager, P.trainee) && hears(s, P.trainee, P.manager)).toBe(true);
    expect(hears(s, P.caller, P.manager) || hears(s, P.manager, P.caller)).toBe(false);
  });

  it('CONF-9d: a held external party does not talk with the primary agent (three-party)', () => {
    const s = withExternal('three-party').do(P.trainee, 'hold', P.broker).state;
    expect(hears(s, P.broker, P.trainee) || hears(s, P.trainee, P.broker)).toBe(false);
  });

  it('CONF-9e: the primary sees two connections, a secondary agent only the transfer connection (three-party)', () => {
    const s = withManager('three-party').state;
    expect(connectionList(s, P.trainee).map((item) => item.party)).toEqual([P.caller, P.manager]);
    const secondary = connectionList(s, P.manager);
    expect(secondary).toHaveLength(1);
    expect(secondary[0]).toMatchObject({ party: P.trainee, transfer: true });
  });

  it('CONF-9f: another agent is shown only as internal transfer (three-party)', () => {
    const s = withManager('three-party').state;
    const manager = connectionList(s, P.trainee).find((item) => item.party === P.manager);
    expect(manager).toMatchObject({ label: INTERNAL_TRANSFER_LABEL, labelSource: 'internal-transfer' });
    expect(connectionList(s, P.manager)[0]?.label).toBe(INTERNAL_TRANSFER_LABEL);
    expect(connectionList(s, P.trainee)[0]?.label).not.toBe(INTERNAL_TRANSFER_LABEL);
  });
});

describe('CONF-10', () => {
  it('CONF-10a: an invited agent has no controls until they accept, then all of them (multiparty)', () => {
    const c = answered('multiparty').do(P.trainee, 'add', P.manager);
    expect(c.check(P.manager, 'hold', P.trainee)).toEqual(refused('not-on-call', 'CONF-10a'));
    const accepted = c.do(P.manager, 'accept');
    expect(accepted.check(P.manager, 'hold', P.trainee)).toEqual({ ok: true });
    expect(accepted.check(P.manager, 'resume', P.caller)).toEqual({ ok: true });
  });

  it('CONF-10b: any agent can put any party on hold (multiparty)', () => {
    const c = withManager('multiparty');
    expect(legState(c.do(P.manager, 'hold', P.caller).state, P.caller)).toBe('hold');
    expect(legState(c.do(P.manager, 'hold', P.trainee).state, P.trainee)).toBe('hold');
    expect(withManager('three-party').check(P.manager, 'hold', P.trainee)).toEqual(
      refused('not-your-party', 'CONF-9a'),
    );
  });

  it('CONF-10c: any agent can take themselves off hold (multiparty)', () => {
    const c = withManager('multiparty').do(P.trainee, 'hold', P.manager);
    expect(legState(c.do(P.manager, 'resume', P.manager).state, P.manager)).toBe('connected');
    const threeParty = withManager('three-party').do(P.trainee, 'hold', P.manager);
    expect(threeParty.check(P.manager, 'resume', P.manager)).toEqual(
      refused('cannot-resume-self', 'CONF-9c'),
    );
  });

  it('CONF-10d: secondary agents on hold cannot talk with each other until taken off hold (multiparty)', () => {
    const c = withManager('multiparty').run(
      [P.trainee, 'add', P.underwriter],
      [P.underwriter, 'accept'],
      [P.trainee, 'hold', P.underwriter],
    );
    expect([legState(c.state, P.manager), legState(c.state, P.underwriter)]).toEqual(['hold', 'hold']);
    expect(hears(c.state, P.manager, P.underwriter) || hears(c.state, P.underwriter, P.manager)).toBe(false);
    expect(hears(c.state, P.manager, P.trainee)).toBe(false);
    const joined = c.do(P.trainee, 'join').state;
    expect(hears(joined, P.manager, P.underwriter) && hears(joined, P.underwriter, P.manager)).toBe(true);
  });

  it('CONF-10e: any agent can disconnect any other participant (multiparty)', () => {
    const c = withExternal('multiparty').run(
      [P.trainee, 'add', P.manager],
      [P.manager, 'accept'],
      [P.trainee, 'join'],
    );
    expect(legState(c.do(P.manager, 'disconnect', P.broker).state, P.broker)).toBe('disconnected');
    expect(legState(c.do(P.manager, 'disconnect', P.trainee).state, P.trainee)).toBe('disconnected');
    expect(withManager('three-party').check(P.manager, 'disconnect', P.caller)).toEqual(
      refused('primary-only', 'CONF-9b'),
    );
  });

  it('CONF-10f: every agent sees every connection (multiparty)', () => {
    const s = withExternal('multiparty').run(
      [P.trainee, 'add', P.manager],
      [P.manager, 'accept'],
      [P.trainee, 'join'],
    ).state;
    expect(connectionList(s, P.manager).map((item) => item.party)).toEqual([P.caller, P.trainee, P.broker]);
    expect(connectionList(s, P.trainee).map((item) => item.party)).toEqual([P.caller, P.broker, P.manager]);
    expect(connectionList(withManager('three-party').state, P.manager)).toHaveLength(1);
  });

  it('CONF-10g: another agent is shown by quick connect name, not as internal transfer (multiparty)', () => {
    const s = withManager('multiparty').run(
      [P.trainee, 'add', P.underwriter],
      [P.underwriter, 'accept'],
      [P.trainee, 'join'],
    ).state;
    const labels = connectionList(s, P.manager).map((item) => item.label);
    expect(labels).toEqual(['Customer', 'Trainee', 'Underwriting']);
    expect(labels).not.toContain(INTERNAL_TRANSFER_LABEL);
  });
});

describe('CONF-11', () => {
  it.each(modes)('CONF-11: an agent can mute and unmute themselves (%s)', (mode) => {
    const c = withManager(mode).do(P.manager, 'mute', P.manager);
    expect(c.state.legs.find((leg) => leg.party === P.manager)?.muted).toBe(true);
    expect(hears(c.state, P.caller, P.manager)).toBe(false);
    expect(hears(c.state, P.manager, P.caller)).toBe(true);
    expect(
      c.do(P.manager, 'unmute', P.manager).state.legs.find((leg) => leg.party === P.manager)?.muted,
    ).toBe(false);
  });

  it('CONF-11: a three-party agent cannot mute anybody else', () => {
    const c = withManager('three-party');
    expect(c.check(P.trainee, 'mute', P.caller)).toEqual(refused('cannot-mute-others', 'CONF-11'));
    expect(c.check(P.trainee, 'mute', P.manager)).toEqual(refused('cannot-mute-others', 'CONF-11'));
  });

  it('CONF-11: a multiparty agent can mute any other participant', () => {
    const c = withManager('multiparty');
    expect(c.check(P.manager, 'mute', P.trainee)).toEqual({ ok: true });
    expect(c.check(P.trainee, 'mute', P.caller)).toEqual({ ok: true });
  });

  it.each(modes)('CONF-11: no agent can unmute another agent (%s)', (mode) => {
    const c = withManager(mode).do(P.manager, 'mute', P.manager);
    expect(c.check(P.trainee, 'unmute', P.manager)).toEqual(refused('cannot-unmute-others', 'CONF-11'));
  });
});

describe('CONF-12', () => {
  it('CONF-12: when the primary leaves, control stays with the remaining agent (three-party)', () => {
    const before = withManager('three-party').do(P.trainee, 'hold', P.caller);
    expect(before.check(P.manager, 'resume', P.caller)).toEqual(refused('not-your-party', 'CONF-9a'));
    const after = before.do(P.trainee, 'leave');
    expect(legState(after.state, P.caller)).toBe('hold');
    expect(after.check(P.manager, 'resume', P.caller)).toEqual({ ok: true });
    expect(after.check(P.manager, 'disconnect', P.caller)).toEqual({ ok: true });
  });

  it('CONF-12: when an agent disconnects, control passes to the remaining agents (multiparty)', () => {
    const c = withExternal('multiparty').run(
      [P.trainee, 'add', P.manager],
      [P.manager, 'accept'],
      [P.trainee, 'join'],
      [P.trainee, 'leave'],
    );
    expect(c.check(P.manager, 'hold', P.broker)).toEqual({ ok: true });
    expect(c.check(P.manager, 'disconnect', P.broker)).toEqual({ ok: true });
    expect(c.check(P.trainee, 'hold', P.broker)).toEqual(refused('not-on-call', 'CCP-9'));
  });
});

describe('CONF-13', () => {
  it('CONF-13: before a warm transfer completes, the new agent takes the caller and drops the others (multiparty)', () => {
    const c = answered('multiparty').run(
      [P.trainee, 'add', P.manager],
      [P.manager, 'accept'],
      [P.manager, 'resume', P.caller],
      [P.manager, 'disconnect', P.trainee],
    );
    expect(c.session.log.every((entry) => entry.result.status === 'accepted')).toBe(true);
    expect(hears(c.state, P.manager, P.caller) && hears(c.state, P.caller, P.manager)).toBe(true);
    expect(legState(c.state, P.trainee)).toBe('disconnected');
    expect(isContactUp(c.state)).toBe(true);
  });

  it('CONF-13: a three-party secondary agent cannot take the caller or drop the primary', () => {
    const c = answered('three-party').run([P.trainee, 'add', P.manager], [P.manager, 'accept']);
    expect(c.check(P.manager, 'resume', P.caller)).toEqual(refused('not-your-party', 'CONF-9a'));
    expect(c.check(P.manager, 'disconnect', P.trainee)).toEqual(refused('primary-only', 'CONF-9b'));
  });
});

describe('CONF-14', () => {
  it.each(modes)(
    'CONF-14: the agent adds an external party and leaves; caller and party talk on (%s)',
    (mode) => {
      const c = answered(mode).run([P.trainee, 'add', P.broker], [P.broker, 'answer'], [P.trainee, 'leave']);
      expect(isContactUp(c.state)).toBe(true);
      expect(legState(c.state, P.caller)).toBe('connected');
      expect(hears(c.state, P.caller, P.broker) && hears(c.state, P.broker, P.caller)).toBe(true);
    },
  );

  it('CONF-14: when only external parties remain, the contact ends (multiparty)', () => {
    const c = withExternal('multiparty').run(
      [P.trainee, 'add', P.spouse],
      [P.spouse, 'answer'],
      [P.trainee, 'join'],
      [P.caller, 'hang-up'],
      [P.trainee, 'leave'],
    );
    expect(isContactUp(c.state)).toBe(false);
    expect(c.state.phase).toBe('ended');
    expect(c.state.legs.every((leg) => leg.state === 'disconnected')).toBe(true);
  });

  it('CONF-14: when the caller hangs up on the external party alone, the contact ends (three-party)', () => {
    const c = withExternal('three-party').run([P.trainee, 'leave'], [P.caller, 'hang-up']);
    expect(isContactUp(c.state)).toBe(false);
    expect(legState(c.state, P.broker)).toBe('disconnected');
  });
});

describe('CONF-15', () => {
  it('CONF-15: a series of consults followed by a transfer links the contact IDs (multiparty)', () => {
    const c = answered('multiparty').run(
      [P.trainee, 'add', P.manager],
      [P.manager, 'accept'],
      [P.trainee, 'disconnect', P.manager],
      [P.trainee, 'add', P.underwriter],
      [P.underwriter, 'accept'],
      [P.trainee, 'leave'],
    );
    expect(
      c.state.contacts.map((contact) => [
        contact.agent,
        contact.contactId,
        contact.previousContactId,
        contact.nextContactId,
      ]),
    ).toEqual([
      [P.trainee, 'contact-0', null, 'contact-0-t1'],
      [P.manager, 'contact-0-t1', 'contact-0', 'contact-0-t2'],
      [P.underwriter, 'contact-0-t2', 'contact-0-t1', null],
    ]);
    expect(c.state.contacts.every((contact) => contact.initialContactId === 'contact-0')).toBe(true);
    expect(c.state.legs.find((leg) => leg.party === P.underwriter)?.agent?.contactId).toBe('contact-0-t2');
  });

  it('CONF-15: a series of transfers links the contact IDs, and replay derives the same IDs (three-party)', () => {
    const c = withManager('three-party').run(
      [P.trainee, 'leave'],
      [P.manager, 'add', P.underwriter],
      [P.underwriter, 'accept'],
      [P.manager, 'leave'],
    );
    expect(c.state.contacts.map((contact) => contact.contactId)).toEqual([
      'contact-0',
      'contact-0-t1',
      'contact-0-t2',
    ]);
    expect(c.state.contacts[2]?.previousContactId).toBe('contact-0-t1');
    expect(replay(c.session.config, c.session.log).state.contacts).toEqual(c.state.contacts);
  });

  it.each(modes)('CONF-15: external legs and refused adds create no contact ID (%s)', (mode) => {
    const c = answered(mode).run([P.trainee, 'add', P.broker], [P.trainee, 'add', P.manager]);
    expect(c.last?.result.status).toBe('refused');
    expect(c.state.contacts).toHaveLength(1);
    expect(c.state.legs.find((leg) => leg.party === P.broker)?.agent).toBeNull();
  });
});

describe('CONF-16', () => {
  it('CONF-16: a Contact Lens call that reaches three participants gets a warning', () => {
    const c = answered('multiparty', { contactLens: true }).run(
      [P.trainee, 'add', P.broker],
      [P.broker, 'answer'],
    );
    expect(contactLensWarning(c.session.config, c.session.log)).toEqual({
      rule: 'CONF-16',
      seq: 2,
      peakParticipants: 3,
    });
  });

  it('CONF-16: no warning with two participants, or without Contact Lens', () => {
    const twoParty = answered('multiparty', { contactLens: true }).do(P.trainee, 'hold', P.caller);
    expect(contactLensWarning(twoParty.session.config, twoParty.session.log)).toBeNull();
    const unrecorded = withExternal('multiparty');
    expect(contactLensWarning(unrecorded.session.config, unrecorded.session.log)).toBeNull();
  });
});

describe('CONF-17', () => {
  it.each(modes)('CONF-17: a secondary agent leaves and the others talk on (%s)', (mode) => {
    const c = withManager(mode).do(P.manager, 'leave');
    expect(legState(c.state, P.manager)).toBe('disconnected');
    expect(hears(c.state, P.caller, P.trainee) && hears(c.state, P.trainee, P.caller)).toBe(true);
  });

  it.each(modes)('CONF-17: the primary agent transfers by leaving (%s)', (mode) => {
    const c = withManager(mode).do(P.trainee, 'leave');
    expect(hears(c.state, P.caller, P.manager) && hears(c.state, P.manager, P.caller)).toBe(true);
  });

  it.each(modes)('CONF-17: an agent who has left, or has not accepted, cannot leave (%s)', (mode) => {
    const left = withManager(mode).do(P.manager, 'leave');
    expect(left.check(P.manager, 'leave')).toEqual(refused('not-on-call', 'CCP-9'));
    const offered = answered(mode).do(P.trainee, 'add', P.manager);
    expect(offered.check(P.manager, 'leave').ok).toBe(false);
  });
});

describe('CONF-18', () => {
  it.each(modes)('CONF-18: the caller is always shown first (%s)', (mode) => {
    const s = withExternal(mode).state;
    const reordered = { ...s, legs: [...s.legs.slice(1), ...s.legs.slice(0, 1)] };
    expect(reordered.legs[0]?.party).not.toBe(P.caller);
    expect(connectionList(reordered, P.trainee)[0]?.party).toBe(P.caller);
  });

  it.each(modes)('CONF-18: a caller who has hung up is not listed, nor the viewer (%s)', (mode) => {
    const s = withExternal(mode).run([P.trainee, 'add', P.manager], [P.caller, 'hang-up']).state;
    const parties = connectionList(s, P.trainee).map((item) => item.party);
    expect(parties).not.toContain(P.caller);
    expect(parties).not.toContain(P.trainee);
  });
});
