/**
 * The `agent::update` data of one viewing agent: what Streams' `connect.Agent`, `Contact` and
 * `Connection` objects read. Built from the engine's own views (`connectionList`, the agent's
 * contact state and the contact-ID chain), so that a desktop on Streams sees exactly what the
 * built-in console shows the same agent (CCP-1, CONF-9e, CONF-9f, CONF-10f, CONF-10g, CONF-15).
 */
import type { ConferenceState, ConnectionListItem, Leg, PartyId } from '../conference';
import { connectionList, contactById, legOf, partyById, quickConnectsOf } from '../conference';
import { agentQueueArn, connectionIdOf, queueArn, quickConnectArn, routingProfileArn } from './ids';
import type {
  StreamsAgentData,
  StreamsAgentState,
  StreamsClock,
  StreamsConfiguration,
  StreamsConnection,
  StreamsContact,
  StreamsContactStateType,
  StreamsEndpoint,
  StreamsQueue,
  StreamsSetting,
} from './types';

const AVAILABLE: StreamsAgentState = { type: 'routable', name: 'Available', agentStateARN: null };
const OFFLINE: StreamsAgentState = { type: 'offline', name: 'Offline', agentStateARN: null };

/** A queue object of a name. */
export function queueOf(name: string): StreamsQueue {
  const queueARN = queueArn(name);
  return { queueARN, name, queueId: queueARN };
}

/** The `configuration` of a viewing agent: name, login, the routing profile with its queue. */
export function agentConfiguration(
  state: ConferenceState,
  viewer: PartyId,
  setting: StreamsSetting,
): StreamsConfiguration {
  const party = partyById(state.config, viewer);
  if (party?.kind !== 'agent')
    throw new RangeError(`agentConfiguration: "${viewer}" is no agent of the call`);
  const queue = queueOf(setting.queueName);
  const profileName = setting.routingProfileName ?? setting.queueName;
  const profileArn = routingProfileArn(profileName);
  return {
    name: party.displayName,
    username: party.id,
    softphoneEnabled: false,
    softphoneAutoAccept: false,
    extension: '',
    routingProfile: {
      name: profileName,
      routingProfileARN: profileArn,
      routingProfileId: profileArn,
      // The agent's own queue, as Connect lists it: Streams reads the agent's ID from its ARN.
      queues: [queue, { queueARN: agentQueueArn(party.id), name: '', queueId: agentQueueArn(party.id) }],
      defaultOutboundQueue: queue,
    },
    agentStates: [AVAILABLE, OFFLINE],
    permissions: [],
    dialableCountries: [],
    agentPreferences: {},
  };
}

/**
 * The whole `agent::update` data of `viewer` at a moment: the configuration and a snapshot
 * holding the viewer's contact (none before it is offered and after it is cleared).
 */
export function agentData(
  state: ConferenceState,
  viewer: PartyId,
  clock: StreamsClock,
  setting: StreamsSetting,
): StreamsAgentData {
  const configuration = agentConfiguration(state, viewer, setting);
  const date = (time: number): Date => new Date(clock.epoch + time);
  const contact = agentContact(state, viewer, clock, setting);
  const own = legOf(state, viewer);
  const agentState = agentStateOf(own);
  const since = date(own?.since ?? 0);
  return {
    configuration,
    snapshot: {
      state: { ...agentState, startTimestamp: since },
      nextState: null,
      agentAvailabilityState: { state: agentState.name, timeStamp: since },
      contacts: contact === null ? [] : [contact],
      snapshotTimestamp: date(clock.time),
      localTimestamp: clock.wallNow,
      skew: clock.epoch + clock.time - clock.wallNow,
    },
  };
}

/**
 * The agent's state as the CCP reports it: `PendingBusy` while offered, `Busy` on the call,
 * `AfterCallWork` after it, `Available` otherwise (CCP-1, CCP-7).
 */
function agentStateOf(own: Leg | undefined): StreamsAgentState {
  switch (own?.agent?.status) {
    case 'incoming':
      return { type: 'system', name: 'PendingBusy', agentStateARN: null };
    case 'connected':
      return { type: 'system', name: 'Busy', agentStateARN: null };
    case 'ended':
      return { type: 'system', name: 'AfterCallWork', agentStateARN: null };
    default:
      return AVAILABLE;
  }
}

const contactStates: Readonly<Record<'incoming' | 'connected' | 'ended', StreamsContactStateType>> = {
  incoming: 'connecting',
  connected: 'connected',
  ended: 'ended',
};

