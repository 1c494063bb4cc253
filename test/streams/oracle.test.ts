/**
 * The oracle: the real amazon-connect-streams, fed our snapshots through its own
 * AgentDataProvider, must report for every agent exactly what the engine says, in every state
 * of the exhaustive three-party exploration and in a large seeded multiparty sample.
 */
import { describe, expect, it } from 'vitest';
import {
  type ConferenceState,
  connectionList,
  contactIdOf,
  explorationConfig,
  explore,
  initialState,
  legOf,
  pickEvent,
  transition,
} from '../../src/shared/conference';
import { agentData, connectionIdOf } from '../../src/shared/streams';
import { type Connect, wireStreams } from './support';

const setting = { queueName: 'Mortgage Closings' };
const page = wireStreams(() => {});
const connect: Connect = page.connect;

/** What the engine says one agent sees, in Streams' words. */
function engineView(state: ConferenceState, agent: string) {
  const own = legOf(state, agent);
  const status = own?.agent?.status;
  if (own === undefined || status === undefined || status === 'cleared') return { contacts: [] };
  const contactId = contactIdOf(state, agent) as string;
  const items = connectionList(state, agent);
  const id = (party: string) => connectionIdOf(state.config, contactId, party);
  return {
    contacts: [
      {
        contactId,
        initialContactId: state.config.initialContactId,
        state: { incoming: 'connecting', connected: 'connected', ended: 'ended' }[status],
        multiparty: state.config.mode === 'multiparty',
        connections: [
          { id: id(agent), type: 'agent', state: own.state, hold: own.state === 'hold', mute: own.muted },
          ...items.map((item) => ({
            id: id(item.party),
            type: item.kind === 'caller' ? 'inbound' : 'outbound',
            state: item.state,
            hold: item.state === 'hold',
            mute: item.muted,
          })),
        ],
        initial: items.find((item) => item.kind === 'caller') ? id(state.config.caller.id) : null,
        thirdParty: items.filter((item) => item.kind !== 'caller').map((item) => id(item.party)),
        agentConnection: id(agent),
      },
    ],
  };
}

/** What Streams' own objects report after being fed the agent's snapshot. */
function streamsView(state: ConferenceState, agent: string, time: number) {
  const clock = { time, epoch: 1_700_000_000_000, wallNow: Date.now() };
  connect.core.getEventBus().trigger(connect.AgentEvents.UPDATE, agentData(state, agent, clock, setting));
  const streamsAgent = new connect.Agent();
  // biome-ignore lint/suspicious/noExplicitAny: Streams objects are untyped.
  const contacts = streamsAgent.getContacts().map((contact: any) => ({
    contactId: contact.getContactId(),
    initialContactId: contact.getInitialContactId(),
    state: contact.getState().type,
    multiparty: contact.isMultiPartyConferenceEnabled(),
    // biome-ignore lint/suspicious/noExplicitAny: Streams objects are untyped.
    connections: contact.getConnections().map((c: any) => ({
      id: c.getConnectionId(),
      type: c.getType(),
      state: c.getState().type,
      hold: c.isOnHold(),
      mute: c.isMute(),
    })),
    initial: contact.getInitialConnection()?.getConnectionId() ?? null,
    // biome-ignore lint/suspicious/noExplicitAny: Streams objects are untyped.
    thirdParty: contact.getThirdPartyConnections().map((c: any) => c.getConnectionId()),
    agentConnection: contact.getAgentConnection()?.getConnectionId(),
  }));
  expect(streamsAgent.getStateDuration()).toBeGreaterThanOrEqual(0);
  return { contacts };
}

const AGENTS = ['trainee', 'manager', 'underwriter'];

function checkState(state: ConferenceState, time: number): number {
  for (const agent of AGENTS) {
    const want = engineView(state, agent);
    const got = streamsView(state, agent, time);
    if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);
  }
  return AGENTS.length;
}

describe('the real Streams library agrees with the engine', () => {
  it('in every state of the exhaustive three-party exploration, for every agent', () => {
    let states = 0;
    let views = 0;
    const result = explore(explorationConfig('three-party'), {
      onState: (state) => {
        states++;
        views += checkState(state, 0);
      },
    });
    console.info(`streams oracle (three-party): ${states} states, ${views} agent views checked`);
    expect(result.truncated).toBe(false);
    expect(states).toBe(result.states);
  });

  it('in a large seeded multiparty sample, for every agent', () => {
    const SEQUENCES = 150;
    const LENGTH = 40;
    let seed = 20_261_202;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed;
    };
    const pools = ['forward', 'forward', 'forward', 'accepted', 'any'] as const;
    let views = 0;
    const seen = new Set<string>();
    for (let s = 0; s < SEQUENCES; s++) {
      let state = initialState(explorationConfig('multiparty'));
      let time = 0;
      for (let i = 0; i < LENGTH; i++) {
        time += 500 + (next() % 3000);
        const event = pickEvent(state, next(), pools[next() % pools.length] ?? 'any', time);
        state = transition(state, event).state;
        seen.add(
          JSON.stringify(state.legs.map((leg) => [leg.party, leg.state, leg.muted, leg.agent?.status])),
        );
        views += checkState(state, time);
      }
    }
    console.info(
      `streams oracle (multiparty): ${SEQUENCES * LENGTH} states sampled (${seen.size} distinct), ${views} agent views checked`,
    );
    // CCP-10 and CCP-12 leave fewer moves per state: the 6,000 draws reach some 480 distinct states.
    expect(seen.size).toBeGreaterThan(400);
  });
});
