/**
 * The vocabulary of the conference model: parties, legs, the contact, events and refusals.
 *
 * Everything here is plain data (no classes, no functions besides `assertNever`), so that a
 * state or a log entry can be serialised to JSON, compared with deep equality and replayed.
 */

export { assertNever } from '../assert-never';

/** The instance setting that decides the size and the control rules of a call (CONF-1). */
export type ConferenceMode = 'three-party' | 'multiparty';

/** The identifier a scenario gives a party: `'caller'`, `'trainee'`, `'broker'`, `'spouse'`, ... */
export type PartyId = string;

/** What kind of participant a party is: the customer, an agent of the instance, or an outside number. */
export type PartyKind = 'caller' | 'agent' | 'external';

/** The customer who called in. */
export interface CallerParty {
  readonly kind: 'caller';
  readonly id: PartyId;
  readonly displayName: string;
  /** The caller's phone number (E.164). */
  readonly number: string;
}

/** An agent of the instance: the primary agent (normally the trainee) or one that can be added. */
export interface AgentParty {
  readonly kind: 'agent';
  readonly id: PartyId;
  readonly displayName: string;
  /** The name of this agent's agent quick connect; multiparty calls show it (CONF-10g). */
  readonly quickConnectName: string;
}

/** A phone number outside the instance (a broker, a spouse, a translator, ...). */
export interface ExternalParty {
  readonly kind: 'external';
  readonly id: PartyId;
  readonly displayName: string;
  /** The number the party is reached at (E.164). */
  readonly number: string;
  /** The name of a phone-number quick connect for this number, when the instance has one. */
  readonly quickConnectName?: string;
}

/** Any party a scenario names. */
export type Party = CallerParty | AgentParty | ExternalParty;

/** The quick connect types of CCP-2. */
export type QuickConnectType = 'agent' | 'queue' | 'phone-number';

/**
 * A quick connect beyond the implicit ones (every agent has an agent quick connect named by its
 * `quickConnectName`; every external party with a `quickConnectName` has a phone-number one).
 * A queue quick connect names the agent that the queue will route the offer to in this scenario.
 */
export interface QuickConnect {
  readonly name: string;
  readonly type: QuickConnectType;
  /** The party this quick connect reaches. */
  readonly target: PartyId;
  /** The agents who see this quick connect (their routing profile's queues, CCP-2); all when absent. */
  readonly availableTo?: ReadonlyArray<PartyId>;
}

/** Everything fixed for one call: the mode, the parties and the contact ID the call starts with. */
export interface ConferenceConfig {
  readonly mode: ConferenceMode;
  /** The contact ID of the inbound contact; every later contact ID derives from it (CONF-15). */
  readonly initialContactId: string;
  readonly caller: CallerParty;
  /** The first agent on the call (normally the trainee). */
  readonly primaryAgent: AgentParty;
  /** The agents and external numbers that can be added to the call. */
  readonly parties: ReadonlyArray<AgentParty | ExternalParty>;
  /** Quick connects besides the implicit ones (see `QuickConnect`). */
  readonly quickConnects?: ReadonlyArray<QuickConnect>;
  /** Whether Contact Lens records the contact (CONF-16 warns when 3 or more participants join). */
  readonly contactLens?: boolean;
  /**
   * The instance's country (ISO 3166-1 alpha-2, e.g. `US`): the number pad reads national numbers
   * in it unless its country selector is changed (CCP-11). Absent: only numbers with `+` are read.
   */
  readonly country?: string;
}

/**
 * How an agent asks to add a party (CONF-2). The number pad's `number` is read in `country`, the
 * pad's country selector, which is preset to the instance's country when absent (CCP-11).
 */
export type AddVia =
  | { readonly kind: 'quick-connect'; readonly name: string }
  | { readonly kind: 'number-pad'; readonly number: string; readonly country?: string }
  | { readonly kind: 'flow'; readonly flowName: string };

/** How a leg came to be on the call, as recorded on the leg. */
export type LegOrigin =
  | { readonly kind: 'inbound' }
  | { readonly kind: 'quick-connect'; readonly type: QuickConnectType; readonly name: string }
  | { readonly kind: 'number-pad'; readonly number: string }
  | { readonly kind: 'flow'; readonly flowName: string };

/**
 * A connection state as amazon-connect-streams names it (CCP-1). Streams' transient `init`
 * is not modelled: a leg is created `connecting`.
 */
export type LegState = 'connecting' | 'connected' | 'hold' | 'disconnected';

/**
 * An agent's own view of the contact (CCP-1, CCP-7): offered, live, in after-call work
 * (`ended`), or cleared. An offer that ends unanswered goes straight to `cleared`.
 */
export type AgentContactState = 'incoming' | 'connected' | 'ended' | 'cleared';

/** The state of the call as a whole. */
export type ContactPhase = 'incoming' | 'connected' | 'ended' | 'cleared';

/** One participant's link to the call. */
export interface Leg {
  readonly party: PartyId;
  readonly kind: PartyKind;
  readonly state: LegState;
  readonly muted: boolean;
  /** The agent who added this leg; `null` for the caller and the primary agent. */
  readonly addedBy: PartyId | null;
  /**
   * Three-party control (CONF-9a): the agent whose party this leg is: the primary agent for the
   * caller and for themselves, the adding agent for every other leg. `null` once that agent has
   * left, when control passes to every remaining agent (CONF-12). Multiparty ignores it.
   */
  readonly controlledBy: PartyId | null;
  readonly origin: LegOrigin;
  /** Simulated time (ms) the leg was created. */
  readonly createdAt: number;
  /** Simulated time (ms) of the leg's last state change. */
  readonly since: number;
  /** Simulated time (ms) the leg was first connected, or `null`. */
  readonly connectedAt: number | null;
  /** Simulated time (ms) the leg was disconnected, or `null`. */
  readonly endedAt: number | null;
  /** For agent legs: the agent's contact state and contact ID (CONF-15); `null` otherwise. */
  readonly agent: AgentLegInfo | null;
}

