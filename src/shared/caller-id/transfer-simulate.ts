/**
 * The simulation of a "Transfer to phone number" block (XFER-1 to XFER-7): given the block,
 * the contact's channel and how the caller and the external party behave, which branch the
 * block takes, what happens when on the simulated clock, and whether the caller returns to
 * the flow. Pure: time is the simulated clock, starting at 0 ms when the block starts dialling.
 */
import { z } from 'zod';
import { assertNever } from '../assert-never';
import { type DtmfStep, scheduleDtmf } from './dtmf';
import type { Bilingual, Finding, RuleId } from './findings';
import { InstanceConfigSchema } from './instance';
import { type CallerIdResolution, resolveBlockCallerId } from './resolve';
import { type Channel, ChannelSchema, TransferBlockSchema, type TransferBranch } from './transfer-block';
import { validateTransferBlock } from './transfer-validate';
import {
  type ContinuationForExplanation,
  explainSimulation,
  type OutcomeForExplanation,
} from './xfer-explanations';

const SecondsSchema = z.number().min(0, { error: 'must be 0 or more seconds' });
const CallerNumberSchema = z
  .string()
  .min(1, { error: 'must not be empty; leave the field out for a withheld number' })
  .optional();

/** The caller: their own number (left out when withheld) and whether they hang up. */
export const CallerBehaviourSchema = z.discriminatedUnion('behaviour', [
  /** The caller stays on the line. */
  z.strictObject({ behaviour: z.literal('stays'), number: CallerNumberSchema }).readonly(),
  /** The caller hangs up `afterSeconds` after the block starts dialling. */
  z
    .strictObject({
      behaviour: z.literal('hangs-up'),
      afterSeconds: SecondsSchema,
      number: CallerNumberSchema,
    })
    .readonly(),
]);
/** The caller: their own number and whether they hang up. */
export type CallerBehaviour = z.infer<typeof CallerBehaviourSchema>;

/** How the external party reacts to the call. Times count from the start of dialling. */
export const ExternalPartyBehaviourSchema = z.discriminatedUnion('behaviour', [
  /** Answers after `afterSeconds`; hangs up `hangsUpAfterSeconds` after answering, or stays. */
  z
    .strictObject({
      behaviour: z.literal('answers'),
      afterSeconds: SecondsSchema,
      hangsUpAfterSeconds: SecondsSchema.optional(),
    })
    .readonly(),
  /** Never answers: the block waits for its timeout. */
  z.strictObject({ behaviour: z.literal('never-answers') }).readonly(),
  /** The line is busy, after `afterSeconds` (default 0). */
  z.strictObject({ behaviour: z.literal('busy'), afterSeconds: SecondsSchema.optional() }).readonly(),
  /** The call fails or is rejected, after `afterSeconds` (default 0). */
  z.strictObject({ behaviour: z.literal('fails'), afterSeconds: SecondsSchema.optional() }).readonly(),
]);
/** How the external party reacts to the call. */
export type ExternalPartyBehaviour = z.infer<typeof ExternalPartyBehaviourSchema>;

/** The input of `simulateTransferBlock`. */
export const TransferSimulationInputSchema = z
  .strictObject({
    instance: InstanceConfigSchema,
    block: TransferBlockSchema,
    channel: ChannelSchema,
    caller: CallerBehaviourSchema,
    externalParty: ExternalPartyBehaviourSchema,
  })
  .readonly();
/** The input of `simulateTransferBlock`. */
export type TransferSimulationInput = z.infer<typeof TransferSimulationInputSchema>;

/** One thing that happens during the transfer, at `atMs` on the simulated clock, with its rule. */
export type TimelineEvent =
  | {
      readonly type: 'dialling';
      readonly atMs: number;
      readonly rule: RuleId;
      readonly number: string;
      readonly callerIdNumber: string | null;
      readonly callerIdName: string | null;
    }
  | { readonly type: 'answered'; readonly atMs: number; readonly rule: RuleId }
  | {
      readonly type: 'call-failed';
      readonly atMs: number;
      readonly rule: RuleId;
      readonly reason: 'country-not-allowed' | 'busy' | 'rejected';
    }
  | { readonly type: 'timeout'; readonly atMs: number; readonly rule: RuleId }
  | { readonly type: 'error'; readonly atMs: number; readonly rule: RuleId; readonly channel: Channel }
  | { readonly type: 'branch'; readonly atMs: number; readonly rule: RuleId; readonly branch: TransferBranch }
  | (DtmfStep & { readonly rule: RuleId })
  | {
      readonly type: 'disconnected';
      readonly atMs: number;
      readonly rule: RuleId;
      readonly party: 'caller' | 'external-party';
    }
  | { readonly type: 'flow-ended'; readonly atMs: number; readonly rule: RuleId }
  | { readonly type: 'caller-returned-to-flow'; readonly atMs: number; readonly rule: RuleId }
  | { readonly type: 'call-ended'; readonly atMs: number; readonly rule: RuleId };

