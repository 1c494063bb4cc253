/**
 * Whole bundled scenarios driven only through the Streams API of the real library, against the
 * simulated CCP (`ccpReceive` over the director): the session log and the score must equal
 * those of the scenario's reference solution played as the console's commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionsToInputs,
  advanceTo,
  type DirectorState,
  nextDueTime,
  runSession,
  type Scenario,
  ScenarioSchema,
  sessionLogOf,
  startDirector,
} from '../../src/shared/scenario';
import { scoreSession } from '../../src/shared/scoring/scorer';
import { agentUpdate, ccpReceive } from '../../src/shared/streams';
import { type Connect, call, wireStreams } from './support';

function bundled(name: string): Scenario {
  const path = join(import.meta.dirname, '../../resources/scenarios', name);
  return ScenarioSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

const clock = { epoch: 1_700_000_000_000, wallNow: 1_700_000_000_000 };

/** A desktop session: Streams wired to the simulated CCP over a director, on a simulated clock. */
function desktopSession(scenario: Scenario, seed: number) {
  let director: DirectorState = startDirector(scenario, seed).state;
  let now = 0;
  const page = wireStreams((message, p) => {
    const result = ccpReceive(director, message, now, clock);
    director = result.director;
    for (const reply of result.replies) p.deliver(reply);
  });
  const connect: Connect = page.connect;
  const tick = (seconds: number) => {
    now = seconds * 1000;
    director = advanceTo(director, now).state;
    page.deliver(agentUpdate(director, clock));
  };
  tick(0);
  const agent = () => new connect.Agent();
  const contact = () => agent().getContacts()[0];
  const quickConnect = (name: string) => {
    const result = call((cb) => agent().getEndpoints(agent().getAllQueueARNs(), cb)) as {
      value: { endpoints: Array<{ name: string }> };
    };
    const endpoint = result.value.endpoints.find((e) => e.name === name);
    if (endpoint === undefined) throw new Error(`no quick connect ${name}`);
    return endpoint;
  };
  const connectionNamed = (name: string) =>
    contact()
      .getConnections()
      .find((c: Connect) => c.getEndpoint().name === name);
  const finish = () => {
    while (!director.ended) {
      const due = nextDueTime(director);
      if (due === null) break;
      director = advanceTo(director, due).state;
    }
    return sessionLogOf(director);
  };
  return { connect, tick, agent, contact, call, quickConnect, connectionNamed, finish };
}

function expectSameAsReference(scenario: Scenario, log: ReturnType<typeof sessionLogOf>) {
  const reference = runSession(
    scenario,
    scenario.reference.seed,
    actionsToInputs(scenario.reference.actions),
  );
  expect(log).toEqual(reference.log);
  const viaStreams = scoreSession(scenario, log).result;
  const viaConsole = scoreSession(scenario, reference.log).result;
  expect(viaStreams).toEqual(viaConsole);
  expect(viaStreams.passed).toBe(true);
  return viaStreams;
}

