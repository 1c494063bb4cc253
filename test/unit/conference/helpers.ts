/**
 * Test helpers for the conference engine: a small builder that plays events on a call, and the
 * invariants that the exhaustive exploration and the property tests check in every state.
 *
 * The invariants restate the rules independently of `check` (a second, simpler reading of
 * RULES.md), so that a bug in `check` shows up as a disagreement rather than being trusted.
 */
import type {
  AddVia,
  CheckResult,
  ConferenceConfig,
  ConferenceEvent,
  ConferenceEventType,
  ConferenceMode,
  ConferenceSession,
  ConferenceState,
  Leg,
  LogEntry,
  PartyId,
} from '@shared/conference';
import {
  advance,
  check,
  connectionList,
  explorationConfig,
  hearing,
  participantLimit,
  startSession,
} from '@shared/conference';

/** The parties of `explorationConfig`. */
export const P = {
  caller: 'caller',
  trainee: 'trainee',
  manager: 'manager',
  underwriter: 'underwriter',
  broker: 'broker',
  spouse: 'spouse',
  translator: 'translator',
  notary: 'notary',
} as const;

/** The configuration the tests use: the exploration's party set, optionally with changes. */
export function makeConfig(mode: ConferenceMode, changes: Partial<ConferenceConfig> = {}): ConferenceConfig {
  return { ...explorationConfig(mode), ...changes };
}

/** A call in a test: the session so far and a way to play the next event. */
export interface Call {
  readonly session: ConferenceSession;
  readonly state: ConferenceState;
  /** The last log entry. */
  readonly last: LogEntry | undefined;
  /** Plays an event (time advances by one second per event) and returns the call after it. */
  readonly do: (actor: PartyId, type: ConferenceEventType, target?: PartyId, via?: AddVia) => Call;
  /** Plays a list of events. */
  readonly run: (...steps: ReadonlyArray<Step>) => Call;
  /** `check` on the current state. */
  readonly check: (actor: PartyId, type: ConferenceEventType, target?: PartyId, via?: AddVia) => CheckResult;
}

/** One event for `Call.run`: actor, type and optional target. */
export type Step = readonly [PartyId, ConferenceEventType, PartyId?];

/** Builds the event for an actor, a type and a target at a time. */
export function makeEvent(
  actor: PartyId,
  type: ConferenceEventType,
  time: number,
  target?: PartyId,
  via?: AddVia,
): ConferenceEvent {
  switch (type) {
    case 'hold':
    case 'resume':
    case 'mute':
    case 'unmute':
    case 'disconnect':
      return { type, actor, time, target: target ?? '' };
    case 'add':
      return via === undefined
        ? { type, actor, time, target: target ?? '' }
        : { type, actor, time, target: target ?? '', via };
    case 'send-dtmf':
      return { type, actor, time, digits: '1' };
    default:
      return { type, actor, time };
  }
}

function wrap(session: ConferenceSession): Call {
  const call: Call = {
    session,
    state: session.state,
    last: session.log[session.log.length - 1],
    do: (actor, type, target, via) =>
      wrap(advance(session, makeEvent(actor, type, (session.log.length + 1) * 1000, target, via))),
    run: (...steps) => steps.reduce<Call>((acc, [actor, type, target]) => acc.do(actor, type, target), call),
    check: (actor, type, target, via) => check(session.state, actor, type, target, via),
  };
  return call;
}

/** A new call in a mode: the contact offered to the trainee. */
export function call(mode: ConferenceMode, changes: Partial<ConferenceConfig> = {}): Call {
  return wrap(startSession(makeConfig(mode, changes)));
}

/** A call the trainee has accepted: caller and trainee talking. */
export function answered(mode: ConferenceMode, changes: Partial<ConferenceConfig> = {}): Call {
  return call(mode, changes).do(P.trainee, 'accept');
}

/** The trainee has added the manager, the manager accepted, and the trainee joined: three agents' call. */
export function withManager(mode: ConferenceMode): Call {
  return answered(mode).run([P.trainee, 'add', P.manager], [P.manager, 'accept'], [P.trainee, 'join']);
}

/** The trainee has added an external party, who answered, and joined everyone. */
export function withExternal(mode: ConferenceMode, party: PartyId = P.broker): Call {
  return answered(mode).run([P.trainee, 'add', party], [party, 'answer'], [P.trainee, 'join']);
}

/** The leg state of a party, or `'absent'`. */
export function legState(state: ConferenceState, party: PartyId): string {
  return state.legs.find((leg) => leg.party === party)?.state ?? 'absent';
}

/** The expected refusal for `toEqual`. */
export function refused(reason: string, rule: string): CheckResult {
  return { ok: false, reason, rule } as CheckResult;
}

// ---------------------------------------------------------------------------------------------
// Invariants

function onCall(leg: Leg | undefined): boolean {
  return leg !== undefined && (leg.state === 'connected' || leg.state === 'hold');
}

function live(state: ConferenceState): ReadonlyArray<Leg> {
  return state.legs.filter((leg) => leg.state !== 'disconnected');
}

