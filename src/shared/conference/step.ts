/**
 * The reducer: one event in, the next state and its log entry out. The xstate machine wraps
 * this same function; the scenario director, the scorer, the CLI and the exhaustive exploration
 * call it directly, without an actor.
 *
 * `step` asks `check` first; a refused event returns the very same state object (CCP-9). The
 * effects below run only for accepted events and decide no permission of their own.
 */
import { check } from './check';
import { resolveRoute, withDialledTarget } from './check-add';
import { appendContact } from './contact-chain';
import type { EntryResult, LogEntry } from './entry';
import { makeEntry, targetOf, viaOf } from './entry';
import { defaultVia, isContactUp, partyById } from './model';
import type {
  AddEvent,
  AgentContactState,
  CheckResult,
  ConferenceEvent,
  ConferenceState,
  Leg,
  LegState,
  PartyId,
} from './types';
import { assertNever } from './types';

/** The next state and the log entry of one event. */
export interface StepResult {
  readonly state: ConferenceState;
  readonly entry: LogEntry;
}

/**
 * Applies one event. `seq` is the number the entry carries (the position in the log); the state
 * does not count events, so that a refused event leaves it exactly as it was (CCP-9).
 */
export function step(state: ConferenceState, event: ConferenceEvent, seq = 0): StepResult {
  const dialled = withDialledTarget(state, event); // CCP-11: the log names whom the number reached
  const { state: next, verdict } = transition(state, dialled);
  const result: EntryResult = verdict.ok
    ? { status: 'accepted' }
    : { status: 'refused', reason: verdict.reason, rule: verdict.rule };
  return { state: next, entry: makeEntry(seq, dialled, result, next) };
}

/** The next state and `check`'s verdict, without a log entry. */
export interface TransitionResult {
  readonly state: ConferenceState;
  readonly verdict: CheckResult;
}

/**
 * `step` without the log entry, for the exploration and other callers that need only states.
 * A refused event returns the very same state object (CCP-9).
 */
export function transition(state: ConferenceState, given: ConferenceEvent): TransitionResult {
  const event = withDialledTarget(state, given);
  const verdict = check(state, event.actor, event.type, targetOf(event), viaOf(event));
  if (!verdict.ok) return { state, verdict };
  return { state: settle(apply(state, event), event.time), verdict };
}

// ---------------------------------------------------------------------------------------------
// Leg updates (loops and object literals rather than closures and spreads: the exhaustive
// exploration runs these millions of times)

function withLeg(state: ConferenceState, party: PartyId, change: (leg: Leg) => Leg): ConferenceState {
  const legs: Leg[] = [];
  for (const leg of state.legs) legs.push(leg.party === party ? change(leg) : leg);
  return { config: state.config, phase: state.phase, legs, contacts: state.contacts };
}

function withLegs(state: ConferenceState, legs: ReadonlyArray<Leg>): ConferenceState {
  return { config: state.config, phase: state.phase, legs, contacts: state.contacts };
}

function rebuild(
  leg: Leg,
  state: LegState,
  muted: boolean,
  since: number,
  connectedAt: number | null,
  endedAt: number | null,
  agent: Leg['agent'],
  controlledBy: PartyId | null,
): Leg {
  return {
    party: leg.party,
    kind: leg.kind,
    state,
    muted,
    addedBy: leg.addedBy,
    controlledBy,
    origin: leg.origin,
    createdAt: leg.createdAt,
    since,
    connectedAt,
    endedAt,
    agent,
  };
}

function withStatus(agent: Leg['agent'], status: AgentContactState): Leg['agent'] {
  return agent === null || agent.status === status ? agent : { status, contactId: agent.contactId };
}

