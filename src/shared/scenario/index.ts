/**
 * Scenarios, one folder per idea, imported in one direction (format ← director ← validation ←
 * library):
 * - `format/`: the file format (schema, vocabulary, conditions, rubric, questions), the
 *   findings reported about a file, and the migration of older format versions;
 * - `director/`: the director that plays a scenario's parties against the conference engine,
 *   the session log contract and replay;
 * - `validation/`: every check of a scenario beyond its schema, up to playing its reference;
 * - `library/`: reading a scenario file's text, as the app's library and the CLI load it.
 * This index is the public API; code outside `src/shared/scenario` imports it, not the folders.
 */
export * from './director/cues';
export * from './director/director';
export {
  addViaOf,
  conferenceEvent,
  isAgentActionName,
  isConferenceEventType,
  outcomeEventType,
} from './director/director-events';
export type { DialOutcome, DirectorResult, DirectorState, DirectorTimer } from './director/director-state';
export * from './director/goals';
export * from './director/random';
export * from './director/replay';
export * from './director/resume';
export * from './director/session-schema';
export * from './director/session-types';
export * from './format/conditions';
export * from './format/conference-config';
export {
  type CallerIdFindingCode,
  countFindings,
  type Finding,
  type FindingCode,
  type FindingCounts,
  type FindingSeverity,
  formatFinding,
  hasErrors,
  jsonPath,
} from './format/findings';
export { SCENARIO_JSON_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from './format/json-schema';
export {
  MIGRATIONS,
  type Migration,
  type MigrationContext,
  type MigrationResult,
  migrateScenario,
} from './format/migrate';
export { answerMatches, type QuestionAnswer, questionAnswer } from './format/questions';
export * from './format/rubric';
export * from './format/schema';
export * from './format/vocabulary';
export {
  fileTooLargeFinding,
  type LoadOptions,
  loadScenario,
  MAX_SCENARIO_BYTES,
  utf8Length,
} from './library/load';
export { applyAcknowledgements, checkTranslationParity } from './validation/parity';
export { checkSpeakers } from './validation/speakers';
export { MAX_SCENARIO_DEPTH, MAX_SCENARIO_VALUES } from './validation/structure';
export {
  checkScenario,
  type ScenarioValidation,
  type ValidationOptions,
  validateScenario,
} from './validation/validate';
