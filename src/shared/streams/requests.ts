/**
 * Streams' `api_request`s and its `mute` broadcast, turned into what the built-in console sends
 * for the same click: an action of the viewing agent with its target, route and digits. Whether
 * the action is allowed is the engine's answer, not this module's; a refusal goes back to the
 * desktop as the CCP answers an error, carrying the reason and the rule (CCP-9).
 */
import type { AddVia, ConferenceEvent, ConferenceState, PartyId, RefusalReason, RuleId } from '../conference';
import { buildEvent, contactIdOf, partyById, partyByNumber } from '../conference';
import { partyOfConnection, quickConnectOfArn } from './ids';
import { quickConnectEndpoints } from './snapshot';
import type { StreamsCommand, StreamsEndpoint, StreamsError } from './types';

/** The answer to one request: an action to play, data to return at once, or an error. */
export type StreamsAnswer =
  | { readonly kind: 'command'; readonly command: StreamsCommand }
  | { readonly kind: 'data'; readonly data: unknown }
  | { readonly kind: 'error'; readonly error: StreamsError };

/** The `api_request` methods the simulator plays (Streams' `connect.ClientMethods` values). */
export const SUPPORTED_METHODS: ReadonlyArray<string> = [
  'acceptContact',
  'rejectContact',
  'clearContact',
  'completeContact',
  'createAdditionalConnection',
  'holdConnection',
  'resumeConnection',
  'toggleActiveConnections',
  'conferenceConnections',
  'destroyConnection',
  'muteParticipant',
  'unmuteParticipant',
  'sendDigits',
  'getEndpoints',
];

/** The error of a request the simulator does not play (softphone, outbound, agent state, ...). */
export function unsupportedError(method: string): StreamsError {
  return {
    type: 'UnsupportedOperation',
    message: `The simulator does not support "${method}"; it supports ${SUPPORTED_METHODS.join(', ')} (see docs/streams.md)`,
  };
}

/** The error of a request whose parameters are wrong, naming the parameter. */
export function badRequestError(method: string, what: string): StreamsError {
  return { type: 'InvalidParameter', message: `${method}: ${what}` };
}

/** The error of a refused action, as the CCP answers it, with its reason and rule (CCP-9). */
export function refusalError(reason: RefusalReason, rule: RuleId): StreamsError {
  return { type: 'IllegalState', message: `The action was refused: ${reason} (${rule})`, reason, rule };
}

/** The text the CCP sends as a response's `err`: the error's JSON. */
export function errorText(error: StreamsError): string {
  return JSON.stringify(error);
}

type Params = Readonly<Record<string, unknown>>;

/**
 * The answer to one `api_request` of `viewer`'s desktop: `getEndpoints` is answered at once
 * with the viewer's quick connects (CCP-2); every call-control method becomes the console's
 * action; a request about another contact, an unknown connection or a bad parameter is an
 * `InvalidParameter` error; any other method an `UnsupportedOperation` error.
 */
export function streamsRequest(
  state: ConferenceState,
  viewer: PartyId,
  method: string,
  params: unknown,
): StreamsAnswer {
  if (!SUPPORTED_METHODS.includes(method)) return { kind: 'error', error: unsupportedError(method) };
  const p: Params = typeof params === 'object' && params !== null ? (params as Params) : {};
  if (method === 'getEndpoints') {
    return { kind: 'data', data: { endpoints: quickConnectEndpoints(state, viewer), nextToken: null } };
  }
  const contactId = contactIdOf(state, viewer);
  if (contactId === undefined || p.contactId !== contactId) {
    return error(
      badRequestError(method, `contactId ${JSON.stringify(p.contactId)} is not this agent's contact`),
    );
  }
  const target = (): PartyId | StreamsAnswer => {
    const party = partyOfConnection(state.config, contactId, p.connectionId);
    if (party !== undefined) return party;
    return error(
      badRequestError(
        method,
        `connectionId ${JSON.stringify(p.connectionId)} is no connection of contact ${contactId}`,
      ),
    );
  };
  switch (method) {
    case 'acceptContact':
      return command({ action: 'accept' });
    case 'rejectContact':
      return command({ action: 'reject' });
    case 'clearContact':
    case 'completeContact':
      return command({ action: 'clear' }); // CCP-7
    case 'toggleActiveConnections':
      return command({ action: 'swap' });
    case 'conferenceConnections':
      return command({ action: 'join' });
    case 'createAdditionalConnection':
      return addCommand(state, method, p.endpoint);
    case 'sendDigits': {
      const found = target();
      if (typeof found !== 'string') return found;
      if (typeof p.digits !== 'string' || p.digits === '') {
        return error(badRequestError(method, 'digits must be a non-empty string'));
      }
      return command({ action: 'send-dtmf', digits: p.digits });
    }
    default: {
      const found = target();
      if (typeof found !== 'string') return found;
      return command(connectionCommand(method, viewer, found));
    }
  }
}