function moveTo(leg: Leg, to: LegState, time: number): Leg {
  if (leg.state === to) return leg;
  switch (to) {
    case 'connected':
      return rebuild(
        leg,
        to,
        leg.muted,
        time,
        leg.connectedAt ?? time,
        leg.endedAt,
        withStatus(leg.agent, 'connected'),
        leg.controlledBy,
      );
    case 'hold':
    case 'connecting':
      return rebuild(leg, to, leg.muted, time, leg.connectedAt, leg.endedAt, leg.agent, leg.controlledBy);
    case 'disconnected': {
      // CCP-7: an agent who was on the call goes to after-call work; an unanswered offer just ends.
      const status = leg.agent?.status === 'incoming' ? 'cleared' : 'ended';
      return rebuild(
        leg,
        to,
        false,
        time,
        leg.connectedAt,
        time,
        withStatus(leg.agent, status),
        leg.controlledBy,
      );
    }
    default:
      return assertNever(to);
  }
}

function withMuted(leg: Leg, muted: boolean): Leg {
  return rebuild(leg, leg.state, muted, leg.since, leg.connectedAt, leg.endedAt, leg.agent, leg.controlledBy);
}

function withController(leg: Leg, controlledBy: PartyId | null): Leg {
  return rebuild(leg, leg.state, leg.muted, leg.since, leg.connectedAt, leg.endedAt, leg.agent, controlledBy);
}

/** Every leg in state `from` (other than `except`) moved to `to`. */
function moveAll(
  state: ConferenceState,
  from: LegState,
  to: LegState,
  time: number,
  except: PartyId | null,
): ConferenceState {
  const legs: Leg[] = [];
  for (const leg of state.legs)
    legs.push(leg.state === from && leg.party !== except ? moveTo(leg, to, time) : leg);
  return withLegs(state, legs);
}

function apply(state: ConferenceState, event: ConferenceEvent): ConferenceState {
  const { actor, time } = event;
  switch (event.type) {
    case 'accept': {
      // CCP-3: the offer is accepted; the primary agent's acceptance connects the contact.
      const next = withLeg(state, actor, (leg) => moveTo(leg, 'connected', time));
      return state.phase === 'incoming'
        ? { config: next.config, phase: 'connected', legs: next.legs, contacts: next.contacts }
        : next;
    }
    case 'answer':
      return withLeg(state, actor, (leg) => moveTo(leg, 'connected', time));
    case 'add':
      return add(state, event);
    case 'hold':
      return withLeg(state, event.target, (leg) => moveTo(leg, 'hold', time));
    case 'hold-all':
      // CCP-4: every other connected party goes on hold at once.
      return moveAll(state, 'connected', 'hold', time, actor);
    case 'resume':
      return withLeg(state, event.target, (leg) => moveTo(leg, 'connected', time));
    case 'mute':
      return withLeg(state, event.target, (leg) => withMuted(leg, true));
    case 'unmute':
      return withLeg(state, event.target, (leg) => withMuted(leg, false));
    case 'join':
      // CONF-3 (streams' conferenceConnections): every held party comes off hold.
      return moveAll(state, 'hold', 'connected', time, null);
    case 'swap': {
      // CONF-4 (streams' toggleActiveConnections): the held side and the connected side change places.
      const legs: Leg[] = [];
      for (const leg of state.legs) {
        if (leg.party !== actor && leg.state === 'hold') legs.push(moveTo(leg, 'connected', time));
        else if (leg.party !== actor && leg.state === 'connected') legs.push(moveTo(leg, 'hold', time));
        else legs.push(leg);
      }
      return withLegs(state, legs);
    }
    case 'disconnect':
      return withLeg(state, event.target, (leg) => moveTo(leg, 'disconnected', time));
    case 'leave':
    case 'reject':
    case 'no-answer':
    case 'busy':
    case 'fail':
    case 'hang-up':
      return withLeg(state, actor, (leg) => moveTo(leg, 'disconnected', time));
    case 'clear':
      // CCP-7: after-call work is cleared.
      return withLeg(state, actor, (leg) =>
        rebuild(
          leg,
          leg.state,
          leg.muted,
          leg.since,
          leg.connectedAt,
          leg.endedAt,
          withStatus(leg.agent, 'cleared'),
          leg.controlledBy,
        ),
      );
    case 'send-dtmf':
      // The tones are recorded in the log entry; they change no leg.
      return state;
    default:
      return assertNever(event);
  }
}

