/**
 * The caller-ID resolver and the "Transfer to phone number" block (RULES.md, CID and XFER).
 */
export type { CheckedNumber } from './cid-explanations';
export {
  type CallerIdNumberCheck,
  checkCallerIdName,
  checkCallerIdNumber,
  checkDestination,
  destinationCountry,
  findClaimedNumber,
  RESERVED_SIP_CHARACTERS,
  type ReservedSipCharacter,
  reservedSipCharactersIn,
} from './compliance';
export { DEFAULT_DTMF_DIGIT_INTERVAL_MS, DTMF_COMMA_PAUSE_MS, type DtmfStep, scheduleDtmf } from './dtmf';
export {
  type Bilingual,
  type CallerIdRuleId,
  type Finding,
  type FindingCode,
  type FindingSeverity,
  hasError,
  hasFailure,
  type RuleId,
  type TransferRuleId,
} from './findings';
export {
  type CallerIdSettings,
  CallerIdSettingsSchema,
  type CallPhoneNumberBlock,
  CallPhoneNumberBlockSchema,
  type ClaimedNumber,
  ClaimedNumberSchema,
  type ClaimedNumberType,
  ClaimedNumberTypeSchema,
  CountryCodeSchema,
  E164NumberSchema,
  type InstanceConfig,
  InstanceConfigSchema,
  InternationalNumberSchema,
  type OutboundWhisperFlow,
  OutboundWhisperFlowSchema,
  type Queue,
  QueueSchema,
  type QuickConnect,
  QuickConnectSchema,
  type RoutingProfile,
  RoutingProfileSchema,
} from './instance';
export {
  formatInputIssue,
  formatIssuePath,
  type InputIssue,
  type ParseResult,
  parseCallerIdSituation,
  parseTransferSimulationInput,
  summariseInputIssues,
} from './parse';
export { describeNumber, isCountryCode, type NumberFacts } from './phone';
export type { CallerIdSource, DecidingRuleId } from './resolution-explanations';
export { type CallerIdResolution, resolveCallerId } from './resolve';
export {
  type ActiveCall,
  ActiveCallSchema,
  type CallerIdSituation,
  CallerIdSituationSchema,
  ExternalQuickConnectTransferSchema,
  NumberPadTransferSchema,
  TransferBlockTransferSchema,
  type TransferMethod,
  TransferMethodSchema,
} from './situation';
export {
  type Channel,
  ChannelSchema,
  DTMF_CHARACTERS,
  DTMF_MAX_LENGTH,
  FLOW_TYPES,
  type FlowType,
  FlowTypeSchema,
  TRANSFER_BLOCK_FLOW_TYPES,
  TRANSFER_TIMEOUT_RANGE_SECONDS,
  type TransferBlock,
  TransferBlockSchema,
  type TransferBranch,
} from './transfer-block';
export {
  type CallerBehaviour,
  CallerBehaviourSchema,
  type ExternalPartyBehaviour,
  ExternalPartyBehaviourSchema,
  simulateTransferBlock,
  type TimelineEvent,
  type TransferSimulation,
  type TransferSimulationInput,
  TransferSimulationInputSchema,
  type TransferSimulationOptions,
} from './transfer-simulate';
export {
  invalidDtmfCharacters,
  type TransferBlockValidation,
  validateTransferBlock,
} from './transfer-validate';
