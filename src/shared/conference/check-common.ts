/**
 * What every permission check starts from: who acts and on which leg, and three-party control
 * (CONF-9a, CONF-12). Used by `check` and `checkAdd`; decides no action of its own.
 */
import { isOnCall, legOf, partyById } from './model';
import type { CheckResult, ConferenceState, Leg, PartyId, RefusalReason, RuleId } from './types';

/** The answer when an action is allowed. */
export const OK: CheckResult = { ok: true };

/** A refusal with its reason code and rule. */
export function refusal(reason: RefusalReason, rule: RuleId): CheckResult {
  return { ok: false, reason, rule };
}

/** A leg an action needs, or the refusal when there is none. */
export type Found = { readonly leg: Leg; readonly refused?: undefined } | { readonly refused: CheckResult };

// ---------------------------------------------------------------------------------------------
// Who acts and on what

/** The acting agent's own leg, which must be connected or on hold. */
export function actingAgent(state: ConferenceState, actor: PartyId): Found {
  const party = partyById(state.config, actor);
  if (party === undefined) return { refused: refusal('no-such-participant', 'CCP-9') };
  const leg = legOf(state, actor);
  if (party.kind !== 'agent' || leg === undefined || leg.state === 'disconnected') {
    return { refused: refusal('not-on-call', 'CCP-9') };
  }
  if (leg.state === 'connecting') {
    // CONF-10a: an agent has call controls from the moment they accept the invitation.
    return { refused: refusal('not-on-call', state.config.mode === 'multiparty' ? 'CONF-10a' : 'CCP-3') };
  }
  return { leg };
}

/** The acting agent's leg, which must be connected: a held agent hears nobody (CCP-5). */
export function speakingAgent(state: ConferenceState, actor: PartyId): Found {
  const found = actingAgent(state, actor);
  if (found.refused) return found;
  if (found.leg.state !== 'connected') return { refused: refusal('invalid-state', 'CCP-5') };
  return found;
}

/** The live leg (connecting, connected or on hold) of the party an action names. */
export function targetLeg(state: ConferenceState, target: PartyId | undefined): Found {
  if (target === undefined) return { refused: refusal('no-such-participant', 'CCP-9') };
  const leg = legOf(state, target);
  if (leg === undefined || leg.state === 'disconnected') {
    return { refused: refusal('no-such-participant', 'CCP-9') };
  }
  return { leg };
}

// ---------------------------------------------------------------------------------------------
// Three-party control (CONF-9, CONF-12)

/**
 * Three-party: whether `actor` controls another party's leg (CONF-9a). A leg whose controlling
 * agent has left is controlled by every remaining agent (CONF-12).
 */
export function controls(actor: PartyId, leg: Leg): boolean {
  if (leg.party === actor) return false;
  return leg.controlledBy === null || leg.controlledBy === actor;
}

/** Whether a party is on the call (connected or on hold). */
export function onCall(state: ConferenceState, party: PartyId): boolean {
  const leg = legOf(state, party);
  return leg !== undefined && isOnCall(leg);
}
