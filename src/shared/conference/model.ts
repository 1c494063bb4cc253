/**
 * Reading the model: lookups over the configuration and the legs, counts, and the initial state.
 * Every function here is a pure question about a value; none of them decides a rule.
 */

import { readDialledNumber } from './number-pad';
import type {
  AddVia,
  AgentParty,
  ConferenceConfig,
  ConferenceMode,
  ConferenceState,
  ExternalParty,
  Leg,
  Party,
  PartyId,
  QuickConnect,
} from './types';

/** The most participants a call may have in a mode: 3 (three-party) or 6 (multiparty) (CONF-1). */
export function participantLimit(mode: ConferenceMode): number {
  return mode === 'multiparty' ? 6 : 3; // CONF-1
}

/** Whether a leg counts as a participant: every leg that is not disconnected, dialing included (CONF-1). */
export function isLive(leg: Leg): boolean {
  return leg.state !== 'disconnected';
}

/** Whether a leg has been answered and not ended: connected or on hold. */
export function isOnCall(leg: Leg): boolean {
  return leg.state === 'connected' || leg.state === 'hold';
}

/** The number of participants on the call, dialing legs included (CONF-1). */
export function participantCount(state: ConferenceState): number {
  let count = 0;
  for (const leg of state.legs) if (leg.state !== 'disconnected') count++;
  return count;
}

/** The leg of a party, or `undefined` when the party has never been on the call. */
export function legOf(state: ConferenceState, party: PartyId): Leg | undefined {
  for (const leg of state.legs) if (leg.party === party) return leg;
  return undefined;
}

/** The party a scenario names by this ID, or `undefined`. */
export function partyById(config: ConferenceConfig, id: PartyId): Party | undefined {
  if (config.caller.id === id) return config.caller;
  if (config.primaryAgent.id === id) return config.primaryAgent;
  return config.parties.find((party) => party.id === id);
}

/**
 * The external party reached at a number typed on the number pad, read in `country` or the
 * instance's country (CCP-11); `undefined` when the number is not valid or reaches none.
 */
export function partyByNumber(
  config: ConferenceConfig,
  number: string,
  country: string | undefined = undefined,
): ExternalParty | undefined {
  const dialled = readDialledNumber(config, number, country);
  return dialled.valid ? dialled.party : undefined;
}

/** Every agent of the call's configuration: the primary agent first, then the others. */
export function agentsOf(config: ConferenceConfig): ReadonlyArray<AgentParty> {
  const agents: AgentParty[] = [config.primaryAgent];
  for (const party of config.parties) if (party.kind === 'agent') agents.push(party);
  return agents;
}

/** Every party of the configuration: the caller, the primary agent, then the others. */
export function partiesOf(config: ConferenceConfig): ReadonlyArray<Party> {
  return [config.caller, config.primaryAgent, ...config.parties];
}

/**
 * The quick connects of the call: one agent quick connect per agent (named by its
 * `quickConnectName`), one phone-number quick connect per external party that has a
 * `quickConnectName`, and the configuration's extra ones (CCP-2).
 */
export function quickConnectsOf(config: ConferenceConfig): ReadonlyArray<QuickConnect> {
  const implicit: QuickConnect[] = [];
  for (const party of partiesOf(config)) {
    if (party.kind === 'agent') {
      implicit.push({ name: party.quickConnectName, type: 'agent', target: party.id });
    } else if (party.kind === 'external' && party.quickConnectName !== undefined) {
      implicit.push({ name: party.quickConnectName, type: 'phone-number', target: party.id });
    }
  }
  return [...implicit, ...(config.quickConnects ?? [])];
}

/** The quick connect of this name, or `undefined`. */
export function quickConnectByName(config: ConferenceConfig, name: string): QuickConnect | undefined {
  return quickConnectsOf(config).find((qc) => qc.name === name);
}

/**
 * The route an `add` takes when the event names none: an agent through its agent quick connect,
 * an external party through its phone-number quick connect, else the number pad.
 */
export function defaultVia(party: AgentParty | ExternalParty): AddVia {
  if (party.kind === 'agent') return { kind: 'quick-connect', name: party.quickConnectName };
  if (party.quickConnectName !== undefined) return { kind: 'quick-connect', name: party.quickConnectName };
  return { kind: 'number-pad', number: party.number };
}

/**
 * Whether the call is still up (CONF-14): it stays up as long as the caller or an agent is on
 * it (connected or on hold) together with at least one other participant. When only external
 * parties remain, or one participant is left alone, the contact ends.
 */
export function isContactUp(state: ConferenceState): boolean {
  let live = 0;
  let anchor = false;
  for (const leg of state.legs) {
    if (leg.state === 'disconnected') continue;
    live++;
    if (leg.kind !== 'external' && (leg.state === 'connected' || leg.state === 'hold')) anchor = true;
  }
  return anchor && live >= 2;
}

/** Whether a party is the primary agent of the call. */
export function isPrimary(state: ConferenceState, party: PartyId): boolean {
  return state.config.primaryAgent.id === party;
}

/**
 * The call as it starts: the caller connected (in the queue) and the contact offered to the
 * primary agent, whose leg is `connecting` until they accept (CCP-1, CCP-3). Simulated time
 * starts at 0.
 */
export function initialState(config: ConferenceConfig): ConferenceState {
  const time = 0; // a session's simulated clock starts when the contact is offered
  const caller: Leg = {
    party: config.caller.id,
    kind: 'caller',
    state: 'connected',
    muted: false,
    addedBy: null,
    controlledBy: config.primaryAgent.id,
    origin: { kind: 'inbound' },
    createdAt: time,
    since: time,
    connectedAt: time,
    endedAt: null,
    agent: null,
  };
  const primary: Leg = {
    party: config.primaryAgent.id,
    kind: 'agent',
    state: 'connecting',
    muted: false,
    addedBy: null,
    controlledBy: config.primaryAgent.id,
    origin: { kind: 'inbound' },
    createdAt: time,
    since: time,
    connectedAt: null,
    endedAt: null,
    agent: { status: 'incoming', contactId: config.initialContactId },
  };
  return {
    config,
    phase: 'incoming',
    legs: [caller, primary],
    contacts: [
      {
        contactId: config.initialContactId,
        initialContactId: config.initialContactId,
        previousContactId: null,
        nextContactId: null,
        agent: config.primaryAgent.id,
        initiation: 'inbound',
        createdAt: time,
      },
    ],
  };
}