/** The result of a simulation. */
export type TransferSimulation =
  /** The block's configuration has errors (XFER-2, XFER-3); fields are paths in the input (`block.…`). */
  | { readonly kind: 'invalid-configuration'; readonly findings: ReadonlyArray<Finding> }
  | {
      readonly kind: 'simulated';
      /** The branch taken, or null when the caller hung up before the block finished. */
      readonly branch: TransferBranch | null;
      /** What happened, in time order. */
      readonly timeline: ReadonlyArray<TimelineEvent>;
      /** XFER-5: whether the caller returns to the instance and the flow continues. */
      readonly callerReturnsToFlow: boolean;
      /** The caller ID the external party sees and its findings; null when no call is placed. */
      readonly callerId: CallerIdResolution | null;
      /** Why it went as it did, in English and German. */
      readonly explanation: Bilingual;
    };

/** Options of the simulation. */
export interface TransferSimulationOptions {
  /** Time from one DTMF digit to the next (default `DEFAULT_DTMF_DIGIT_INTERVAL_MS`). */
  readonly dtmfDigitIntervalMs?: number;
}

const toMs = (seconds: number): number => Math.round(seconds * 1000);

/**
 * Simulates the block on one contact.
 *
 * Order of events that fall on the same millisecond (judgment calls, XFER-4 and XFER-5):
 * an answer exactly at the timeout counts as within it ("within 30 s" includes 30 s); a caller
 * who hangs up at the same moment as anything else has hung up first, so the block takes no
 * branch, or the call ends without resuming the flow; a DTMF digit due at the moment someone
 * hangs up is not sent. Busy and failed calls take Call failed (the leg ends, CCP-3).
 */
