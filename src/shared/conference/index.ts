/**
 * The conference engine: the call model of three-party and multiparty calls, the one permission
 * function, the reducer and the xstate machine that wraps it, the derived views, the event log
 * and its replay, and the exhaustive exploration. Pure TypeScript; no host imports.
 */
export type { ActionOption, AgentCommand } from './actions';
export { actionOptions, availableActions, candidateCommands, commandEvent } from './actions';
export { check } from './check';
export { checkAdd, resolveRoute, withDialledTarget } from './check-add';
export { refusal } from './check-common';
export { appendContact, contactById, contactIdOf, derivedContactId } from './contact-chain';
export type { EntryResult, LegSnapshot, LogEntry } from './entry';
export { buildEvent, eventOfEntry, makeEntry, targetOf, viaOf } from './entry';
export type { EventPool, ExplorationOptions, ExplorationResult, ExploredTransition } from './explore';
export {
  explorationConfig,
  explorationEvents,
  explore,
  pickEvent,
  sequenceEvents,
  stateKey,
} from './explore';
export type { ConferenceSession, ContactLensWarning, ReplayDivergence, ReplayResult } from './log';
export { advance, contactLensWarning, replay, runEvents, startSession } from './log';
export type { ConferenceContext } from './machine';
export { conferenceMachine } from './machine';
export {
  agentsOf,
  defaultVia,
  initialState,
  isContactUp,
  isLive,
  isOnCall,
  isPrimary,
  legOf,
  participantCount,
  participantLimit,
  partiesOf,
  partyById,
  partyByNumber,
  quickConnectByName,
  quickConnectsOf,
} from './model';
export type { DialledNumber } from './number-pad';
export { numberPadCountries, readDialledNumber } from './number-pad';
export type { ExplanationLanguage, RefusalExplanation } from './refusal-text';
export { explainRefusal } from './refusal-text';
export type { StepResult, TransitionResult } from './step';
export { step, transition } from './step';
export * from './types';
export type { ConnectionLabelSource, ConnectionListItem, HearingMap } from './views';
export { agentContactState, connectionList, hearing, hears, INTERNAL_TRANSFER_LABEL } from './views';
