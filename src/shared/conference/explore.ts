/**
 * Exhaustive exploration of the conference model: breadth-first over every state reachable from
 * the initial one, trying every action of every agent and every scripted event of every party in
 * every state. The tests check invariants through the callbacks; the benchmark times it.
 *
 * States are identified by a key that keeps what the rules read (phase, leg states, mute flags,
 * agent contact states, who controls each leg in three-party mode) and leaves out what they never
 * read (timestamps, contact IDs, how a leg was dialled, the order of the legs). Every event uses
 * the party's default route and time 0.
 */
import { candidateCommands, commandEvent } from './actions';
import { check } from './check';
import { targetOf, viaOf } from './entry';
import { initialState, partiesOf } from './model';
import { transition } from './step';
import type {
  AgentContactState,
  CheckResult,
  ConferenceConfig,
  ConferenceEvent,
  ConferenceMode,
  ConferenceState,
  Leg,
  LegState,
} from './types';
import { agentActionNames, scriptedEventNames } from './types';

/**
 * The bounded party set the exploration uses, after the seed's mortgage closing: the caller, the
 * primary agent (the trainee), two more agents and four external numbers.
 */
export function explorationConfig(mode: ConferenceMode): ConferenceConfig {
  return {
    mode,
    initialContactId: 'contact-0',
    caller: { kind: 'caller', id: 'caller', displayName: 'Customer', number: '+13125550100' },
    primaryAgent: { kind: 'agent', id: 'trainee', displayName: 'Trainee', quickConnectName: 'Trainee' },
    parties: [
      { kind: 'agent', id: 'manager', displayName: 'Manager', quickConnectName: 'Manager' },
      { kind: 'agent', id: 'underwriter', displayName: 'Underwriter', quickConnectName: 'Underwriting' },
      {
        kind: 'external',
        id: 'broker',
        displayName: 'Broker',
        number: '+13125550201',
        quickConnectName: 'Broker',
      },
      { kind: 'external', id: 'spouse', displayName: 'Spouse', number: '+13125550202' },
      { kind: 'external', id: 'translator', displayName: 'Translator', number: '+13125550203' },
      { kind: 'external', id: 'notary', displayName: 'Notary', number: '+13125550204' },
    ],
  };
}

/** What the exploration reports for each event it tries. */
export interface ExploredTransition {
  readonly from: ConferenceState;
  readonly event: ConferenceEvent;
  /** The next state; `from` itself when the event was refused. */
  readonly to: ConferenceState;
  readonly verdict: CheckResult;
}

/** Callbacks and bounds of an exploration. */
export interface ExplorationOptions {
  /** Called once for every reachable state. */
  readonly onState?: (state: ConferenceState) => void;
  /** Called for every event tried in every reachable state, accepted or refused. */
  readonly onTransition?: (transition: ExploredTransition) => void;
  /** Stops after this many states (a safety net; the model's state space is finite). */
  readonly maxStates?: number;
}

/** The size of the explored state space. */
export interface ExplorationResult {
  /** Distinct reachable states. */
  readonly states: number;
  /** Accepted events tried over all reachable states (edges of the state graph). */
  readonly transitions: number;
  /** Refused events tried over all reachable states. */
  readonly refusals: number;
  /** Whether `maxStates` cut the exploration short. */
  readonly truncated: boolean;
}

const stateCodes: Readonly<Record<LegState, string>> = {
  connecting: 'i',
  connected: 'c',
  hold: 'h',
  disconnected: 'x',
};
const statusCodes: Readonly<Record<AgentContactState, string>> = {
  incoming: 'I',
  connected: 'C',
  ended: 'E',
  cleared: 'X',
};

/**
 * The identity of a state for the exploration (see the module comment). Two more reductions keep
 * the state space small without changing what the rules can tell apart:
 * - a disconnected external leg, or a cleared agent leg, is left out: no rule reads it, and the
 *   party can be added again exactly as if it had never been on the call;
 * - external parties are interchangeable (the rules never read their numbers or names), and so
 *   are the secondary agents in multiparty mode (where no rule reads who added whom), so their
 *   legs are keyed without their IDs: states that differ only by which of them is where count once.
 *   In three-party mode secondary agents keep their IDs, since control (CONF-9a) names them.
 */
export function stateKey(state: ConferenceState): string {
  const threeParty = state.config.mode === 'three-party';
  const primary = state.config.primaryAgent.id;
  const named: string[] = [];
  const anonymous: string[] = [];
  for (const leg of state.legs) {
    if (leg.state === 'disconnected' && (leg.kind === 'external' || leg.agent?.status === 'cleared'))
      continue;
    const code = legCode(leg, threeParty);
    if (leg.kind === 'external' || (!threeParty && leg.kind === 'agent' && leg.party !== primary)) {
      anonymous.push(code);
    } else {
      named.push(`${leg.party}:${code}`);
    }
  }
  if (named.length > 1) named.sort();
  if (anonymous.length > 1) anonymous.sort();
  return `${state.phase}|${named.join(',')}|${anonymous.join(',')}`;
}

