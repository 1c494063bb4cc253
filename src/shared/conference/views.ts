/**
 * Derived views: pure functions of the state for the console, the director and the scorer.
 * Who hears whom, what an agent sees in the connection list, and an agent's contact state.
 */
import { isOnCall, legOf, partyById } from './model';
import type { AgentContactState, ConferenceState, Leg, LegState, PartyId, PartyKind } from './types';
import { assertNever } from './types';

/** For every party with a leg, the parties they hear right now (listener → speakers). */
export type HearingMap = Readonly<Record<PartyId, ReadonlyArray<PartyId>>>;

const hearingCache = new WeakMap<ConferenceState, HearingMap>();

/**
 * Whether two legs have an audio path, ignoring mute:
 * - two connected legs talk;
 * - a held leg hears nobody and is heard by nobody (CCP-5), and in multiparty held secondary
 *   agents cannot talk with each other (CONF-10d);
 * - the exception, three-party only: a secondary agent on hold can still talk with the primary
 *   agent (CONF-9d).
 */
function talk(state: ConferenceState, a: Leg, b: Leg): boolean {
  if (a.state === 'connected' && b.state === 'connected') return true;
  if (state.config.mode !== 'three-party') return false; // CONF-10d
  return heldSecondaryWithPrimary(state, a, b) || heldSecondaryWithPrimary(state, b, a);
}

/** CONF-9d: `held` is a secondary agent on hold and `other` the connected primary agent. */
function heldSecondaryWithPrimary(state: ConferenceState, held: Leg, other: Leg): boolean {
  const primary = state.config.primaryAgent.id;
  return (
    held.kind === 'agent' &&
    held.state === 'hold' &&
    held.party !== primary &&
    other.party === primary &&
    other.state === 'connected'
  );
}

/**
 * Who hears whom (listener → speakers). A muted participant is heard by nobody but still hears
 * (CONF-11), so the relation is symmetric except for muted speakers. Computed once per state
 * object and cached, so that the scorer can ask at every log point.
 */
export function hearing(state: ConferenceState): HearingMap {
  const cached = hearingCache.get(state);
  if (cached !== undefined) return cached;
  const map: Record<PartyId, PartyId[]> = {};
  for (const listener of state.legs) {
    const heard: PartyId[] = [];
    for (const speaker of state.legs) {
      if (speaker === listener || speaker.muted) continue;
      if (talk(state, listener, speaker)) heard.push(speaker.party);
    }
    map[listener.party] = heard;
  }
  hearingCache.set(state, map);
  return map;
}

/** Whether `listener` hears `speaker` right now. */
export function hears(state: ConferenceState, listener: PartyId, speaker: PartyId): boolean {
  return hearing(state)[listener]?.includes(speaker) ?? false;
}

/** The agent's own contact state (CCP-1, CCP-7), or `null` when the agent has never had this contact. */
export function agentContactState(state: ConferenceState, agent: PartyId): AgentContactState | null {
  return legOf(state, agent)?.agent?.status ?? null;
}

/** The label the CCP shows for another agent in three-party mode (CONF-9f). */
export const INTERNAL_TRANSFER_LABEL = 'Internal transfer';

/** Where a connection's label comes from, so that the console can translate or style it. */
export type ConnectionLabelSource = 'caller' | 'quick-connect' | 'number' | 'flow' | 'internal-transfer';

/** One row of an agent's connection list. */
export interface ConnectionListItem {
  readonly party: PartyId;
  readonly kind: PartyKind;
  readonly label: string;
  readonly labelSource: ConnectionLabelSource;
  readonly state: LegState;
  readonly muted: boolean;
  /** Whether this is the single "transfer connection" a three-party secondary agent sees (CONF-9e). */
  readonly transfer: boolean;
}

/**
 * What `viewer` sees in their connection list: nothing unless they are on the call; the caller
 * first (CONF-18), then the other parties in the order they were added.
 * - Multiparty: every connection (CONF-10f); agents by their quick connect name (CONF-10g).
 * - Three-party: the controlling agent (the primary, or whoever holds control after the primary
 *   has left, CONF-12) sees the caller and the other party; a secondary agent whose adding agent
 *   is still on the call sees only the transfer connection (CONF-9e); another agent is shown
 *   only as "internal transfer" (CONF-9f).
 */
export function connectionList(state: ConferenceState, viewer: PartyId): ReadonlyArray<ConnectionListItem> {
  const own = legOf(state, viewer);
  if (own === undefined || own.kind !== 'agent' || !isOnCall(own)) return [];
  if (state.config.mode === 'three-party') {
    const controller = own.controlledBy;
    const controllerLeg = controller === null || controller === viewer ? undefined : legOf(state, controller);
    if (controllerLeg !== undefined && isOnCall(controllerLeg)) {
      return [{ ...item(state, controllerLeg), transfer: true }]; // CONF-9e
    }
  }
  const others = state.legs.filter((leg) => leg.party !== viewer && leg.state !== 'disconnected');
  const callerFirst = [
    ...others.filter((leg) => leg.kind === 'caller'),
    ...others.filter((leg) => leg.kind !== 'caller'),
  ]; // CONF-18
  return callerFirst.map((leg) => item(state, leg));
}

function item(state: ConferenceState, leg: Leg): ConnectionListItem {
  const { label, labelSource } = labelOf(state, leg);
  return {
    party: leg.party,
    kind: leg.kind,
    label,
    labelSource,
    state: leg.state,
    muted: leg.muted,
    transfer: false,
  };
}

function labelOf(state: ConferenceState, leg: Leg): { label: string; labelSource: ConnectionLabelSource } {
  const party = partyById(state.config, leg.party);
  switch (leg.kind) {
    case 'caller':
      return { label: party?.displayName ?? leg.party, labelSource: 'caller' };
    case 'agent': {
      if (state.config.mode === 'three-party')
        return { label: INTERNAL_TRANSFER_LABEL, labelSource: 'internal-transfer' }; // CONF-9f
      // CONF-10g: the quick connect the agent was reached through, else the agent's own.
      if (leg.origin.kind === 'quick-connect')
        return { label: leg.origin.name, labelSource: 'quick-connect' };
      const name = party?.kind === 'agent' ? party.quickConnectName : leg.party;
      return { label: name, labelSource: 'quick-connect' };
    }
    case 'external': {
      const number = party?.kind === 'external' ? party.number : leg.party;
      switch (leg.origin.kind) {
        case 'quick-connect':
          return { label: leg.origin.name, labelSource: 'quick-connect' };
        case 'number-pad':
          return { label: leg.origin.number, labelSource: 'number' };
        case 'flow':
          return { label: number, labelSource: 'flow' };
        case 'inbound':
          return { label: number, labelSource: 'number' };
        default:
          return assertNever(leg.origin);
      }
    }
    default:
      return assertNever(leg.kind);
  }
}
