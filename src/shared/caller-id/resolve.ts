/**
 * The caller-ID resolver: which number (and name) an external party sees after a transfer,
 * which rule decided it (CID-1 to CID-5), and what the checks CID-6 to CID-10 find.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { assertNever } from '../assert-never';
import { checkCallerIdName, checkCallerIdNumber, checkDestination, destinationCountry } from './compliance';
import type { Bilingual, Finding } from './findings';
import type { CallerIdSettings, InstanceConfig, Queue } from './instance';
import { describeNumber } from './phone';
import {
  type CallerIdSource,
  type DecidingRuleId,
  explainResolution,
  type ShownCallerId,
} from './resolution-explanations';
import type { CallerIdSituation } from './situation';

/** The caller ID an external party sees, why, and what is wrong with it. */
export interface CallerIdResolution {
  /** The number shown, as configured or passed through; null when no number is shown. */
  readonly number: string | null;
  /** The number in international format (libphonenumber-js), or null when it is no valid number. */
  readonly formattedNumber: string | null;
  /** The caller ID name, or null when none is set. */
  readonly name: string | null;
  /** The rule that decided the number. */
  readonly rule: DecidingRuleId;
  /** Where the caller ID comes from. */
  readonly source: CallerIdSource;
  /** The external number called, and its country (null when it has none). */
  readonly destination: { readonly number: string; readonly country: CountryCode | null };
  /** Why this caller ID is shown, in English and German. */
  readonly explanation: Bilingual;
  /** What CID-6 to CID-10 find, in rule order; a `failure` means the call fails. */
  readonly warnings: ReadonlyArray<Finding>;
}

/** The JSON paths that the findings of a block transfer name. */
export interface BlockFieldPaths {
  readonly callerIdNumber: string;
  readonly callerIdName: string;
  readonly callerNumber: string;
  readonly transferVia: string;
}

/** A "Transfer to phone number" block's caller-ID-relevant settings and the caller's number. */
export interface BlockCallerIdInput {
  readonly transferVia: string;
  readonly callerId?: CallerIdSettings | undefined;
  readonly callerNumber?: string | undefined;
}

/**
 * Resolves the caller ID an external party sees after a transfer.
 *
 * The situation must be one that `CallerIdSituationSchema` accepts: every name it refers to
 * (queue, routing profile, quick connect) exists. A dangling reference throws, because it
 * can only come from code that skipped the schema.
 */
export function resolveCallerId(situation: CallerIdSituation): CallerIdResolution {
  const { instance, transfer } = situation;
  switch (transfer.method) {
    case 'external-quick-connect': {
      const index = instance.quickConnects.findIndex((q) => q.name === transfer.quickConnect);
      const quickConnect = instance.quickConnects[index];
      if (quickConnect === undefined || quickConnect.type !== 'phone-number') {
        throw new Error(`no phone-number quick connect named "${transfer.quickConnect}"`);
      }
      const destination = { number: quickConnect.number, field: `instance.quickConnects[${index}].number` };
      const activeCall = transfer.agent.activeCall;
      if (activeCall !== undefined) {
        // CID-1: on an active call, the original queue supplies the caller ID.
        return fromQueue(instance, activeCall.queue, 'CID-1', transfer.quickConnect, destination);
      }
      // CID-2: not on a call, the outbound queue of the agent's routing profile supplies it ...
      const profile = instance.routingProfiles.find((p) => p.name === transfer.agent.routingProfile);
      if (profile === undefined)
        throw new Error(`no routing profile named "${transfer.agent.routingProfile}"`);
      const { index: queueIndex, queue } = findQueue(instance, profile.outboundQueue);
      const whisper = queue.outboundWhisperFlow;
      if (whisper?.callPhoneNumber === undefined) {
        return fromQueue(
          instance,
          profile.outboundQueue,
          'CID-2',
          transfer.quickConnect,
          destination,
          profile.name,
        );
      }
      // ... unless its custom outbound whisper flow sets one with a "Call phone number" block
      // (CID-3). The seed places this override under the routing-profile case only, so an
      // outbound whisper flow on the original queue does not change CID-1. Judgment call
      // (CID-3): a name the block leaves unset is taken from the queue's outbound caller ID.
      const flowPath = `instance.queues[${queueIndex}].outboundWhisperFlow.callPhoneNumber`;
      const name = whisper.callPhoneNumber.callerIdName ?? queue.outboundCallerId?.name ?? null;
      const nameField =
        whisper.callPhoneNumber.callerIdName !== undefined
          ? `${flowPath}.callerIdName`
          : `instance.queues[${queueIndex}].outboundCallerId.name`;
      return assemble(instance, {
        rule: 'CID-3',
        source: {
          kind: 'outbound-whisper-flow',
          routingProfile: profile.name,
          queue: queue.name,
          flow: whisper.name,
        },
        quickConnect: transfer.quickConnect,
        number: whisper.callPhoneNumber.callerIdNumber,
        name,
        passThrough: false,
        numberField: `${flowPath}.callerIdNumber`,
        nameField,
        destination,
      });
    }
    case 'number-pad':
      // CID-4: the number pad uses the original queue's caller ID.
      return fromQueue(instance, transfer.activeCall.queue, 'CID-4', null, {
        number: transfer.number,
        field: 'transfer.number',
      });
    case 'transfer-to-phone-number-block':
      return resolveBlockCallerId(instance, transfer, {
        callerIdNumber: 'transfer.callerId.number',
        callerIdName: 'transfer.callerId.name',
        callerNumber: 'transfer.callerNumber',
        transferVia: 'transfer.transferVia',
      });
    default:
      return assertNever(transfer, 'transfer method');
  }
}