/** A leg's part of the state key. */
function legCode(leg: Leg, threeParty: boolean): string {
  let code = leg.kind[0] + stateCodes[leg.state] + (leg.muted ? 'm' : '');
  if (leg.agent !== null) code += statusCodes[leg.agent.status];
  if (threeParty) code += `<${leg.controlledBy ?? '*'}`;
  return code;
}

/**
 * Every event the exploration tries in a state: every agent action of every agent that has a leg
 * on every party with a live leg, `add` of every other party, and every scripted event of every
 * party with a leg. Parties without a leg are left out: everything they try is refused
 * (`not-on-call`, `no-such-participant`) before any rule is read.
 */
export function explorationEvents(state: ConferenceState): ReadonlyArray<ConferenceEvent> {
  const { config } = state;
  const time = 0;
  const events: ConferenceEvent[] = [];
  const parties = partiesOf(config);
  const live = state.legs.filter((leg) => leg.state !== 'disconnected').map((leg) => leg.party);
  for (const leg of state.legs) {
    if (leg.kind !== 'agent') continue;
    const actor = leg.party;
    for (const type of ['accept', 'hold-all', 'join', 'swap', 'leave', 'clear'] as const) {
      events.push({ type, actor, time });
    }
    events.push({ type: 'send-dtmf', actor, time, digits: '1' });
    for (const party of parties) {
      if (party.kind !== 'caller' && party.id !== actor)
        events.push({ type: 'add', actor, time, target: party.id });
    }
    for (const target of live) {
      for (const type of ['hold', 'resume', 'mute', 'unmute'] as const)
        events.push({ type, actor, time, target });
      if (target !== actor) events.push({ type: 'disconnect', actor, time, target });
    }
  }
  for (const leg of state.legs) {
    for (const type of ['answer', 'reject', 'no-answer', 'busy', 'fail', 'hang-up'] as const) {
      events.push({ type, actor: leg.party, time });
    }
  }
  return events;
}

/** Breadth-first exploration of every state reachable from the initial state of `config`. */
export function explore(config: ConferenceConfig, options: ExplorationOptions = {}): ExplorationResult {
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const start = initialState(config);
  const seen = new Set<string>([stateKey(start)]);
  let frontier: ConferenceState[] = [start];
  let transitions = 0;
  let refusals = 0;
  let truncated = false;
  while (frontier.length > 0) {
    const next: ConferenceState[] = [];
    for (const from of frontier) {
      options.onState?.(from);
      for (const event of explorationEvents(from)) {
        const { state: to, verdict } = transition(from, event);
        if (verdict.ok) transitions++;
        else refusals++;
        options.onTransition?.({ from, event, to, verdict });
        if (to === from) continue;
        const key = stateKey(to);
        if (seen.has(key)) continue;
        if (seen.size >= maxStates) {
          truncated = true;
          continue;
        }
        seen.add(key);
        next.push(to);
      }
    }
    frontier = next;
  }
  return { states: seen.size, transitions, refusals, truncated };
}

/**
 * The events random sequences choose from: every console command of every agent with a leg
 * (every quick connect and the number pad for `add`), and every scripted event of every party
 * with a leg.
 */
export function sequenceEvents(state: ConferenceState, time: number): ReadonlyArray<ConferenceEvent> {
  const events: ConferenceEvent[] = [];
  for (const leg of state.legs) {
    if (leg.kind !== 'agent') continue;
    for (const command of candidateCommands(state, leg.party)) {
      events.push(commandEvent(leg.party, command, time, '1,1#'));
    }
  }
  for (const leg of state.legs) {
    for (const type of scriptedEventNames) events.push({ type, actor: leg.party, time });
  }
  return events;
}

/**
 * Which events `pickEvent` chooses from: all of them, the accepted ones, or the accepted ones
 * that move a call forward (agent actions and answers, no hang-ups or missed offers).
 */
export type EventPool = 'any' | 'accepted' | 'forward';

/**
 * A deterministic choice of the next event for property tests and benchmarks: `choice` indexes
 * the events of `pool`, falling back to the wider pools when it is empty.
 */
export function pickEvent(
  state: ConferenceState,
  choice: number,
  pool: EventPool,
  time: number,
): ConferenceEvent {
  const all = sequenceEvents(state, time);
  let from = all;
  if (pool !== 'any') {
    const accepted = all.filter(
      (event) => check(state, event.actor, event.type, targetOf(event), viaOf(event)).ok,
    );
    const forward = pool === 'forward' ? accepted.filter(movesForward) : accepted;
    from = forward.length > 0 ? forward : accepted.length > 0 ? accepted : all;
  }
  return from[choice % from.length] as ConferenceEvent;
}

function movesForward(event: ConferenceEvent): boolean {
  return event.type === 'answer' || (agentActionNames as ReadonlyArray<string>).includes(event.type);
}
