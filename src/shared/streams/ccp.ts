/**
 * The simulated CCP's side of the conduit: it takes what a desktop's Streams sends upstream
 * (`api_request`s and broadcasts), plays the actions through the scenario director as the
 * trainee's inputs (exactly as the built-in console does), and says what goes back down:
 * `api_response`s, broadcast echoes, `agent::mute_toggle`, and `agent::update` snapshots.
 */
import type { DirectorState, SessionRecord, TraineeInput } from '../scenario';
import { applyInput } from '../scenario';
import { errorText, muteCommand, refusalError, streamsRequest, unsupportedError } from './requests';
import { agentData } from './snapshot';
import type { StreamsClock, StreamsCommand, StreamsSetting } from './types';

/** One conduit message: Streams' `{event, data}`. */
export interface ConduitMessage {
  readonly event: string;
  readonly data: unknown;
}

/** What the CCP did with one upstream message. */
export interface CcpResult {
  readonly director: DirectorState;
  /** The messages to send down to the desktop, in order (an `agent::update` last when state changed). */
  readonly replies: ReadonlyArray<ConduitMessage>;
  /** The session records the message produced. */
  readonly records: ReadonlyArray<SessionRecord>;
}

/** The Streams setting of a scenario: its queue (else the instance's first) and first routing profile. */
export function settingOf(director: DirectorState): StreamsSetting {
  const { call } = director.scenario;
  const queueName = call.queue ?? call.instance.queues[0]?.name ?? 'Inbound';
  const profile = call.instance.routingProfiles[0]?.name;
  return profile === undefined ? { queueName } : { queueName, routingProfileName: profile };
}

/** The `agent::update` message of the trainee at the director's time. */
export function agentUpdate(director: DirectorState, clock: Omit<StreamsClock, 'time'>): ConduitMessage {
  return {
    event: 'agent::update',
    data: agentData(
      director.conference,
      director.trainee,
      { ...clock, time: director.time },
      settingOf(director),
    ),
  };
}

/** A command as the trainee's input, without its time: the host stamps it. */
export type CcpInput = Omit<Extract<TraineeInput, { kind: 'action' }>, 'time'>;

/**
 * How a host plays the trainee's input: the app's live session (the console's own path), or a
 * test's director at a chosen time. It answers with the director after the input and the
 * records the input produced.
 */
export type CcpPlay = (input: CcpInput) => {
  readonly director: DirectorState;
  readonly records: ReadonlyArray<SessionRecord>;
};

/**
 * Handles one message the desktop's Streams sent upstream at simulated `time`, playing actions
 * on `director` with `applyInput` (see `ccpHandle` for what it answers).
 */
export function ccpReceive(
  director: DirectorState,
  message: ConduitMessage,
  time: number,
  clock: Omit<StreamsClock, 'time'>,
): CcpResult {
  return ccpHandle(director, message, clock, (input) => {
    const result = applyInput(director, { ...input, time });
    return { director: result.state, records: result.records };
  });
}

/**
 * Handles one message the desktop's Streams sent upstream, with `play` playing the trainee's
 * actions (`director` is the state before the message):
 * - `api_request`: answered with an `api_response` carrying `data` or the CCP's `err` text; an
 *   action is played as the trainee's input and a refused one answered with its reason and rule;
 * - `broadcast` of `mute`: the trainee mutes or unmutes their own line, and the CCP answers with
 *   `agent::mute_toggle`; every broadcast is echoed back, as the CCP echoes it to every tab;
 * - anything else is ignored (Streams also sends logs and metrics upstream).
 * An `agent::update` follows whenever the conference changed.
 */
export function ccpHandle(
  director: DirectorState,
  message: ConduitMessage,
  clock: Omit<StreamsClock, 'time'>,
  play: CcpPlay,
): CcpResult {
  const data = (typeof message.data === 'object' && message.data !== null ? message.data : {}) as Record<
    string,
    unknown
  >;
  if (message.event === 'broadcast') {
    const echo: ConduitMessage = { event: String(data.event), data: data.data ?? null };
    if (data.event !== 'mute') return { director, replies: [echo], records: [] };
    const played = playCommand(director, muteCommand(director.trainee, data.data), play);
    const replies: ConduitMessage[] = [echo];
    if (played.error === null) {
      const muted = director.conference.legs.find((leg) => leg.party === director.trainee)?.muted;
      const after = played.director.conference.legs.find((leg) => leg.party === director.trainee)?.muted;
      replies.push({ event: 'agent::mute_toggle', data: { muted: after ?? muted ?? false } });
    }
    replies.push(agentUpdate(played.director, clock));
    return { director: played.director, replies, records: played.records };
  }
  if (message.event !== 'api_request') return { director, replies: [], records: [] };
  const requestId = data.requestId;
  const method = String(data.method);
  const respond = (body: { data?: unknown; err?: string }): ConduitMessage => ({
    event: 'api_response',
    data: { event: 'api_response', requestId, data: body.data ?? null, err: body.err ?? null },
  });
  const answer = streamsRequest(director.conference, director.trainee, method, data.params);
  if (answer.kind === 'data') return { director, replies: [respond({ data: answer.data })], records: [] };
  if (answer.kind === 'error')
    return { director, replies: [respond({ err: errorText(answer.error) })], records: [] };
  const played = playCommand(director, answer.command, play);
  const replies = [
    played.error === null ? respond({ data: {} }) : respond({ err: played.error }),
    agentUpdate(played.director, clock),
  ];
  return { director: played.director, replies, records: played.records };
}

/**
 * Plays a command as the trainee's input. `reject` is no input of the console (the built-in
 * console cannot turn an offer down either), so it is answered as unsupported in a session.
 */
function playCommand(
  director: DirectorState,
  command: StreamsCommand,
  play: CcpPlay,
): { director: DirectorState; records: ReadonlyArray<SessionRecord>; error: string | null } {
  if (command.action === 'reject') {
    return { director, records: [], error: errorText(unsupportedError('rejectContact in a scored session')) };
  }
  const { action, target, via, digits } = command;
  const result = play({
    kind: 'action',
    action,
    ...(target === undefined ? {} : { target }),
    ...(via === undefined ? {} : { via }),
    ...(digits === undefined ? {} : { digits }),
  });
  const own = result.records.find(
    (r) => r.kind === 'event' && r.entry.actor === director.trainee && r.entry.type === action,
  );
  let error: string | null = null;
  if (own?.kind === 'event' && own.entry.result.status === 'refused') {
    error = errorText(refusalError(own.entry.result.reason, own.entry.result.rule));
  } else if (own === undefined) {
    error = errorText({ type: 'IllegalState', message: 'The session has ended' });
  }
  return { director: result.director, records: result.records, error };
}
