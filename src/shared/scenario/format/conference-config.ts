/**
 * From a scenario to the conference engine's configuration: who calls, who takes the call, who
 * can be added, through which quick connects, and the contact ID the call starts with.
 */
import type {
  AgentParty,
  CallerParty,
  ConferenceConfig,
  ExternalParty,
  QuickConnect,
} from '../../conference';
import { uuidV5 } from '../../digest';
import type { Scenario, ScenarioParty } from './schema';

/** A scenario that cannot become a call: no caller, or a primary agent that is not an agent party. */
export class ScenarioShapeError extends Error {
  override readonly name = 'ScenarioShapeError';
}

/** The initial contact IDs computed so far, by scenario id. */
const initialContactIds = new Map<string, string>();

/**
 * The contact ID a scenario's call starts with: a name-based UUID of the scenario id, so that
 * every session of a scenario has the same contact-ID chain (CONF-15) and logs replay exactly.
 */
export function initialContactIdOf(scenarioId: string): string {
  // Remembered per id: every replay and every scoring of a session asks for it again.
  let id = initialContactIds.get(scenarioId);
  if (id === undefined) {
    id = uuidV5(`scenario:${scenarioId}`);
    if (initialContactIds.size >= 1000) initialContactIds.clear();
    initialContactIds.set(scenarioId, id);
  }
  return id;
}

function callerOf(party: Extract<ScenarioParty, { kind: 'caller' }>): CallerParty {
  return { kind: 'caller', id: party.id, displayName: party.name, number: party.number };
}

function agentOf(party: Extract<ScenarioParty, { kind: 'agent' }>): AgentParty {
  return { kind: 'agent', id: party.id, displayName: party.name, quickConnectName: party.quickConnect };
}

function externalOf(party: Extract<ScenarioParty, { kind: 'external' }>): ExternalParty {
  return party.quickConnect === undefined
    ? { kind: 'external', id: party.id, displayName: party.name, number: party.number }
    : {
        kind: 'external',
        id: party.id,
        displayName: party.name,
        number: party.number,
        quickConnectName: party.quickConnect,
      };
}

function digitsOf(number: string): string {
  return number.replace(/[^\d+]/g, '');
}

/**
 * The instance's quick connects that reach a party of the scenario and are not already implied
 * by a party's own `quickConnect` (every agent has an agent quick connect by that name, every
 * external party with one a phone-number quick connect):
 * - an agent quick connect reaches the agent party whose id, name or quick connect it names;
 * - a phone-number quick connect reaches the external party with that number.
 * A queue quick connect names no agent in the scenario format, so the agent it would route to
 * is unknown here; an agent party reached through a queue gives its `quickConnect` that name.
 */
function extraQuickConnects(
  scenario: Scenario,
  agents: ReadonlyArray<AgentParty>,
  externals: ReadonlyArray<ExternalParty>,
): ReadonlyArray<QuickConnect> {
  const implied = new Set<string>();
  for (const agent of agents) implied.add(agent.quickConnectName);
  for (const external of externals) if (external.quickConnectName) implied.add(external.quickConnectName);
  const extra: QuickConnect[] = [];
  for (const qc of scenario.call.instance.quickConnects) {
    if (implied.has(qc.name)) continue;
    if (qc.type === 'agent') {
      const agent = agents.find(
        (a) => a.id === qc.agent || a.displayName === qc.agent || a.quickConnectName === qc.agent,
      );
      if (agent !== undefined) extra.push({ name: qc.name, type: 'agent', target: agent.id });
    } else if (qc.type === 'phone-number') {
      const external = externals.find((e) => digitsOf(e.number) === digitsOf(qc.number));
      if (external !== undefined) extra.push({ name: qc.name, type: 'phone-number', target: external.id });
    }
  }
  return extra;
}

/**
 * The conference configuration of a scenario: the mode; the caller; the primary agent
 * (`call.primaryAgent`, a scripted agent when the trainee is secondary); every other agent and
 * external party in the order the scenario lists them; the instance's quick connects that reach
 * them; Contact Lens; the instance's country, which the number pad reads national numbers in
 * (CCP-11); and the initial contact ID derived from the scenario id.
 *
 * Throws `ScenarioShapeError` when the scenario has no caller or its primary agent is not an
 * agent party; validation reports both before a scenario is played.
 */
export function conferenceConfigOf(scenario: Scenario): ConferenceConfig {
  const callerParty = scenario.parties.find((party) => party.kind === 'caller');
  if (callerParty?.kind !== 'caller') throw new ScenarioShapeError(`scenario ${scenario.id} has no caller`);
  const primaryParty = scenario.parties.find((party) => party.id === scenario.call.primaryAgent);
  if (primaryParty?.kind !== 'agent') {
    throw new ScenarioShapeError(
      `scenario ${scenario.id}: call.primaryAgent "${scenario.call.primaryAgent}" is not an agent party`,
    );
  }
  const primaryAgent = agentOf(primaryParty);
  const parties: Array<AgentParty | ExternalParty> = [];
  for (const party of scenario.parties) {
    if (party === callerParty || party === primaryParty) continue;
    if (party.kind === 'agent') parties.push(agentOf(party));
    else if (party.kind === 'external') parties.push(externalOf(party));
  }
  const agents = [primaryAgent, ...parties.filter((p): p is AgentParty => p.kind === 'agent')];
  const externals = parties.filter((p): p is ExternalParty => p.kind === 'external');
  return {
    mode: scenario.call.mode,
    initialContactId: initialContactIdOf(scenario.id),
    caller: callerOf(callerParty),
    primaryAgent,
    parties,
    quickConnects: extraQuickConnects(scenario, agents, externals),
    contactLens: scenario.call.contactLens,
    country: scenario.call.instance.country, // CCP-11: the number pad's preset country
  };
}