/** The action of a request on one connection. */
function connectionCommand(method: string, viewer: PartyId, target: PartyId): StreamsCommand {
  switch (method) {
    case 'holdConnection':
      return { action: 'hold', target };
    case 'resumeConnection':
      return { action: 'resume', target };
    case 'muteParticipant':
      return { action: 'mute', target };
    case 'unmuteParticipant':
      return { action: 'unmute', target };
    default:
      // destroyConnection: hanging up one's own connection is leaving the call (CONF-12).
      return target === viewer ? { action: 'leave' } : { action: 'disconnect', target };
  }
}

/**
 * `createAdditionalConnection`: an endpoint whose ARN the simulator issued is its quick connect
 * (CCP-2); any other endpoint with a phone number is dialled on the number pad (CONF-2). A number
 * that reaches no party of the scenario is still dialled, and the engine refuses it.
 */
function addCommand(state: ConferenceState, method: string, raw: unknown): StreamsAnswer {
  const ep = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<StreamsEndpoint>;
  const qc = quickConnectOfArn(state.config, ep.endpointARN ?? ep.endpointId);
  if (qc !== undefined) return command({ action: 'add', target: qc.target, via: { quickConnect: qc.name } });
  if (typeof ep.phoneNumber === 'string' && ep.phoneNumber !== '') {
    const number = ep.phoneNumber.replace(/^sip:([^@]*)@.*/, '$1');
    const party = partyByNumber(state.config, number);
    return command({ action: 'add', target: party?.id ?? '', via: { numberPad: number } });
  }
  return error(badRequestError(method, 'endpoint needs an endpointARN from getEndpoints or a phoneNumber'));
}

/** `agent.mute()` / `agent.unmute()`: the `mute` broadcast mutes or unmutes the viewer's own line. */
export function muteCommand(viewer: PartyId, data: unknown): StreamsCommand {
  const mute = typeof data === 'object' && data !== null && (data as { mute?: unknown }).mute === true;
  return { action: mute ? 'mute' : 'unmute', target: viewer };
}

/** The engine event of a command of `viewer` at simulated `time`, as the director builds it. */
export function commandEvent(viewer: PartyId, command: StreamsCommand, time: number): ConferenceEvent {
  const via: AddVia | undefined =
    command.via === undefined
      ? undefined
      : 'quickConnect' in command.via
        ? { kind: 'quick-connect', name: command.via.quickConnect }
        : { kind: 'number-pad', number: command.via.numberPad };
  return buildEvent(viewer, time, command.action, {
    ...(command.target === undefined ? {} : { target: command.target }),
    ...(via === undefined ? {} : { via }),
    ...(command.digits === undefined ? {} : { digits: command.digits }),
  });
}

/** Whether a party of the call is an agent who could view a Streams desktop. */
export function isAgent(state: ConferenceState, party: PartyId): boolean {
  return partyById(state.config, party)?.kind === 'agent';
}

function command(c: StreamsCommand): StreamsAnswer {
  return { kind: 'command', command: c };
}

function error(e: StreamsError): StreamsAnswer {
  return { kind: 'error', error: e };
}