describe('a desktop on Streams plays bundled scenarios as the console does', () => {
  it('the mortgage closing (multiparty): same log and same score as the reference solution', () => {
    const scenario = bundled('mortgage-closing.json');
    const d = desktopSession(scenario, scenario.reference.seed);
    const ok = (result: { ok: boolean; value: unknown }) => expect(result).toMatchObject({ ok: true });
    d.tick(3);
    expect(d.contact().getState().type).toBe('connecting');
    ok(d.call((cb) => d.contact().accept(cb)));
    d.tick(20);
    ok(d.call((cb) => d.contact().addConnection(d.quickConnect('Brooks Mortgage Brokers'), cb)));
    d.tick(40);
    ok(d.call((cb) => d.contact().conferenceConnections(cb)));
    d.tick(62);
    const spouse = d.connect.Endpoint.byPhoneNumber('+13125550163');
    ok(d.call((cb) => d.contact().addConnection(spouse, cb)));
    d.tick(84);
    ok(d.call((cb) => d.contact().conferenceConnections(cb)));
    d.tick(104);
    ok(d.call((cb) => d.contact().addConnection(d.quickConnect('Spanish interpreter line'), cb)));
    d.tick(124);
    ok(d.call((cb) => d.contact().conferenceConnections(cb)));
    d.tick(146);
    ok(d.call((cb) => d.contact().addConnection(d.quickConnect('Priya Nair (Lending manager)'), cb)));
    d.tick(172);
    ok(d.call((cb) => d.contact().conferenceConnections(cb)));
    expect(d.contact().getThirdPartyConnections()).toHaveLength(4);
    expect(d.contact().isMultiPartyConferenceEnabled()).toBe(true);
    d.tick(204);
    ok(d.call((cb) => d.connectionNamed('Spanish interpreter line').destroy(cb)));
    d.tick(214);
    ok(d.call((cb) => d.contact().getAgentConnection().destroy(cb)));
    expect(d.contact().getState().type).toBe('ended');
    d.tick(218);
    ok(d.call((cb) => d.contact().clear(cb)));
    expect(d.agent().getContacts()).toHaveLength(0);
    const score = expectSameAsReference(scenario, d.finish());
    console.info(`mortgage closing through Streams: ${score.raw}/${score.max}, passed`);
  });

  it('the warm transfer with swap (three-party): same log and same score as the reference solution', () => {
    const scenario = bundled('warm-transfer-swap.json');
    const d = desktopSession(scenario, scenario.reference.seed);
    d.tick(2);
    d.call((cb) => d.contact().accept(cb));
    d.tick(16);
    d.call((cb) => d.contact().addConnection(d.quickConnect('Dana Ortiz (Claims)'), cb));
    d.tick(34);
    expect(d.contact().getInitialConnection().isOnHold()).toBe(true);
    d.call((cb) => d.contact().toggleActiveConnections(cb));
    expect(d.contact().getInitialConnection().isOnHold()).toBe(false);
    expect(d.contact().getThirdPartyConnections()[0].isOnHold()).toBe(true);
    d.tick(44);
    d.call((cb) => d.contact().toggleActiveConnections(cb));
    d.tick(52);
    d.call((cb) => d.contact().conferenceConnections(cb));
    d.tick(64);
    d.call((cb) => d.contact().getAgentConnection().destroy(cb));
    d.tick(68);
    d.call((cb) => d.contact().clear(cb));
    expectSameAsReference(scenario, d.finish());
  });

  it('a refused action (swap with four parties, CONF-4) reaches the failure callback with its rule', () => {
    const scenario = bundled('mortgage-closing.json');
    const d = desktopSession(scenario, scenario.reference.seed);
    d.tick(3);
    d.call((cb) => d.contact().accept(cb));
    d.tick(20);
    d.call((cb) => d.contact().addConnection(d.quickConnect('Brooks Mortgage Brokers'), cb));
    d.tick(40);
    d.call((cb) => d.contact().conferenceConnections(cb));
    d.tick(62);
    d.call((cb) => d.contact().addConnection(d.connect.Endpoint.byPhoneNumber('+13125550163'), cb));
    d.tick(84);
    const refused = d.call((cb) => d.contact().toggleActiveConnections(cb));
    expect(refused.ok).toBe(false);
    const err = JSON.parse(refused.value as string);
    expect(err).toMatchObject({ type: 'IllegalState', reason: 'swap-unavailable', rule: 'CONF-4' });
    expect(err.message).toContain(err.rule);
    const log = d.finish();
    const swap = log.records.find((r) => r.kind === 'event' && r.entry.type === 'swap');
    expect(swap).toMatchObject({ entry: { result: { status: 'refused', rule: err.rule } } });
  });

  it('agent.mute() mutes the own line, echoes agent::mute_toggle and shows in the agent connection', () => {
    const scenario = bundled('mortgage-closing.json');
    const d = desktopSession(scenario, 1);
    d.tick(3);
    d.call((cb) => d.contact().accept(cb));
    const toggles: unknown[] = [];
    d.agent().onMuteToggle((e: unknown) => toggles.push(e));
    d.tick(5);
    d.agent().mute();
    expect(toggles).toEqual([{ muted: true }]);
    expect(d.contact().getAgentConnection().isMute()).toBe(true);
    d.agent().unmute();
    expect(d.contact().getAgentConnection().isMute()).toBe(false);
  });

  it('an unsupported request (agent state change) fails with a clear error', () => {
    const scenario = bundled('mortgage-closing.json');
    const d = desktopSession(scenario, 1);
    const states = d.agent().getAgentStates();
    const result = d.call((cb) => d.agent().setState(states[0], cb));
    expect(result.ok).toBe(false);
    expect(JSON.parse(result.value as string)).toMatchObject({ type: 'UnsupportedOperation' });
  });
});
