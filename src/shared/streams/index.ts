/**
 * The bridge between the conference engine and amazon-connect-streams: the `agent::update` data
 * of one viewing agent, the quick connects as Streams endpoints, and Streams' requests as the
 * console's actions with refusals answered as the CCP answers errors. Pure; no host imports.
 */

export type { CcpInput, CcpPlay, CcpResult, ConduitMessage } from './ccp';
export { agentUpdate, ccpHandle, ccpReceive, settingOf } from './ccp';
export {
  agentQueueArn,
  connectionIdOf,
  partyOfConnection,
  queueArn,
  quickConnectArn,
  quickConnectOfArn,
  routingProfileArn,
  SIM_ARN_PREFIX,
  SIM_INSTANCE_ID,
} from './ids';
export type { StreamsAnswer } from './requests';
export {
  badRequestError,
  commandEvent,
  errorText,
  isAgent,
  muteCommand,
  refusalError,
  SUPPORTED_METHODS,
  streamsRequest,
  unsupportedError,
} from './requests';
export { agentConfiguration, agentContact, agentData, queueOf, quickConnectEndpoints } from './snapshot';
export type * from './types';