function legOf(state: ConferenceState, party: PartyId | undefined): Leg | undefined {
  return state.legs.find((leg) => leg.party === party);
}

/**
 * Every violated state invariant (empty when the state is sound): the participant limit, the
 * contact's life (CONF-14), agent states, who hears whom, the connection lists and the chain.
 */
export function stateViolations(state: ConferenceState): ReadonlyArray<string> {
  const problems: string[] = [];
  const { mode } = state.config;
  const primary = state.config.primaryAgent.id;
  const liveLegs = live(state);
  // CONF-1
  if (liveLegs.length > participantLimit(mode)) problems.push(`CONF-1: ${liveLegs.length} participants`);
  // CONF-5, CCP-6: one dial at a time.
  if (liveLegs.filter((leg) => leg.state === 'connecting').length > 1)
    problems.push('CONF-5: two dials at once');
  // CONF-14: the contact ends exactly when no caller or agent is left with someone to talk to.
  const ended = state.phase === 'ended' || state.phase === 'cleared';
  const anchored = liveLegs.some((leg) => leg.kind !== 'external' && onCall(leg));
  if (ended !== (liveLegs.length === 0))
    problems.push('CONF-14: ended contact with live legs, or the reverse');
  if (!ended && !(anchored && liveLegs.length >= 2))
    problems.push('CONF-14: contact up without caller or agent');
  if (state.phase === 'cleared' && state.legs.some((leg) => leg.agent?.status === 'ended')) {
    problems.push('CCP-7: cleared contact with an agent in after-call work');
  }
  for (const leg of state.legs) {
    if (leg.kind === 'agent') {
      const status = leg.agent?.status;
      const expected =
        leg.state === 'connecting' ? ['incoming'] : onCall(leg) ? ['connected'] : ['ended', 'cleared'];
      if (status === undefined || !expected.includes(status))
        problems.push(`CCP-1: ${leg.party} ${leg.state}/${status}`);
    }
    if (leg.state === 'disconnected' && leg.muted) problems.push(`${leg.party}: muted after disconnect`);
    // CONF-12: a controlling agent is still on the call (or, at the start, being offered it);
    // once they have left, control has passed (null).
    const controller = leg.controlledBy === null ? undefined : legOf(state, leg.controlledBy);
    if (leg.state !== 'disconnected' && controller !== undefined && controller.state === 'disconnected') {
      problems.push(`CONF-12: ${leg.party} controlled by ${leg.controlledBy}, who has left`);
    }
    const original = leg.kind === 'caller' || leg.addedBy === null ? primary : leg.addedBy;
    if (leg.controlledBy !== null && leg.controlledBy !== original)
      problems.push(`CONF-9a: ${leg.party} controller`);
  }
  problems.push(...hearingViolations(state));
  for (const agent of state.legs.filter((leg) => leg.kind === 'agent')) {
    const list = connectionList(state, agent.party);
    if (!onCall(agent)) {
      if (list.length > 0) problems.push(`${agent.party} off the call sees connections`);
      continue;
    }
    const callerIndex = list.findIndex((item) => item.kind === 'caller');
    if (callerIndex > 0) problems.push('CONF-18: caller not first');
    if (list.some((item) => item.party === agent.party || item.state === 'disconnected')) {
      problems.push(`${agent.party} sees themselves or a disconnected leg`);
    }
    if (mode === 'multiparty' && list.length !== liveLegs.length - 1)
      problems.push('CONF-10f: not all connections');
    if (mode === 'three-party' && list.length > 2) problems.push('CONF-9e: more than two connections');
    if (
      mode === 'three-party' &&
      list.some((item) => item.kind === 'agent' && item.label !== 'Internal transfer')
    ) {
      problems.push('CONF-9f: agent label');
    }
  }
  // CONF-15: every agent leg's contact is in the chain, linked both ways, sharing the initial ID.
  const ids = new Set(state.contacts.map((contact) => contact.contactId));
  for (const leg of state.legs) {
    if (leg.agent !== null && !ids.has(leg.agent.contactId))
      problems.push(`CONF-15: ${leg.party} contact missing`);
  }
  state.contacts.forEach((contact, index) => {
    const previous = state.contacts[index - 1];
    if (contact.initialContactId !== state.config.initialContactId) problems.push('CONF-15: initial ID');
    if ((previous?.contactId ?? null) !== contact.previousContactId) problems.push('CONF-15: previous link');
    if (previous !== undefined && previous.nextContactId !== contact.contactId)
      problems.push('CONF-15: next link');
  });
  return problems;
}

/**
 * Who hears whom: only connected legs talk, except the CONF-9d pair in three-party mode (a held
 * secondary agent and the connected primary agent); a muted party is heard by nobody; apart from
 * mute the relation is symmetric.
 */
