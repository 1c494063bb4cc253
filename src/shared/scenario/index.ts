/**
 * Scenarios: the format, the vocabulary of the script, the session log contract, and the
 * director that plays a scenario's parties against the conference engine.
 */
export * from './conditions';
export * from './conference-config';
export * from './cues';
export * from './director';
export {
  addViaOf,
  conferenceEvent,
  isAgentActionName,
  isConferenceEventType,
  outcomeEventType,
} from './director-events';
export type { DialOutcome, DirectorResult, DirectorState, DirectorTimer } from './director-state';
export * from './random';
export * from './replay';
export * from './schema';
export * from './session-schema';
export * from './session-types';
export * from './vocabulary';