export function simulateTransferBlock(
  input: TransferSimulationInput,
  options: TransferSimulationOptions = {},
): TransferSimulation {
  const { instance, block, channel, caller, externalParty } = input;
  const validation = validateTransferBlock(block, instance);
  if (!validation.valid) {
    return {
      kind: 'invalid-configuration',
      findings: validation.findings.map((f) => ({
        ...f,
        field: f.field === null ? 'block' : `block.${f.field}`,
      })),
    };
  }

  // XFER-1: only voice is transferred; chat and task take Error without placing a call.
  if (channel !== 'voice') {
    return simulated(null, [
      [{ type: 'error', atMs: 0, rule: 'XFER-1', channel }, branchEvent(0, 'error', 'XFER-1')],
      'error',
      { kind: 'unsupported-channel', channel },
      [],
    ]);
  }

  const callerId = resolveBlockCallerId(
    instance,
    { transferVia: block.transferVia, callerId: block.callerId, callerNumber: caller.number },
    {
      callerIdNumber: 'block.callerId.number',
      callerIdName: 'block.callerId.name',
      callerNumber: 'caller.number',
      transferVia: 'block.transferVia',
    },
  );
  const timeline: TimelineEvent[] = [
    {
      type: 'dialling',
      atMs: 0,
      rule: 'XFER-1',
      number: block.transferVia,
      callerIdNumber: callerId.number,
      callerIdName: callerId.name,
    },
  ];

  // CID-10 via XFER-4: a country that is not allowed fails the call at once.
  if (callerId.warnings.some((finding) => finding.rule === 'CID-10')) {
    timeline.push(
      { type: 'call-failed', atMs: 0, rule: 'CID-10', reason: 'country-not-allowed' },
      branchEvent(0, 'call-failed'),
    );
    return simulated(callerId, [timeline, 'call-failed', { kind: 'country-not-allowed' }, []]);
  }

  const timeoutMs = toMs(block.timeoutSeconds);
  const callerHangsUpMs = caller.behaviour === 'hangs-up' ? toMs(caller.afterSeconds) : null;
  const ring = ringOutcome(externalParty, timeoutMs);

  if (callerHangsUpMs !== null && callerHangsUpMs <= ring.atMs) {
    timeline.push(
      { type: 'disconnected', atMs: callerHangsUpMs, rule: 'XFER-5', party: 'caller' },
      { type: 'call-ended', atMs: callerHangsUpMs, rule: 'XFER-5' },
    );
    return simulated(callerId, [
      timeline,
      null,
      { kind: 'caller-hung-up-while-dialling', atMs: callerHangsUpMs },
      [],
    ]);
  }

  switch (ring.kind) {
    case 'timeout':
      timeline.push({ type: 'timeout', atMs: ring.atMs, rule: 'XFER-4' }, branchEvent(ring.atMs, 'timeout'));
      return simulated(callerId, [timeline, 'timeout', { kind: 'timeout', timeoutMs }, []]);
    case 'busy':
    case 'rejected':
      timeline.push(
        { type: 'call-failed', atMs: ring.atMs, rule: 'XFER-4', reason: ring.kind },
        branchEvent(ring.atMs, 'call-failed'),
      );
      return simulated(callerId, [timeline, 'call-failed', { kind: ring.kind, atMs: ring.atMs }, []]);
    case 'answered':
      break;
    default:
      return assertNever(ring.kind, 'ring outcome');
  }

  const answeredMs = ring.atMs;
  timeline.push({ type: 'answered', atMs: answeredMs, rule: 'XFER-4' }, branchEvent(answeredMs, 'success'));
  const resume = block.resumeFlowAfterDisconnect;
  if (!resume) timeline.push({ type: 'flow-ended', atMs: answeredMs, rule: 'XFER-5' });

  const externalHangsUpMs =
    externalParty.behaviour === 'answers' && externalParty.hangsUpAfterSeconds !== undefined
      ? answeredMs + toMs(externalParty.hangsUpAfterSeconds)
      : null;
  const callerEndsFirst =
    callerHangsUpMs !== null && (externalHangsUpMs === null || callerHangsUpMs <= externalHangsUpMs);
  const endMs = callerEndsFirst ? callerHangsUpMs : externalHangsUpMs;

  // XFER-6: the digits go out after the answer, as long as both parties are still there.
  for (const step of scheduleDtmf(block.dtmf ?? '', answeredMs, options.dtmfDigitIntervalMs)) {
    if (endMs !== null && step.atMs >= endMs) break;
    timeline.push({ ...step, rule: 'XFER-6' });
  }

  // XFER-5: without "Resume flow after disconnect" the flow has ended with the transfer.
  const continuations: ContinuationForExplanation[] = resume ? [] : [{ kind: 'flow-ended' }];
  let returns = false;
  if (callerEndsFirst && callerHangsUpMs !== null) {
    // XFER-5: the caller hanging up ends the whole call, resume or not.
    timeline.push(
      { type: 'disconnected', atMs: callerHangsUpMs, rule: 'XFER-5', party: 'caller' },
      { type: 'call-ended', atMs: callerHangsUpMs, rule: 'XFER-5' },
    );
    continuations.push({ kind: 'caller-hung-up', atMs: callerHangsUpMs, resume });
  } else if (externalHangsUpMs !== null) {
    timeline.push({ type: 'disconnected', atMs: externalHangsUpMs, rule: 'XFER-5', party: 'external-party' });
    if (resume) {
      // XFER-5: the external party hung up and the caller stayed: back to the instance.
      timeline.push({ type: 'caller-returned-to-flow', atMs: externalHangsUpMs, rule: 'XFER-5' });
      continuations.push({ kind: 'returned', atMs: externalHangsUpMs });
      returns = true;
    } else {
      timeline.push({ type: 'call-ended', atMs: externalHangsUpMs, rule: 'XFER-5' });
      continuations.push({ kind: 'external-hung-up', atMs: externalHangsUpMs });
    }
  } else {
    continuations.push({ kind: 'still-talking', resume });
  }
  return simulated(
    callerId,
    [timeline, 'success', { kind: 'answered', atMs: answeredMs, timeoutMs }, continuations],
    returns,
  );
}

type RingOutcome = { readonly kind: 'answered' | 'busy' | 'rejected' | 'timeout'; readonly atMs: number };

/** XFER-4: what the ringing leg comes to, on its own: answered, busy, rejected, or timed out. */
function ringOutcome(externalParty: ExternalPartyBehaviour, timeoutMs: number): RingOutcome {
  const within = (kind: RingOutcome['kind'], atMs: number): RingOutcome =>
    atMs <= timeoutMs ? { kind, atMs } : { kind: 'timeout', atMs: timeoutMs };
  switch (externalParty.behaviour) {
    case 'answers':
      return within('answered', toMs(externalParty.afterSeconds));
    case 'never-answers':
      return { kind: 'timeout', atMs: timeoutMs };
    case 'busy':
      return within('busy', toMs(externalParty.afterSeconds ?? 0));
    case 'fails':
      return within('rejected', toMs(externalParty.afterSeconds ?? 0));
    default:
      return assertNever(externalParty, 'external party behaviour');
  }
}

function branchEvent(atMs: number, branch: TransferBranch, rule: RuleId = 'XFER-4'): TimelineEvent {
  return { type: 'branch', atMs, rule, branch };
}

function simulated(
  callerId: CallerIdResolution | null,
  [timeline, branch, outcome, continuation]: readonly [
    ReadonlyArray<TimelineEvent>,
    TransferBranch | null,
    OutcomeForExplanation,
    ReadonlyArray<ContinuationForExplanation>,
  ],
  callerReturnsToFlow = false,
): TransferSimulation {
  return {
    kind: 'simulated',
    branch,
    timeline,
    callerReturnsToFlow,
    callerId,
    explanation: explainSimulation(outcome, continuation),
  };
}
