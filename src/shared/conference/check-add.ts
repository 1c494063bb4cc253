/**
 * Adding a participant (CONF-1, CONF-2, CONF-5 to CONF-8, CCP-2, CCP-6, CCP-7): whether the
 * route reaches the party, and whether the call has room and no dial pending.
 */
import { OK, onCall, refusal, speakingAgent } from './check-common';
import {
  defaultVia,
  legOf,
  participantCount,
  participantLimit,
  partyById,
  quickConnectByName,
} from './model';
import { readDialledNumber } from './number-pad';
import type {
  AddVia,
  AgentParty,
  CheckResult,
  ConferenceEvent,
  ConferenceState,
  ExternalParty,
  LegOrigin,
  PartyId,
} from './types';
import { assertNever } from './types';

/**
 * The leg an `add` would create, described by its origin; or the refusal when the route does
 * not reach the party (CCP-2).
 */
export function resolveRoute(
  state: ConferenceState,
  actor: PartyId,
  party: AgentParty | ExternalParty,
  via: AddVia,
): { readonly origin: LegOrigin; readonly refused?: undefined } | { readonly refused: CheckResult } {
  switch (via.kind) {
    case 'quick-connect': {
      const qc = quickConnectByName(state.config, via.name);
      // CCP-2: agent and queue quick connects reach agents; phone-number ones reach numbers.
      if (
        qc === undefined ||
        qc.target !== party.id ||
        (qc.type === 'phone-number') !== (party.kind === 'external') ||
        (qc.availableTo !== undefined && !qc.availableTo.includes(actor))
      ) {
        return { refused: refusal('quick-connect-unavailable', 'CCP-2') };
      }
      return { origin: { kind: 'quick-connect', type: qc.type, name: qc.name } };
    }
    case 'number-pad': {
      // CCP-11: the pad reads the number in its selected country, preset to the instance's; a
      // number that is not valid for its country reaches nobody.
      const dialled = readDialledNumber(state.config, via.number, via.country);
      if (!dialled.valid) return { refused: refusal('no-such-participant', 'CCP-11') };
      // The number pad reaches outside numbers only (CONF-2).
      if (dialled.party?.id !== party.id) return { refused: refusal('no-such-participant', 'CONF-2') };
      return { origin: { kind: 'number-pad', number: dialled.e164 } };
    }
    case 'flow':
      return { origin: { kind: 'flow', flowName: via.flowName } };
    default:
      return assertNever(via);
  }
}

/** Whether `actor` may add `target` through `via` (the party's own route when absent). */
export function checkAdd(
  state: ConferenceState,
  actor: PartyId,
  target: PartyId | undefined,
  via: AddVia | undefined,
): CheckResult {
  const acting = speakingAgent(state, actor);
  if (acting.refused) return acting.refused;
  if ((target === undefined || target === '') && via?.kind === 'number-pad') {
    // CCP-11: a number typed on the pad names no party; the number decides whom it reaches.
    const dialled = readDialledNumber(state.config, via.number, via.country);
    if (!dialled.valid) return refusal('no-such-participant', 'CCP-11');
    if (dialled.party === undefined) return refusal('no-such-participant', 'CONF-2');
    return checkAdd(state, actor, dialled.party.id, via);
  }
  const party = target === undefined ? undefined : partyById(state.config, target);
  if (party === undefined) return refusal('no-such-participant', 'CCP-9');
  if (party.kind === 'caller' || party.id === actor) return refusal('invalid-state', 'CONF-2');
  const route = resolveRoute(state, actor, party, via ?? defaultVia(party));
  if (route.refused) return route.refused;
  const existing = legOf(state, party.id);
  if (existing !== undefined && existing.state !== 'disconnected') return refusal('invalid-state', 'CCP-1');
  // CCP-7: an agent in after-call work must clear it before taking the next call.
  if (existing?.agent?.status === 'ended') return refusal('invalid-state', 'CCP-7');
  const { mode } = state.config;
  // CONF-5 (multiparty) / CCP-6: no add until the previous dial has finished.
  if (state.legs.some((leg) => leg.state === 'connecting')) {
    return refusal('dial-pending', mode === 'multiparty' ? 'CONF-5' : 'CCP-6');
  }
  const count = participantCount(state);
  // CONF-1, CONF-6: the total, the adding agent included, stays within the mode's limit.
  if (count + 1 > participantLimit(mode)) return refusal('participant-limit', 'CONF-1');
  // CONF-7: once the primary agent has left, adding needs three participants on the call.
  if (mode === 'multiparty' && !onCall(state, state.config.primaryAgent.id) && count < 3) {
    return refusal('too-few-participants', 'CONF-7');
  }
  // CONF-8: after the caller has hung up, adding needs three participants on the call.
  if (!onCall(state, state.config.caller.id) && count < 3) {
    return refusal('too-few-participants', 'CONF-8');
  }
  return OK;
}

/**
 * The event with the party a number-pad `add` reaches filled in when it names none (CCP-11), so
 * that the log records whom the number reached; every other event unchanged.
 */
export function withDialledTarget(state: ConferenceState, event: ConferenceEvent): ConferenceEvent {
  if (event.type !== 'add' || event.target !== '' || event.via?.kind !== 'number-pad') return event;
  const dialled = readDialledNumber(state.config, event.via.number, event.via.country);
  return dialled.valid && dialled.party !== undefined ? { ...event, target: dialled.party.id } : event;
}
