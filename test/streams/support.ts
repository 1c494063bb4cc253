/**
 * The real, unmodified amazon-connect-streams release loaded into the test's happy-dom window,
 * wired as `initCCP` wires it but over an in-memory stream instead of the CCP iframe: a
 * `Conduit` whose upstream is the simulated CCP, bridged to Streams' own event bus, with an
 * `UpstreamConduitClient` for requests and Streams' own `AgentDataProvider` for snapshots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ConduitMessage } from '../../src/shared/streams';

// biome-ignore lint/suspicious/noExplicitAny: Streams is an untyped global library.
export type Connect = any;

let loaded: Connect | null = null;

/** Loads the release bundle once into this test file's window and returns `connect`. */
export function loadStreams(): Connect {
  if (loaded !== null) return loaded;
  const require = createRequire(import.meta.url);
  const path = require.resolve('amazon-connect-streams/release/connect-streams.js');
  // The bundle runs as a script in the window's global scope, as a <script> tag would run it.
  const script = new Function(readFileSync(path, 'utf8'));
  script();
  loaded = (globalThis as unknown as { connect: Connect }).connect;
  // Keep Streams' own logging (it logs every contact event) out of the test output.
  loaded.getLog().setEchoLevel(loaded.LogLevel.CRITICAL);
  return loaded;
}

/** A Streams page wired to a simulated CCP: what it sent upstream, and a way to send down. */
export interface StreamsPage {
  readonly connect: Connect;
  /** Delivers a message from the CCP to the page, as the iframe's postMessage would. */
  readonly deliver: (message: ConduitMessage) => void;
}

/**
 * Wires a fresh Streams core to `ccp`, which receives every upstream message and answers by
 * delivering messages (synchronously or later) through the returned page.
 */
export function wireStreams(ccp: (message: ConduitMessage, page: StreamsPage) => void): StreamsPage {
  const connect = loadStreams();
  const handlers: Array<(event: { data: ConduitMessage }) => void> = [];
  const page: StreamsPage = {
    connect,
    deliver: (message) => {
      for (const handler of handlers) handler({ data: message });
    },
  };
  const stream = {
    send: (message: ConduitMessage) => ccp(message, page),
    onMessage: (handler: (event: { data: ConduitMessage }) => void) => handlers.push(handler),
  };
  connect.core.eventBus?.unsubscribeAll?.();
  connect.core.eventBus = new connect.EventBus();
  const conduit = new connect.Conduit('simulated-ccp', stream, null);
  conduit.onAllUpstream(connect.core.getEventBus().bridge());
  connect.core.upstream = conduit;
  connect.core.client = new connect.UpstreamConduitClient(conduit);
  connect.core.agentDataProvider = new connect.core.AgentDataProvider(connect.core.getEventBus());
  connect.core.initialized = true;
  connect.agent.initialized = false;
  return page;
}

/** Calls a Streams method with callbacks and returns what the callbacks received. */
export function call(f: (callbacks: object) => void): { ok: boolean; value: unknown } {
  let outcome: { ok: boolean; value: unknown } | null = null;
  f({
    success: (value: unknown) => {
      outcome = { ok: true, value };
    },
    failure: (value: unknown) => {
      outcome = { ok: false, value };
    },
  });
  if (outcome === null) throw new Error('the simulated CCP did not answer');
  return outcome;
}
