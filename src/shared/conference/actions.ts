/**
 * The actions an agent could take now, with their targets, as the console lists them. Whether
 * each is allowed is `check`'s answer; this module only enumerates the candidates.
 */
import { check } from './check';
import { buildEvent } from './entry';
import { quickConnectsOf } from './model';
import type {
  AddVia,
  AgentActionName,
  CheckResult,
  ConferenceEvent,
  ConferenceState,
  PartyId,
} from './types';

/** An agent action with its target (and, for `add`, its route), without time or actor. */
export interface AgentCommand {
  readonly action: AgentActionName;
  readonly target: PartyId | null;
  readonly via: AddVia | null;
}

/** A candidate action and `check`'s verdict on it, for buttons and their explanations. */
export interface ActionOption extends AgentCommand {
  readonly result: CheckResult;
}

const untargeted: ReadonlyArray<AgentActionName> = [
  'accept',
  'hold-all',
  'join',
  'swap',
  'leave',
  'send-dtmf',
  'clear',
];
const onLegs: ReadonlyArray<AgentActionName> = ['hold', 'resume', 'mute', 'unmute', 'disconnect'];

/**
 * Every action an agent's console offers in this state, allowed or not: the untargeted ones,
 * hold/resume/mute/unmute/disconnect on every party with a live leg (the agent included, but
 * neither hold nor disconnect on the agent's own leg: CCP-10, CCP-7), and
 * `add` through every quick connect and through the number pad for every known number.
 */
export function candidateCommands(state: ConferenceState, agent: PartyId): ReadonlyArray<AgentCommand> {
  const commands: AgentCommand[] = untargeted.map((action) => ({ action, target: null, via: null }));
  for (const leg of state.legs) {
    if (leg.state === 'disconnected') continue;
    for (const action of onLegs) {
      // CCP-10, CCP-7: the console offers hold and disconnect only on the other connections.
      if ((action === 'disconnect' || action === 'hold') && leg.party === agent) continue;
      commands.push({ action, target: leg.party, via: null });
    }
  }
  for (const qc of quickConnectsOf(state.config)) {
    if (qc.target === agent) continue;
    commands.push({ action: 'add', target: qc.target, via: { kind: 'quick-connect', name: qc.name } });
  }
  for (const party of state.config.parties) {
    if (party.kind === 'external') {
      commands.push({ action: 'add', target: party.id, via: { kind: 'number-pad', number: party.number } });
    }
  }
  return commands;
}

/** Every candidate action of an agent with `check`'s verdict. */
export function actionOptions(state: ConferenceState, agent: PartyId): ReadonlyArray<ActionOption> {
  return candidateCommands(state, agent).map((command) => ({
    ...command,
    result: check(state, agent, command.action, command.target ?? undefined, command.via ?? undefined),
  }));
}

/** The actions an agent may take now, with their targets: what the console enables. */
export function availableActions(state: ConferenceState, agent: PartyId): ReadonlyArray<AgentCommand> {
  return actionOptions(state, agent)
    .filter((option) => option.result.ok)
    .map(({ action, target, via }) => ({ action, target, via }));
}

/** The event for a command, as the console sends it. `digits` is required for `send-dtmf`. */
export function commandEvent(
  actor: PartyId,
  command: AgentCommand,
  time: number,
  digits = '',
): ConferenceEvent {
  return buildEvent(actor, time, command.action, {
    ...(command.target === null ? {} : { target: command.target }),
    ...(command.via === null ? {} : { via: command.via }),
    digits,
  });
}