function hearingViolations(state: ConferenceState): ReadonlyArray<string> {
  const problems: string[] = [];
  const map = hearing(state);
  const primary = state.config.primaryAgent.id;
  for (const a of state.legs) {
    for (const b of state.legs) {
      if (a === b) continue;
      const aHearsB = map[a.party]?.includes(b.party) ?? false;
      const bHearsA = map[b.party]?.includes(a.party) ?? false;
      const pair9d = (x: Leg, y: Leg) =>
        state.config.mode === 'three-party' &&
        x.kind === 'agent' &&
        x.party !== primary &&
        x.state === 'hold' &&
        y.party === primary &&
        y.state === 'connected';
      const path = (a.state === 'connected' && b.state === 'connected') || pair9d(a, b) || pair9d(b, a);
      if (aHearsB !== (path && !b.muted)) problems.push(`hearing: ${a.party} hears ${b.party} = ${aHearsB}`);
      if (!a.muted && !b.muted && aHearsB !== bHearsA)
        problems.push(`hearing asymmetric: ${a.party}/${b.party}`);
    }
  }
  return problems;
}

/**
 * The controls the rules deny, restated without `check`: when this returns a reason, the event
 * must be refused. `null` means the rules listed here do not deny it (other rules still may).
 */
export function deniedControl(state: ConferenceState, event: ConferenceEvent): string | null {
  const { mode } = state.config;
  const primary = state.config.primaryAgent.id;
  const actorLeg = legOf(state, event.actor);
  const target = 'target' in event ? legOf(state, event.target) : undefined;
  const liveCount = live(state).length;
  if (state.phase === 'ended' || state.phase === 'cleared') {
    if (event.type !== 'clear') return 'CONF-14: contact ended';
  }
  const agentActions = [
    'add',
    'hold',
    'hold-all',
    'resume',
    'mute',
    'unmute',
    'join',
    'swap',
    'disconnect',
    'leave',
    'send-dtmf',
  ];
  if (agentActions.includes(event.type) && (actorLeg?.kind !== 'agent' || !onCall(actorLeg))) {
    return 'not-on-call';
  }
  switch (event.type) {
    case 'unmute':
      // CONF-11, CCP-12: never another agent; a caller or external party only where muting them is allowed.
      if (event.target !== event.actor && (target?.kind === 'agent' || mode === 'three-party'))
        return 'CONF-11/CCP-12: unmute others';
      break;
    case 'mute':
      if (mode === 'three-party' && event.target !== event.actor) return 'CONF-11: three-party mute others';
      break;
    case 'add': {
      if (liveCount >= participantLimit(mode)) return 'CONF-1: limit';
      if (live(state).some((leg) => leg.state === 'connecting')) return 'CONF-5/CCP-6: dial pending';
      if (mode === 'multiparty' && !onCall(legOf(state, primary)) && liveCount < 3) return 'CONF-7';
      if (!onCall(legOf(state, state.config.caller.id)) && liveCount < 3) return 'CONF-8';
      break;
    }
    case 'swap':
      if (liveCount !== 3) return 'CONF-4';
      break;
    case 'hold':
      if (event.target === event.actor) return 'CCP-10: hold self';
      if (target?.kind === 'agent' && liveCount < 3) return 'CCP-5';
      if (mode === 'three-party' && !controls(state, event.actor, target)) return 'CONF-9a: hold';
      break;
    case 'resume':
      if (mode === 'three-party' && event.target === event.actor) {
        if (target?.controlledBy != null && target.controlledBy !== event.actor) return 'CONF-9c';
      } else if (mode === 'three-party' && !controls(state, event.actor, target)) {
        return 'CONF-9a: resume';
      }
      break;
    case 'disconnect':
      if (mode === 'three-party' && event.actor !== primary && onCall(legOf(state, primary)))
        return 'CONF-9b';
      if (mode === 'three-party' && !controls(state, event.actor, target)) return 'CONF-9a: disconnect';
      break;
    default:
      break;
  }
  return null;
}

/** Three-party control as the oracle reads it: the caller is the primary's, others the adder's (CONF-9a, CONF-12). */
function controls(state: ConferenceState, actor: PartyId, target: Leg | undefined): boolean {
  if (target === undefined || target.party === actor) return false;
  const original =
    target.kind === 'caller' || target.addedBy === null ? state.config.primaryAgent.id : target.addedBy;
  if (target.controlledBy === null) return true; // CONF-12: passed on
  return original === actor;
}

/** Every violated transition invariant for one tried event. */
export function transitionViolations(
  from: ConferenceState,
  event: ConferenceEvent,
  to: ConferenceState,
  verdict: CheckResult,
): ReadonlyArray<string> {
  const problems: string[] = [];
  if (!verdict.ok && to !== from) problems.push(`CCP-9: refused ${event.type} changed the state`);
  const denied = deniedControl(from, event);
  if (verdict.ok && denied !== null)
    problems.push(`accepted a denied control: ${event.actor} ${event.type} (${denied})`);
  if (verdict.ok) {
    // CONF-12: control passes only when the controlling agent has left.
    for (const leg of to.legs) {
      const before = legOf(from, leg.party);
      if (before?.controlledBy != null && leg.controlledBy === null && leg.createdAt === before.createdAt) {
        if (legOf(to, before.controlledBy)?.state !== 'disconnected')
          problems.push('CONF-12: control passed early');
      }
    }
  }
  return problems;
}
