/**
 * The app's end of the simulated CCP (src/renderer/src/desktop/ccp-bridge.ts) with the real
 * Streams library on the other side of a relay, against the app's own play session (live clock,
 * journal): the mortgage closing played only through the Streams API writes the same journal as
 * the reference solution played as the console's commands, and scores the same. Messages from
 * any other origin or window are not read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectCcp } from '../../src/renderer/src/desktop/ccp-bridge';
import { PlaySession } from '../../src/renderer/src/session/play-session';
import {
  actionsToInputs,
  runSession,
  type Scenario,
  ScenarioSchema,
  type SessionRecord,
} from '../../src/shared/scenario';
import { scoreSession } from '../../src/shared/scoring/scorer';
import type { ConduitMessage } from '../../src/shared/streams';
import { type Connect, call, wireStreams } from './support';

const CCP = 'desktop://ccp';
const scenario: Scenario = ScenarioSchema.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../resources/scenarios/mortgage-closing.json'), 'utf8'),
  ),
);

type Listener = (event: { origin: string; source: unknown; data: unknown }) => void;

/** The app's play session with the bridge, a relay standing for the CCP page, and Streams. */
function appWithDesktop(seed: number) {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let nextTimer = 0;
  const timers = {
    set: (run: () => void, ms: number) => {
      pending.set(++nextTimer, { at: now + ms, run });
      return nextTimer;
    },
    clear: (handle: unknown) => pending.delete(handle as number),
  };
  /** Runs the wall clock to `seconds`, firing the session's timers on the way. */
  const runTo = (seconds: number) => {
    const end = seconds * 1000;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = end;
  };
  const journal: SessionRecord[] = [];
  let finished = false;
  const session = new PlaySession({
    scenario,
    attemptId: '00000000-0000-4000-8000-000000000001',
    seed,
    mode: 'assessment',
    player: null,
    clock: () => now,
    timers,
    journal: {
      append: async (_id, records) => {
        journal.push(...records);
      },
      finish: async () => {
        finished = true;
        return {} as never;
      },
    },
  });
  // The CCP page's window, a frame inside the desktop's window: it relays down to Streams.
  const sentDown: Array<{ message: ConduitMessage; origin: string }> = [];
  let page: { deliver: (message: ConduitMessage) => void } | null = null;
  const ccpWindow = {
    frames: { length: 0 },
    postMessage: (data: { cctConduit: string; message: ConduitMessage }, origin: string) => {
      sentDown.push({ message: data.message, origin });
      if (data.cctConduit === 'down') page?.deliver(data.message);
    },
  };
  const desktopWindow = { frames: Object.assign([ccpWindow], { length: 1 }) };
  let listener: Listener | null = null;
  const host = {
    addEventListener: (_type: string, f: Listener) => {
      listener = f;
    },
    removeEventListener: () => {
      listener = null;
    },
  };
  const post = (data: unknown, origin = CCP, source: unknown = ccpWindow) =>
    listener?.({ origin, source, data });
  let connected = 0;
  const disconnect = connectCcp({
    session,
    desktopWindow: () => desktopWindow as unknown as Window,
    ccpOrigin: CCP,
    host: host as unknown as Window,
    now: () => 1_700_000_000_000 + now,
    onConnected: () => {
      connected++;
      session.start();
    },
  });
  const streams = wireStreams((message) => post({ cctConduit: 'up', message }));
  page = streams;
  const connect: Connect = streams.connect;
  return {
    session,
    connect,
    journal,
    sentDown,
    post,
    runTo,
    disconnect,
    connected: () => connected,
    finished: () => finished,
    hello: () => post({ cctConduit: 'hello' }),
  };
}

describe('the app’s simulated CCP over the live play session', () => {
  it('reads no message of another origin or window; hello is acknowledged with the agent’s state', () => {
    const app = appWithDesktop(1);
    app.post({ cctConduit: 'hello' }, 'https://evil.example');
    app.post({ cctConduit: 'hello' }, CCP, { frames: { length: 0 } });
    app.post({ cctConduit: 'hello' }, CCP, null);
    expect(app.sentDown).toEqual([]);
    expect(app.connected()).toBe(0);
    expect(app.session.getSnapshot().running).toBe(false);
    app.hello();
    expect(app.connected()).toBe(1);
    expect(app.sentDown.map((m) => [m.message.event, m.origin])).toEqual([
      ['acknowledge', CCP],
      ['agent::update', CCP],
    ]);
    // Streams' keep-alive is answered.
    app.post({ cctConduit: 'up', message: { event: 'synchronize', data: null } });
    expect(app.sentDown.at(-1)?.message.event).toBe('acknowledge');
    // After disconnecting, nothing is read or sent.
    app.disconnect();
    const before = app.sentDown.length;
    app.hello();
    expect(app.sentDown.length).toBe(before);
  });

  it('the mortgage closing through Streams writes the reference solution’s journal and score', async () => {
    const app = appWithDesktop(scenario.reference.seed);
    app.hello();
    const agent = () => new app.connect.Agent();
    const contact = () => agent().getContacts()[0];
    const ok = (result: { ok: boolean; value: unknown }) => expect(result).toMatchObject({ ok: true });
    const quickConnect = (name: string) => {
      const result = call((cb) => agent().getEndpoints(agent().getAllQueueARNs(), cb)) as {
        value: { endpoints: Array<{ name: string }> };
      };
      return result.value.endpoints.find((e) => e.name === name);
    };
    app.runTo(3);
    // The offer reached Streams by the session's own timer, not by a request.
    expect(contact().getState().type).toBe('connecting');
    ok(call((cb) => contact().accept(cb)));
    app.runTo(20);
    ok(call((cb) => contact().addConnection(quickConnect('Brooks Mortgage Brokers'), cb)));
    app.runTo(40);
    ok(call((cb) => contact().conferenceConnections(cb)));
    app.runTo(62);
    ok(call((cb) => contact().addConnection(app.connect.Endpoint.byPhoneNumber('+13125550163'), cb)));
    app.runTo(84);
    ok(call((cb) => contact().conferenceConnections(cb)));
    app.runTo(104);
    ok(call((cb) => contact().addConnection(quickConnect('Spanish interpreter line'), cb)));
    app.runTo(124);
    ok(call((cb) => contact().conferenceConnections(cb)));
    app.runTo(146);
    ok(call((cb) => contact().addConnection(quickConnect('Priya Nair (Lending manager)'), cb)));
    app.runTo(172);
    ok(call((cb) => contact().conferenceConnections(cb)));
    app.runTo(204);
    const interpreter = contact()
      .getConnections()
      .find((c: Connect) => c.getEndpoint().name === 'Spanish interpreter line');
    ok(call((cb) => interpreter.destroy(cb)));
    app.runTo(214);
    ok(call((cb) => contact().getAgentConnection().destroy(cb)));
    app.runTo(218);
    ok(call((cb) => contact().clear(cb)));
    app.runTo(scenario.endAfter + 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.session.getSnapshot().director.ended).toBe(true);

    const reference = runSession(
      scenario,
      scenario.reference.seed,
      actionsToInputs(scenario.reference.actions),
    );
    expect(app.journal).toEqual(reference.log.records);
    expect(app.finished()).toBe(true);
    const log = { ...reference.log, records: app.journal };
    expect(scoreSession(scenario, log).result).toEqual(scoreSession(scenario, reference.log).result);
  });
});
