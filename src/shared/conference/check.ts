/**
 * The one permission function: "may this actor do this now, and if not, why".
 *
 * The machine's guards, the pure `step`, the available-actions view and the scorer all ask
 * `check`; no rule of sections CONF and CCP is decided anywhere else (`check-add.ts` and
 * `check-common.ts` are its parts: adding, and who acts on what). Checks run in a fixed
 * order so that a refusal's reason is stable: who acts, on what, whether the action makes sense
 * in the current leg states, then whether the mode's control rules allow it.
 */
import { checkAdd } from './check-add';
import { actingAgent, controls, OK, onCall, refusal, speakingAgent, targetLeg } from './check-common';
import { isOnCall, legOf, participantCount, partyById } from './model';
import type { AddVia, CheckResult, ConferenceEventType, ConferenceState, PartyId } from './types';
import { assertNever } from './types';

/**
 * Whether `actor` may do `action` (to `target`, through `via` for `add`) in `state`.
 * Returns `{ ok: true }` or `{ ok: false, reason, rule }` with a reason code of RULES.md.
 */
export function check(
  state: ConferenceState,
  actor: PartyId,
  action: ConferenceEventType,
  target?: PartyId,
  via?: AddVia,
): CheckResult {
  switch (action) {
    case 'accept':
      return checkAccept(state, actor);
    case 'add':
      return checkAdd(state, actor, target, via);
    case 'hold':
      return checkHold(state, actor, target);
    case 'hold-all':
      return checkHoldAll(state, actor);
    case 'resume':
      return checkResume(state, actor, target);
    case 'mute':
      return checkMute(state, actor, target);
    case 'unmute':
      return checkUnmute(state, actor, target);
    case 'join':
      return checkJoin(state, actor);
    case 'swap':
      return checkSwap(state, actor);
    case 'disconnect':
      return checkDisconnect(state, actor, target);
    case 'leave':
      return checkLeave(state, actor);
    case 'send-dtmf':
      return checkSendDtmf(state, actor);
    case 'clear':
      return checkClear(state, actor);
    case 'answer':
    case 'busy':
    case 'fail':
      // CCP-3: a phone-number leg shows connecting until the party answers, and ends on busy or failure.
      return checkOffered(state, actor, ['external']);
    case 'reject':
      // CCP-3: the target agent may reject the offer.
      return checkOffered(state, actor, ['agent']);
    case 'no-answer':
      // CCP-3: an agent may miss the offer; a phone number may ring out.
      return checkOffered(state, actor, ['agent', 'external']);
    case 'hang-up':
      return checkHangUp(state, actor);
    default:
      return assertNever(action);
  }
}

// ---------------------------------------------------------------------------------------------
// The actions

function checkAccept(state: ConferenceState, actor: PartyId): CheckResult {
  const party = partyById(state.config, actor);
  if (party === undefined) return refusal('no-such-participant', 'CCP-9');
  const leg = legOf(state, actor);
  if (party.kind !== 'agent' || leg === undefined || leg.state === 'disconnected') {
    return refusal('not-on-call', 'CCP-9');
  }
  // CCP-3: an agent leg shows connecting until the agent accepts the offer.
  return leg.state === 'connecting' ? OK : refusal('invalid-state', 'CCP-3');
}

function checkHold(state: ConferenceState, actor: PartyId, target: PartyId | undefined): CheckResult {
  const acting = actingAgent(state, actor);
  if (acting.refused) return acting.refused;
  const found = targetLeg(state, target);
  if (found.refused) return found.refused;
  const leg = found.leg;
  // CCP-10: an agent never holds their own connection; only another agent holds them.
  if (leg.party === actor) return refusal('invalid-state', 'CCP-10');
  if (leg.state !== 'connected') return refusal('invalid-state', 'CCP-1');
  // CCP-5: in a two-party call only the other party, never an agent, can be held.
  if (leg.kind === 'agent' && participantCount(state) < 3) return refusal('invalid-state', 'CCP-5');
  if (state.config.mode === 'three-party' && !controls(actor, leg)) {
    return refusal('not-your-party', 'CONF-9a');
  }
  return OK; // CONF-10b: in multiparty any agent can put any party on hold.
}