/**
 * CID-5 for a "Transfer to phone number" block: its configured caller ID number, or else the
 * caller's own number passed through. Judgment call (CID-5): the block's caller ID name is
 * shown whenever it is set, with either number; the caller's name is not modelled.
 */
export function resolveBlockCallerId(
  instance: InstanceConfig,
  input: BlockCallerIdInput,
  fields: BlockFieldPaths,
): CallerIdResolution {
  const configured = input.callerId?.number;
  const name = input.callerId?.name ?? null;
  const destination = { number: input.transferVia, field: fields.transferVia };
  if (configured !== undefined) {
    return assemble(instance, {
      rule: 'CID-5',
      source: { kind: 'transfer-block' },
      quickConnect: null,
      number: configured,
      name,
      passThrough: false,
      numberField: fields.callerIdNumber,
      nameField: fields.callerIdName,
      destination,
    });
  }
  return assemble(instance, {
    rule: 'CID-5',
    source: { kind: 'caller-pass-through' },
    quickConnect: null,
    number: input.callerNumber ?? null,
    name,
    passThrough: true,
    numberField: fields.callerNumber,
    nameField: fields.callerIdName,
    destination,
  });
}

function findQueue(
  instance: InstanceConfig,
  name: string,
): { readonly index: number; readonly queue: Queue } {
  const index = instance.queues.findIndex((candidate) => candidate.name === name);
  const queue = instance.queues[index];
  if (queue === undefined) throw new Error(`no queue named "${name}"`);
  return { index, queue };
}

function fromQueue(
  instance: InstanceConfig,
  queueName: string,
  rule: 'CID-1' | 'CID-2' | 'CID-4',
  quickConnect: string | null,
  destination: { readonly number: string; readonly field: string },
  routingProfile?: string,
): CallerIdResolution {
  const { index, queue } = findQueue(instance, queueName);
  const source: CallerIdSource =
    routingProfile === undefined
      ? { kind: 'original-queue', queue: queue.name }
      : { kind: 'routing-profile-outbound-queue', routingProfile, queue: queue.name };
  return assemble(instance, {
    rule,
    source,
    quickConnect,
    number: queue.outboundCallerId?.number ?? null,
    name: queue.outboundCallerId?.name ?? null,
    passThrough: false,
    numberField: `instance.queues[${index}].outboundCallerId.number`,
    nameField: `instance.queues[${index}].outboundCallerId.name`,
    destination,
  });
}

interface Decision {
  readonly rule: DecidingRuleId;
  readonly source: CallerIdSource;
  readonly quickConnect: string | null;
  readonly number: string | null;
  readonly name: string | null;
  readonly passThrough: boolean;
  readonly numberField: string;
  readonly nameField: string;
  readonly destination: { readonly number: string; readonly field: string };
}

function assemble(instance: InstanceConfig, decision: Decision): CallerIdResolution {
  const facts = decision.number === null ? null : describeNumber(decision.number, instance.country);
  const formattedNumber = facts?.valid === true ? facts.international : null;
  const shown: ShownCallerId = {
    rule: decision.rule,
    source: decision.source,
    quickConnect: decision.quickConnect,
    number: decision.number,
    formattedNumber,
    name: decision.name,
  };
  const warnings = [
    ...checkCallerIdNumber(instance, {
      checked: { kind: decision.passThrough ? 'passed-through' : 'configured', number: decision.number },
      field: decision.numberField,
    }),
    ...checkCallerIdName(decision.name, decision.nameField),
    ...checkDestination(instance, decision.destination.number, decision.destination.field),
  ];
  return {
    number: decision.number,
    formattedNumber,
    name: decision.name,
    rule: decision.rule,
    source: decision.source,
    destination: {
      number: decision.destination.number,
      country: destinationCountry(decision.destination.number),
    },
    explanation: explainResolution(shown),
    warnings,
  };
}