/** What an agent leg carries beyond the connection. */
export interface AgentLegInfo {
  readonly status: AgentContactState;
  /** The contact ID this agent's leg belongs to (CONF-15). */
  readonly contactId: string;
}

/** How an agent's contact came about. */
export type ContactInitiation = 'inbound' | 'transfer' | 'queue-transfer';

/** One link of the contact-ID chain (CONF-15). */
export interface ContactRecord {
  readonly contactId: string;
  readonly initialContactId: string;
  readonly previousContactId: string | null;
  readonly nextContactId: string | null;
  readonly agent: PartyId;
  readonly initiation: ContactInitiation;
  /** Simulated time (ms) the contact was created. */
  readonly createdAt: number;
}

/** The whole call at one moment. Immutable: every change makes a new object. */
export interface ConferenceState {
  readonly config: ConferenceConfig;
  readonly phase: ContactPhase;
  /** One leg per party that has been on the call, in the order they were added (caller first). */
  readonly legs: ReadonlyArray<Leg>;
  /** Every agent contact of the call in creation order: the contact-ID chain (CONF-15). */
  readonly contacts: ReadonlyArray<ContactRecord>;
}

/** The actions an agent (the trainee or a scripted agent) can take. */
export type AgentActionName =
  | 'accept'
  | 'add'
  | 'hold'
  | 'hold-all'
  | 'resume'
  | 'mute'
  | 'unmute'
  | 'join'
  | 'swap'
  | 'disconnect'
  | 'leave'
  | 'send-dtmf'
  | 'clear';

/** The events the other parties' scripts produce. */
export type ScriptedEventName = 'answer' | 'reject' | 'no-answer' | 'busy' | 'fail' | 'hang-up';

/** Every event type the model knows. */
export type ConferenceEventType = AgentActionName | ScriptedEventName;

/** Every agent action name, in a stable order. */
export const agentActionNames: ReadonlyArray<AgentActionName> = [
  'accept',
  'add',
  'hold',
  'hold-all',
  'resume',
  'mute',
  'unmute',
  'join',
  'swap',
  'disconnect',
  'leave',
  'send-dtmf',
  'clear',
];

/** Every scripted event name, in a stable order. */
export const scriptedEventNames: ReadonlyArray<ScriptedEventName> = [
  'answer',
  'reject',
  'no-answer',
  'busy',
  'fail',
  'hang-up',
];

interface EventBase {
  /** Who acts: the agent for actions, the party itself for scripted events. */
  readonly actor: PartyId;
  /** Simulated time (ms); the model never reads a clock. */
  readonly time: number;
}

/** An event that names the party it acts on. */
export interface TargetedEvent extends EventBase {
  readonly type: 'hold' | 'resume' | 'mute' | 'unmute' | 'disconnect';
  readonly target: PartyId;
}

/** An agent adds a party; `via` defaults to the party's own route (see `defaultVia`). */
export interface AddEvent extends EventBase {
  readonly type: 'add';
  readonly target: PartyId;
  readonly via?: AddVia;
}

/** An agent sends DTMF tones on the call. */
export interface SendDtmfEvent extends EventBase {
  readonly type: 'send-dtmf';
  readonly digits: string;
}

/** An action or scripted event that needs no target: it acts on the actor's own leg or the call. */
export interface PlainEvent extends EventBase {
  readonly type: 'accept' | 'hold-all' | 'join' | 'swap' | 'leave' | 'clear' | ScriptedEventName;
}

/** Every event the conference accepts or refuses. */
export type ConferenceEvent = TargetedEvent | AddEvent | SendDtmfEvent | PlainEvent;

/** The rule IDs of RULES.md sections CONF and CCP. */
export type RuleId =
  | 'CONF-1'
  | 'CONF-2'
  | 'CONF-3'
  | 'CONF-4'
  | 'CONF-5'
  | 'CONF-6'
  | 'CONF-7'
  | 'CONF-8'
  | 'CONF-9a'
  | 'CONF-9b'
  | 'CONF-9c'
  | 'CONF-9d'
  | 'CONF-9e'
  | 'CONF-9f'
  | 'CONF-10a'
  | 'CONF-10b'
  | 'CONF-10c'
  | 'CONF-10d'
  | 'CONF-10e'
  | 'CONF-10f'
  | 'CONF-10g'
  | 'CONF-11'
  | 'CONF-12'
  | 'CONF-13'
  | 'CONF-14'
  | 'CONF-15'
  | 'CONF-16'
  | 'CONF-17'
  | 'CONF-18'
  | 'CCP-1'
  | 'CCP-2'
  | 'CCP-3'
  | 'CCP-4'
  | 'CCP-5'
  | 'CCP-6'
  | 'CCP-7'
  | 'CCP-8'
  | 'CCP-9'
  | 'CCP-10'
  | 'CCP-11'
  | 'CCP-12';

/** The refusal reasons of RULES.md ("Actions and refusals"). */
export type RefusalReason =
  | 'participant-limit'
  | 'dial-pending'
  | 'too-few-participants'
  | 'not-your-party'
  | 'primary-only'
  | 'cannot-resume-self'
  | 'cannot-mute-others'
  | 'cannot-unmute-others'
  | 'swap-unavailable'
  | 'no-third-party'
  | 'not-on-call'
  | 'no-such-participant'
  | 'invalid-state'
  | 'quick-connect-unavailable';

/** The answer of `check`: allowed, or refused with a stable reason and the rule behind it. */
export type CheckResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: RefusalReason; readonly rule: RuleId };