function checkHoldAll(state: ConferenceState, actor: PartyId): CheckResult {
  const acting = speakingAgent(state, actor);
  if (acting.refused) return acting.refused;
  const others = state.legs.filter((leg) => leg.party !== actor && leg.state === 'connected');
  // CCP-4: hold all puts every other party on hold; there must be one.
  if (others.length === 0) return refusal('invalid-state', 'CCP-4');
  for (const leg of others) {
    const result = checkHold(state, actor, leg.party);
    if (!result.ok) return result;
  }
  return OK;
}

function checkResume(state: ConferenceState, actor: PartyId, target: PartyId | undefined): CheckResult {
  const acting = actingAgent(state, actor);
  if (acting.refused) return acting.refused;
  const found = targetLeg(state, target);
  if (found.refused) return found.refused;
  const leg = found.leg;
  if (leg.state !== 'hold') return refusal('invalid-state', 'CCP-1');
  if (state.config.mode === 'three-party') {
    if (leg.party === actor) {
      // CONF-9c: an agent put on hold by the agent who controls them cannot resume themselves;
      // once that agent has left, control has passed to the remaining agents (CONF-12). Being
      // held at all takes another agent (CCP-10); taking oneself off hold stays a control of its
      // own (CONF-9c, CONF-10c: the seed names it, so it overrides CCP-10's "only on the others").
      if (leg.controlledBy !== null && leg.controlledBy !== actor)
        return refusal('cannot-resume-self', 'CONF-9c');
      return OK;
    }
    if (!controls(actor, leg)) return refusal('not-your-party', 'CONF-9a');
  }
  return OK; // CONF-10b, CONF-10c: in multiparty any agent can resume any party, themselves included.
}

function checkMute(state: ConferenceState, actor: PartyId, target: PartyId | undefined): CheckResult {
  const acting = actingAgent(state, actor);
  if (acting.refused) return acting.refused;
  const found = targetLeg(state, target);
  if (found.refused) return found.refused;
  const leg = found.leg;
  // CCP-8: mute works on connected and held legs.
  if (leg.state === 'connecting' || leg.muted) return refusal('invalid-state', 'CCP-8');
  // CONF-11: three-party agents mute only themselves; multiparty agents mute anyone.
  if (leg.party !== actor && state.config.mode === 'three-party')
    return refusal('cannot-mute-others', 'CONF-11');
  return OK;
}

function checkUnmute(state: ConferenceState, actor: PartyId, target: PartyId | undefined): CheckResult {
  const acting = actingAgent(state, actor);
  if (acting.refused) return acting.refused;
  const found = targetLeg(state, target);
  if (found.refused) return found.refused;
  const leg = found.leg;
  if (!leg.muted) return refusal('invalid-state', 'CCP-8');
  if (leg.party === actor) return OK;
  // CONF-11 (seed 003): an agent can unmute only themselves, never another agent.
  if (leg.kind === 'agent') return refusal('cannot-unmute-others', 'CONF-11');
  // CCP-12: a caller or external participant can be unmuted by an agent who may mute them, that
  // is any agent in multiparty (CONF-11, Streams' unmuteParticipant); three-party agents mute and
  // unmute only themselves.
  if (state.config.mode === 'three-party') return refusal('cannot-unmute-others', 'CCP-12');
  return OK;
}

/** CCP-4: Join and Swap need a caller leg that is still connected or on hold. */
function callerHeldOrConnected(state: ConferenceState): boolean {
  return onCall(state, state.config.caller.id);
}

function checkJoin(state: ConferenceState, actor: PartyId): CheckResult {
  const acting = speakingAgent(state, actor);
  if (acting.refused) return acting.refused;
  const caller = state.config.caller.id;
  // CCP-4: Join needs at least one third party (answered) ...
  if (!state.legs.some((leg) => leg.party !== actor && leg.party !== caller && isOnCall(leg))) {
    return refusal('no-third-party', 'CCP-4');
  }
  // ... and a caller leg that is still connected or on hold.
  if (!callerHeldOrConnected(state)) return refusal('invalid-state', 'CCP-4');
  const held = state.legs.filter((leg) => leg.state === 'hold');
  // CONF-3: Join takes the parties on hold off hold; with none on hold there is nothing to join.
  if (held.length === 0) return refusal('invalid-state', 'CONF-3');
  if (state.config.mode === 'three-party' && !held.every((leg) => controls(actor, leg))) {
    return refusal('not-your-party', 'CONF-9a');
  }
  return OK;
}