/**
 * CONF-2: a new leg dials, and every other party that was connected goes on hold so that the
 * adding agent can greet the new participant privately. A new agent leg gets its own contact ID
 * (CONF-15). A party that was on the call before gets a fresh leg at the end of the list.
 */
function add(state: ConferenceState, event: AddEvent): ConferenceState {
  const { actor, time, target } = event;
  const party = partyById(state.config, target);
  if (party === undefined || party.kind === 'caller') return state; // `check` has refused these
  const route = resolveRoute(state, actor, party, event.via ?? defaultVia(party));
  if (route.refused) return state; // `check` has refused these
  const origin = route.origin;
  let contacts = state.contacts;
  let agent: Leg['agent'] = null;
  if (party.kind === 'agent') {
    const initiation =
      origin.kind === 'quick-connect' && origin.type === 'queue' ? 'queue-transfer' : 'transfer';
    const appended = appendContact(state, party.id, initiation, time);
    contacts = appended.contacts;
    agent = { status: 'incoming', contactId: appended.contactId };
  }
  const leg: Leg = {
    party: party.id,
    kind: party.kind,
    state: 'connecting',
    muted: false,
    addedBy: actor,
    controlledBy: actor, // CONF-9a
    origin,
    createdAt: time,
    since: time,
    connectedAt: null,
    endedAt: null,
    agent,
  };
  const legs: Leg[] = [];
  for (const other of state.legs) {
    if (other.party === party.id) continue;
    legs.push(other.party !== actor && other.state === 'connected' ? moveTo(other, 'hold', time) : other);
  }
  legs.push(leg);
  return { config: state.config, phase: state.phase, legs, contacts };
}

/**
 * CONF-12: when an agent's leg has ended, the legs that agent controlled pass to every remaining
 * agent (three-party control; multiparty agents all have the same controls anyway).
 */
function handOverControl(state: ConferenceState): ConferenceState {
  const gone: PartyId[] = [];
  for (const leg of state.legs) {
    if (leg.kind === 'agent' && leg.state === 'disconnected') gone.push(leg.party);
  }
  if (gone.length === 0) return state;
  let changed = false;
  const legs: Leg[] = [];
  for (const leg of state.legs) {
    if (leg.controlledBy !== null && gone.includes(leg.controlledBy)) {
      legs.push(withController(leg, null));
      changed = true;
    } else {
      legs.push(leg);
    }
  }
  return changed ? withLegs(state, legs) : state;
}

/**
 * What follows from any accepted event:
 * - control of the legs a departed agent controlled passes on (CONF-12);
 * - with no agent left on the call, the parties on hold are conferenced, so that the caller and
 *   an added party talk on after the agent leaves (CONF-14, CONF-17: leaving is how a call is
 *   transferred). With agents remaining, held parties stay held and those agents keep control
 *   (CONF-12);
 * - when the call is no longer up (CONF-14), every remaining leg ends and the contact ends;
 * - once every agent has cleared after-call work, the contact is cleared (CCP-1, CCP-7).
 */
function settle(state: ConferenceState, time: number): ConferenceState {
  let next = handOverControl(state);
  if (next.phase === 'incoming' || next.phase === 'connected') {
    let agentOnCall = false;
    let anyHeld = false;
    for (const leg of next.legs) {
      if (leg.kind === 'agent' && (leg.state === 'connected' || leg.state === 'hold')) agentOnCall = true;
      if (leg.state === 'hold') anyHeld = true;
    }
    if (!agentOnCall && anyHeld) next = moveAll(next, 'hold', 'connected', time, null);
    if (!isContactUp(next)) {
      const legs: Leg[] = [];
      for (const leg of next.legs) legs.push(moveTo(leg, 'disconnected', time));
      next = { config: next.config, phase: 'ended', legs, contacts: next.contacts };
    }
  }
  if (next.phase === 'ended') {
    let inAfterCallWork = false;
    for (const leg of next.legs) if (leg.agent?.status === 'ended') inAfterCallWork = true;
    if (!inAfterCallWork)
      next = { config: next.config, phase: 'cleared', legs: next.legs, contacts: next.contacts };
  }
  return next;
}
