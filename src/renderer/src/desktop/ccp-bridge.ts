/**
 * The app's end of the simulated CCP: the user's agent desktop (an iframe of its own origin)
 * frames the simulated CCP page, which relays Streams' conduit messages to this window. Here
 * they are answered against the live play session, through the same `session.act` the console's
 * buttons use, so the journal, the cues and the score are the console's.
 */
import type { DirectorState } from '@shared/scenario';
import { agentUpdate, type ConduitMessage, ccpHandle } from '@shared/streams';
import type { PlaySession } from '../session/play-session';

/** The relay's envelope (see `ccpRelayScript` in src/main/desktop/protocol.ts). */
type Envelope =
  | { readonly cctConduit: 'hello' }
  | { readonly cctConduit: 'up'; readonly message: ConduitMessage }
  | { readonly cctConduit: 'down'; readonly message: ConduitMessage };

/** What the bridge needs: the session, the desktop's window, the CCP origin, the wall clock. */
export interface CcpBridgeOptions {
  readonly session: PlaySession;
  /** The desktop iframe's window (the CCP page is a frame inside it). */
  readonly desktopWindow: () => Window | null;
  /** The only origin whose messages are read, and to which answers are sent. */
  readonly ccpOrigin: string;
  /** Called when the CCP page says hello (the desktop called `initCCP`). */
  readonly onConnected?: () => void;
  /** Wall-clock milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** The window to listen on (default `window`). */
  readonly host?: Window;
}

/** True when `source` is a frame inside `root` (at any depth), never `root` itself. */
function isFrameInside(root: Window | null, source: unknown): boolean {
  if (root === null || source === null) return false;
  const search = (win: Window, depth: number): boolean => {
    if (depth > 3) return false;
    for (let i = 0; i < win.frames.length; i++) {
      const frame = win.frames[i];
      if (frame === undefined) continue;
      if (frame === source || search(frame, depth + 1)) return true;
    }
    return false;
  };
  return search(root, 0);
}

function isEnvelope(data: unknown): data is Envelope {
  if (typeof data !== 'object' || data === null) return false;
  const kind = (data as { cctConduit?: unknown }).cctConduit;
  if (kind === 'hello') return true;
  if (kind !== 'up') return false;
  const message = (data as { message?: unknown }).message;
  return (
    typeof message === 'object' && message !== null && typeof (message as ConduitMessage).event === 'string'
  );
}

/**
 * Connects the simulated CCP to the session; returns the function that disconnects it. Every
 * change of the call (a scripted party, the trainee's own action) sends the viewing agent's
 * `agent::update`; Streams' requests are answered as the CCP answers them.
 */
export function connectCcp(options: CcpBridgeOptions): () => void {
  const { session, ccpOrigin } = options;
  const host = options.host ?? window;
  const now = options.now ?? (() => Date.now());
  // Dates in the snapshots: the session's start on the wall clock plus simulated time.
  const epoch = now() - session.time;
  const clock = () => ({ epoch, wallNow: now() });
  let port: MessageEventSource | null = null;
  let handling = false;
  let sent: DirectorState['conference'] | null = null;

  const send = (message: ConduitMessage) => {
    if (port === null) return;
    (port as Window).postMessage({ cctConduit: 'down', message } satisfies Envelope, ccpOrigin);
  };
  const sendUpdate = (director: DirectorState) => {
    sent = director.conference;
    send(agentUpdate(director, clock()));
  };

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== ccpOrigin || !isFrameInside(options.desktopWindow(), event.source)) return;
    if (!isEnvelope(event.data)) return;
    if (event.data.cctConduit === 'hello') {
      port = event.source;
      send({ event: 'acknowledge', data: { id: 'simulated-ccp' } });
      sendUpdate(session.getSnapshot().director);
      options.onConnected?.();
      return;
    }
    if (event.source !== port) return;
    const message = event.data.message;
    if (message.event === 'synchronize') {
      send({ event: 'acknowledge', data: { id: 'simulated-ccp' } });
      return;
    }
    handling = true;
    try {
      const result = ccpHandle(session.getSnapshot().director, message, clock(), (input) => {
        const records = session.act(input);
        return { director: session.getSnapshot().director, records };
      });
      for (const reply of result.replies) {
        if (reply.event === 'agent::update') sent = session.getSnapshot().director.conference;
        send(reply);
      }
    } finally {
      handling = false;
    }
  };

  const unsubscribe = session.subscribe(() => {
    if (handling) return;
    const { director } = session.getSnapshot();
    if (director.conference !== sent) sendUpdate(director);
  });
  host.addEventListener('message', onMessage);
  return () => {
    host.removeEventListener('message', onMessage);
    unsubscribe();
    port = null;
  };
}