function checkSwap(state: ConferenceState, actor: PartyId): CheckResult {
  const acting = speakingAgent(state, actor);
  if (acting.refused) return acting.refused;
  // CONF-4: Swap exists only in a call of exactly three participants.
  if (participantCount(state) !== 3) return refusal('swap-unavailable', 'CONF-4');
  // CCP-4: it needs a caller leg that is connected or on hold ...
  if (!callerHeldOrConnected(state)) return refusal('invalid-state', 'CCP-4');
  const others = state.legs.filter((leg) => leg.party !== actor && leg.state !== 'disconnected');
  // ... and an answered third party.
  if (!others.every(isOnCall)) return refusal('no-third-party', 'CCP-4');
  // CONF-4 (streams' toggleActiveConnections): one side on hold, the other connected.
  const held = others.filter((leg) => leg.state === 'hold').length;
  if (held !== 1) return refusal('invalid-state', 'CONF-4');
  if (state.config.mode === 'three-party' && !others.every((leg) => controls(actor, leg))) {
    return refusal('not-your-party', 'CONF-9a');
  }
  return OK;
}

function checkDisconnect(state: ConferenceState, actor: PartyId, target: PartyId | undefined): CheckResult {
  const acting = actingAgent(state, actor);
  if (acting.refused) return acting.refused;
  // CCP-7: an agent ends their own leg by leaving, not by disconnecting it.
  if (target === actor) return refusal('invalid-state', 'CCP-7');
  const found = targetLeg(state, target);
  if (found.refused) return found.refused;
  if (state.config.mode === 'three-party') {
    const primary = state.config.primaryAgent.id;
    // CONF-9b: only the primary agent disconnects parties; a secondary agent only once the primary has left.
    if (actor !== primary && onCall(state, primary)) return refusal('primary-only', 'CONF-9b');
    if (!controls(actor, found.leg)) return refusal('not-your-party', 'CONF-9a');
  }
  return OK; // CONF-10e: in multiparty any agent can disconnect any other participant.
}

function checkLeave(state: ConferenceState, actor: PartyId): CheckResult {
  const acting = actingAgent(state, actor);
  // CONF-17: any agent on the call can leave it (a transfer when others remain).
  return acting.refused ?? OK;
}

function checkSendDtmf(state: ConferenceState, actor: PartyId): CheckResult {
  const acting = speakingAgent(state, actor);
  if (acting.refused) return acting.refused;
  // Tones go to a connected party; with nobody connected there is no one to receive them.
  if (!state.legs.some((leg) => leg.party !== actor && leg.state === 'connected')) {
    return refusal('invalid-state', 'CCP-9');
  }
  return OK;
}

function checkClear(state: ConferenceState, actor: PartyId): CheckResult {
  const party = partyById(state.config, actor);
  if (party === undefined) return refusal('no-such-participant', 'CCP-9');
  const leg = legOf(state, actor);
  if (party.kind !== 'agent' || leg?.agent == null) return refusal('not-on-call', 'CCP-9');
  // CCP-7: after-call work follows leaving the call and is cleared once.
  return leg.agent.status === 'ended' ? OK : refusal('invalid-state', 'CCP-7');
}

function checkOffered(
  state: ConferenceState,
  actor: PartyId,
  kinds: ReadonlyArray<'agent' | 'external'>,
): CheckResult {
  const party = partyById(state.config, actor);
  const leg = legOf(state, actor);
  if (party === undefined || leg === undefined || leg.state === 'disconnected') {
    return refusal('no-such-participant', 'CCP-9');
  }
  if (party.kind === 'caller' || !kinds.includes(party.kind)) return refusal('invalid-state', 'CCP-3');
  return leg.state === 'connecting' ? OK : refusal('invalid-state', 'CCP-3');
}

function checkHangUp(state: ConferenceState, actor: PartyId): CheckResult {
  const party = partyById(state.config, actor);
  const leg = legOf(state, actor);
  if (party === undefined || leg === undefined || leg.state === 'disconnected') {
    return refusal('no-such-participant', 'CCP-9');
  }
  // Agents end their leg with `leave` (CONF-17); a ringing number ends with busy or no-answer (CCP-3).
  if (party.kind === 'agent') return refusal('invalid-state', 'CONF-17');
  return isOnCall(leg) ? OK : refusal('invalid-state', 'CCP-3');
}
