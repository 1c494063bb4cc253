/**
 * The configuration of a "Transfer to phone number" contact-flow block (XFER-3), and the
 * vocabulary of flows and channels it depends on.
 *
 * The schema accepts any number for the timeout and any text for the DTMF digits and the
 * transfer-via number, so that `validateTransferBlock` can report what is wrong with them
 * under the rule that forbids it, instead of a bare type error.
 */
import { z } from 'zod';
import { CallerIdSettingsSchema } from './instance';

/** The flow types of Amazon Connect. */
export const FLOW_TYPES = [
  'inbound',
  'customer-queue',
  'customer-hold',
  'customer-whisper',
  'outbound-whisper',
  'agent-hold',
  'agent-whisper',
  'transfer-to-agent',
  'transfer-to-queue',
] as const;

/** A flow type of Amazon Connect. */
export type FlowType = (typeof FLOW_TYPES)[number];

/** XFER-2: the flow types in which the "Transfer to phone number" block may be used. */
export const TRANSFER_BLOCK_FLOW_TYPES: ReadonlyArray<FlowType> = [
  'inbound',
  'customer-queue',
  'transfer-to-agent',
  'transfer-to-queue',
];

/** A flow type of Amazon Connect. */
export const FlowTypeSchema = z.enum(FLOW_TYPES);

/** The channels a contact can arrive on (XFER-1: only voice can be transferred to a phone number). */
export const ChannelSchema = z.enum(['voice', 'chat', 'task']);
/** The channel of a contact. */
export type Channel = z.infer<typeof ChannelSchema>;

/** XFER-3: the shortest and longest timeout the block accepts, in seconds. */
export const TRANSFER_TIMEOUT_RANGE_SECONDS = { min: 0, max: 600 } as const;

/** XFER-3: the most characters "Send DTMF" accepts. */
export const DTMF_MAX_LENGTH = 50;

/** XFER-3: the characters "Send DTMF" accepts; a comma is a pause (XFER-6). */
export const DTMF_CHARACTERS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', ','] as const;

/** The properties of a "Transfer to phone number" block, and the type of the flow it sits in (XFER-2, XFER-3). */
export const TransferBlockSchema = z
  .strictObject({
    /** The type of the flow the block is placed in (XFER-2). */
    flowType: FlowTypeSchema,
    /** "Transfer via": the external number, with its country code. */
    transferVia: z.string(),
    /** Seconds to wait for the external party to answer (0 to 600). */
    timeoutSeconds: z.number(),
    /** "Resume flow after disconnect" (XFER-5). */
    resumeFlowAfterDisconnect: z.boolean(),
    /** "Send DTMF": digits sent after the external party answers (XFER-6). */
    dtmf: z.string().optional(),
    /** "Caller ID number" and "Caller ID name" (CID-5, XFER-7). */
    callerId: CallerIdSettingsSchema.optional(),
  })
  .readonly();
/** The properties of a "Transfer to phone number" block, and the type of the flow it sits in. */
export type TransferBlock = z.infer<typeof TransferBlockSchema>;

/** The four branches of the block (XFER-4). */
export type TransferBranch = 'success' | 'call-failed' | 'timeout' | 'error';
