/**
 * The input of the caller-ID resolver: an instance and one transfer to an external number,
 * made by one of the three methods the seed lists (000_5589778a75eceb6d).
 */
import { z } from 'zod';
import { assertNever } from '../assert-never';
import { CallerIdSettingsSchema, InstanceConfigSchema, InternationalNumberSchema } from './instance';

const ReferenceSchema = z.string().min(1, { error: 'must not be empty' });

/** The call the agent is on: the queue it is handled from (the "original queue"). */
export const ActiveCallSchema = z.strictObject({ queue: ReferenceSchema }).readonly();
/** The call the agent is on. */
export type ActiveCall = z.infer<typeof ActiveCallSchema>;

/** A transfer through an external (phone-number) quick connect (CID-1, CID-2, CID-3). */
export const ExternalQuickConnectTransferSchema = z
  .strictObject({
    method: z.literal('external-quick-connect'),
    /** The name of a phone-number quick connect in `instance.quickConnects`. */
    quickConnect: ReferenceSchema,
    agent: z
      .strictObject({
        /** The name of the agent's routing profile in `instance.routingProfiles`. */
        routingProfile: ReferenceSchema,
        /** The call the agent is on; left out when the agent is not on an active call. */
        activeCall: ActiveCallSchema.optional(),
      })
      .readonly(),
  })
  .readonly();

/**
 * A transfer with the number pad (CID-4). The number pad transfers a call the agent is on, so
 * the active call is required; dialling from the pad without a call is an outbound call, not
 * a transfer, and the seed does not cover it.
 */
export const NumberPadTransferSchema = z
  .strictObject({
    method: z.literal('number-pad'),
    /** The dialled external number, with its country code. */
    number: InternationalNumberSchema,
    activeCall: ActiveCallSchema,
  })
  .readonly();

/** A transfer by a "Transfer to phone number" flow block (CID-5). */
export const TransferBlockTransferSchema = z
  .strictObject({
    method: z.literal('transfer-to-phone-number-block'),
    /** The block's "Transfer via" number, with its country code. */
    transferVia: InternationalNumberSchema,
    /** The block's caller ID number and name, each optional. */
    callerId: CallerIdSettingsSchema.optional(),
    /** The caller's own number; left out when the caller withholds it. */
    callerNumber: z
      .string()
      .min(1, { error: 'must not be empty; leave the field out for a withheld number' })
      .optional(),
  })
  .readonly();

/** One transfer to an external number, by one of the three methods. */
export const TransferMethodSchema = z.discriminatedUnion('method', [
  ExternalQuickConnectTransferSchema,
  NumberPadTransferSchema,
  TransferBlockTransferSchema,
]);
/** One transfer to an external number, by one of the three methods. */
export type TransferMethod = z.infer<typeof TransferMethodSchema>;

/** The input of `resolveCallerId`: the instance and the transfer. References must resolve. */
export const CallerIdSituationSchema = z
  .strictObject({
    instance: InstanceConfigSchema,
    transfer: TransferMethodSchema,
  })
  .readonly()
  .superRefine(({ instance, transfer }, ctx) => {
    const queueExists = (name: string): boolean => instance.queues.some((queue) => queue.name === name);
    const missingQueue = (name: string, path: ReadonlyArray<string>): void => {
      if (!queueExists(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `no queue named "${name}" in instance.queues`,
          path: [...path],
        });
      }
    };
    switch (transfer.method) {
      case 'external-quick-connect': {
        const quickConnect = instance.quickConnects.find((q) => q.name === transfer.quickConnect);
        if (quickConnect === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `no quick connect named "${transfer.quickConnect}" in instance.quickConnects`,
            path: ['transfer', 'quickConnect'],
          });
        } else if (quickConnect.type !== 'phone-number') {
          ctx.addIssue({
            code: 'custom',
            message: `quick connect "${transfer.quickConnect}" is of type ${quickConnect.type}; only a phone-number quick connect reaches an external party`,
            path: ['transfer', 'quickConnect'],
          });
        }
        const profile = instance.routingProfiles.find((p) => p.name === transfer.agent.routingProfile);
        if (profile === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `no routing profile named "${transfer.agent.routingProfile}" in instance.routingProfiles`,
            path: ['transfer', 'agent', 'routingProfile'],
          });
        }
        if (transfer.agent.activeCall !== undefined) {
          missingQueue(transfer.agent.activeCall.queue, ['transfer', 'agent', 'activeCall', 'queue']);
        }
        return;
      }
      case 'number-pad':
        missingQueue(transfer.activeCall.queue, ['transfer', 'activeCall', 'queue']);
        return;
      case 'transfer-to-phone-number-block':
        return;
      default:
        assertNever(transfer, 'transfer method');
    }
  });
/** The input of `resolveCallerId`. */
export type CallerIdSituation = z.infer<typeof CallerIdSituationSchema>;
