/**
 * The identifiers the simulator hands to Streams: connection IDs, quick-connect endpoint ARNs,
 * queue and routing-profile ARNs. All are derived from the call's configuration, never random,
 * so that the same state always gives the same snapshot, and every one maps back.
 */
import type { ConferenceConfig, PartyId, QuickConnect } from '../conference';
import { partiesOf, quickConnectsOf } from '../conference';

/** The instance ID inside every ARN the simulator issues. */
export const SIM_INSTANCE_ID = '00000000-0000-4000-8000-000000000000';

/** The prefix of every ARN the simulator issues. */
export const SIM_ARN_PREFIX = `arn:aws:connect:local:000000000000:instance/${SIM_INSTANCE_ID}`;

/** The connection ID of a party's connection on a contact: the contact ID and the party's index. */
export function connectionIdOf(config: ConferenceConfig, contactId: string, party: PartyId): string {
  const index = partiesOf(config).findIndex((p) => p.id === party);
  if (index < 0) throw new RangeError(`connectionIdOf: "${party}" is no party of the call`);
  return `${contactId}/p${index}`;
}

/** The party a connection ID names on a contact, or `undefined` when it names none. */
export function partyOfConnection(
  config: ConferenceConfig,
  contactId: string,
  connectionId: unknown,
): PartyId | undefined {
  if (typeof connectionId !== 'string' || !connectionId.startsWith(`${contactId}/p`)) return undefined;
  const digits = connectionId.slice(contactId.length + 2);
  if (!/^\d+$/.test(digits)) return undefined;
  return partiesOf(config)[Number(digits)]?.id;
}

/** The endpoint ARN of the n-th quick connect of the call (the order of `quickConnectsOf`). */
export function quickConnectArn(index: number): string {
  return `${SIM_ARN_PREFIX}/transfer-destination/qc-${index}`;
}

/** The quick connect an endpoint ARN names, or `undefined` when the simulator did not issue it. */
export function quickConnectOfArn(config: ConferenceConfig, arn: unknown): QuickConnect | undefined {
  if (typeof arn !== 'string') return undefined;
  const prefix = `${SIM_ARN_PREFIX}/transfer-destination/qc-`;
  if (!arn.startsWith(prefix)) return undefined;
  const digits = arn.slice(prefix.length);
  if (!/^\d+$/.test(digits)) return undefined;
  return quickConnectsOf(config)[Number(digits)];
}

/** The ARN of a queue by name (a slug of the name). */
export function queueArn(name: string): string {
  return `${SIM_ARN_PREFIX}/queue/${slug(name)}`;
}

/** The ARN of an agent's own queue (`.../queue/agent/<id>`), from which Streams reads the agent's ID. */
export function agentQueueArn(agent: string): string {
  return `${SIM_ARN_PREFIX}/queue/agent/${slug(agent)}`;
}

/** The ARN of a routing profile by name. */
export function routingProfileArn(name: string): string {
  return `${SIM_ARN_PREFIX}/routing-profile/${slug(name)}`;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'default'
  );
}
