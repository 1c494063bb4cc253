/**
 * The shapes amazon-connect-streams reads and sends, as far as the simulator speaks them: the
 * `agent::update` data (`configuration` and `snapshot`), the endpoints of `getEndpoints`, the
 * `api_request` parameters and the `{type, message}` errors of the CCP. Field names are Streams'
 * own; see docs/streams.md for what each one carries and why.
 */
import type { AgentActionName, PartyId } from '../conference';

/** A Streams endpoint type (`connect.EndpointType`). */
export type StreamsEndpointType = 'phone_number' | 'agent' | 'queue';

/** A Streams endpoint: a connection's far end, or a quick connect of `getEndpoints`. */
export interface StreamsEndpoint {
  readonly endpointARN: string | null;
  readonly endpointId: string | null;
  readonly type: StreamsEndpointType;
  readonly name: string | null;
  readonly phoneNumber: string | null;
  readonly agentLogin: string | null;
  readonly queue: string | null;
}

/** A Streams connection type (`connect.ConnectionType`); the simulator has no monitoring. */
export type StreamsConnectionType = 'agent' | 'inbound' | 'outbound';

/** A Streams connection state type (`connect.ConnectionStateType`); `init` is not modelled. */
export type StreamsConnectionStateType = 'connecting' | 'connected' | 'hold' | 'disconnected';

/** A Streams contact state type (`connect.ContactStateType`) the simulator uses. */
export type StreamsContactStateType = 'connecting' | 'connected' | 'ended';

/** One connection of a contact as the CCP sends it. */
export interface StreamsConnection {
  readonly connectionId: string;
  readonly type: StreamsConnectionType;
  /** True for the customer's connection only. */
  readonly initial: boolean;
  readonly state: { readonly type: StreamsConnectionStateType; readonly timestamp: Date };
  readonly endpoint: StreamsEndpoint;
  readonly mute: boolean;
  readonly forcedMute: boolean;
  /** The quick connect the party was reached through (multiparty agents: their own), or null. */
  readonly quickConnectName: string | null;
  /** Always null: the simulator plays a desk phone, never a softphone call. */
  readonly softphoneMediaInfo: null;
}

/** A queue as the CCP names it. */
export interface StreamsQueue {
  readonly queueARN: string;
  readonly name: string;
  readonly queueId: string;
}

/** The viewing agent's contact as the CCP sends it. */
export interface StreamsContact {
  readonly contactId: string;
  readonly initialContactId: string;
  readonly type: 'voice';
  readonly state: { readonly type: StreamsContactStateType; readonly timestamp: Date };
  readonly queue: StreamsQueue;
  readonly queueTimestamp: Date;
  readonly attributes: Readonly<Record<string, never>>;
  readonly initiationMethod: 'inbound' | 'transfer' | 'queue_transfer';
  readonly contactFeatures: { readonly multiPartyConferenceEnabled: boolean };
  readonly connections: ReadonlyArray<StreamsConnection>;
}

/** An agent state (`snapshot.state`, `configuration.agentStates[]`). */
export interface StreamsAgentState {
  readonly type: 'routable' | 'not_routable' | 'offline' | 'system';
  readonly name: string;
  readonly startTimestamp?: Date;
  readonly agentStateARN?: string | null;
}

/** The `snapshot` half of `agent::update`. */
export interface StreamsSnapshot {
  readonly state: StreamsAgentState & { readonly startTimestamp: Date };
  readonly nextState: null;
  readonly agentAvailabilityState: { readonly state: string; readonly timeStamp: Date };
  readonly contacts: ReadonlyArray<StreamsContact>;
  readonly snapshotTimestamp: Date;
  /** Wall-clock milliseconds when the snapshot was made. */
  readonly localTimestamp: number;
  /** Simulated now minus wall-clock now (ms): how Streams' durations run on the simulated clock. */
  readonly skew: number;
}

/** The `configuration` half of `agent::update`. */
export interface StreamsConfiguration {
  readonly name: string;
  readonly username: string;
  readonly softphoneEnabled: false;
  readonly softphoneAutoAccept: false;
  readonly extension: string;
  readonly routingProfile: {
    readonly name: string;
    readonly routingProfileARN: string;
    readonly routingProfileId: string;
    readonly queues: ReadonlyArray<StreamsQueue>;
    readonly defaultOutboundQueue: StreamsQueue;
  };
  readonly agentStates: ReadonlyArray<StreamsAgentState>;
  readonly permissions: ReadonlyArray<string>;
  readonly dialableCountries: ReadonlyArray<string>;
  readonly agentPreferences: Readonly<Record<string, never>>;
}

/** The data of one `agent::update` message: everything Streams knows about the agent. */
export interface StreamsAgentData {
  readonly configuration: StreamsConfiguration;
  readonly snapshot: StreamsSnapshot;
}

/**
 * The clock of a snapshot: simulated time `time` (ms since the session started), the wall-clock
 * time `epoch` (ms) the session started at, and the wall clock `wallNow` (ms) when the snapshot
 * is sent. Dates are `epoch + simulated time`; `skew` makes Streams' durations simulated.
 */
export interface StreamsClock {
  readonly time: number;
  readonly epoch: number;
  readonly wallNow: number;
}

/** Where the simulator's Streams objects come from: the scenario's queue and routing profile. */
export interface StreamsSetting {
  /** The queue the contact arrived on (the scenario's `call.queue`). */
  readonly queueName: string;
  /** The routing profile's name; the queue's name when absent. */
  readonly routingProfileName?: string;
}

/** An error as the CCP answers a failed `api_request` (sent as this object's JSON text). */
export interface StreamsError {
  readonly type: string;
  readonly message: string;
  /** For a refusal of the conference rules: the reason code of RULES.md. */
  readonly reason?: string;
  /** For a refusal of the conference rules: the rule ID. */
  readonly rule?: string;
}

/**
 * What a Streams request asks of the simulator, in the console's own terms: an action of the
 * viewing agent with its target, route and digits, exactly as the built-in console sends a
 * trainee's input. `reject` is the engine's scripted event for an offer the agent turns down.
 */
export interface StreamsCommand {
  readonly action: AgentActionName | 'reject';
  readonly target?: PartyId;
  readonly via?: { readonly quickConnect: string } | { readonly numberPad: string };
  readonly digits?: string;
}