/**
 * The viewer's contact, or `null` when they have none (never offered, or cleared, CCP-7). Its
 * ID is the viewer's link of the contact-ID chain (CONF-15); its connections are the viewer's
 * own (type `agent`) and then `connectionList` in its order (CONF-18).
 */
export function agentContact(
  state: ConferenceState,
  viewer: PartyId,
  clock: StreamsClock,
  setting: StreamsSetting,
): StreamsContact | null {
  const own = legOf(state, viewer);
  const info = own?.agent;
  if (own === undefined || info == null || info.status === 'cleared') return null;
  const date = (time: number): Date => new Date(clock.epoch + time);
  const record = contactById(state, info.contactId);
  const stateTime =
    info.status === 'incoming'
      ? own.createdAt
      : info.status === 'connected'
        ? (own.connectedAt ?? own.since)
        : (own.endedAt ?? own.since);
  const ownConnection: StreamsConnection = {
    connectionId: connectionIdOf(state.config, info.contactId, viewer),
    type: 'agent',
    initial: false,
    state: { type: own.state, timestamp: date(own.since) },
    endpoint: endpoint({ type: 'agent', name: partyById(state.config, viewer)?.displayName ?? viewer }),
    mute: own.muted,
    forcedMute: false,
    quickConnectName: null,
    softphoneMediaInfo: null,
  };
  const others = connectionList(state, viewer).map((item) => connectionOf(state, info.contactId, item, date));
  const initiation = record?.initiation ?? 'inbound';
  return {
    contactId: info.contactId,
    initialContactId: record?.initialContactId ?? state.config.initialContactId,
    type: 'voice',
    state: { type: contactStates[info.status], timestamp: date(stateTime) },
    queue: queueOf(setting.queueName),
    queueTimestamp: date(own.createdAt),
    attributes: {},
    initiationMethod: initiation === 'queue-transfer' ? 'queue_transfer' : initiation,
    contactFeatures: { multiPartyConferenceEnabled: state.config.mode === 'multiparty' },
    connections: [ownConnection, ...others],
  };
}

/**
 * One row of the connection list as a Streams connection: the caller is the `inbound`,
 * `initial` connection; every other party, agents included, is `outbound`, so that Streams
 * counts it among the third parties. The endpoint's name is the label the console shows.
 */
function connectionOf(
  state: ConferenceState,
  contactId: string,
  item: ConnectionListItem,
  date: (time: number) => Date,
): StreamsConnection {
  const leg = legOf(state, item.party) as Leg;
  const party = partyById(state.config, item.party);
  const phoneNumber = party !== undefined && 'number' in party ? party.number : null;
  const quickConnectName = item.labelSource === 'quick-connect' && item.kind !== 'caller' ? item.label : null;
  return {
    connectionId: connectionIdOf(state.config, contactId, item.party),
    type: item.kind === 'caller' ? 'inbound' : 'outbound',
    initial: item.kind === 'caller',
    state: { type: item.state, timestamp: date(leg.since) },
    endpoint: endpoint({
      type: item.kind === 'agent' ? 'agent' : 'phone_number',
      name: item.label,
      phoneNumber: item.kind === 'agent' ? null : phoneNumber,
    }),
    mute: item.muted,
    forcedMute: false,
    quickConnectName,
    softphoneMediaInfo: null,
  };
}

function endpoint(fields: Partial<StreamsEndpoint> & Pick<StreamsEndpoint, 'type'>): StreamsEndpoint {
  return {
    endpointARN: null,
    endpointId: null,
    name: null,
    phoneNumber: null,
    agentLogin: null,
    queue: null,
    ...fields,
  };
}

/**
 * The quick connects `viewer` may use, as `getEndpoints` answers (CCP-2): every quick connect
 * of the call available to the viewer's routing profile, except the viewer's own agent one.
 */
export function quickConnectEndpoints(
  state: ConferenceState,
  viewer: PartyId,
): ReadonlyArray<StreamsEndpoint> {
  const endpoints: StreamsEndpoint[] = [];
  quickConnectsOf(state.config).forEach((qc, index) => {
    if (qc.target === viewer) return;
    if (qc.availableTo !== undefined && !qc.availableTo.includes(viewer)) return;
    const arn = quickConnectArn(index);
    const target = partyById(state.config, qc.target);
    endpoints.push(
      endpoint({
        endpointARN: arn,
        endpointId: arn,
        type: qc.type === 'phone-number' ? 'phone_number' : qc.type,
        name: qc.name,
        phoneNumber: qc.type === 'phone-number' && target?.kind === 'external' ? target.number : null,
      }),
    );
  });
  return endpoints;
}
