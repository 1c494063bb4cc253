/**
 * Zod schemas of the session log (see `session-types.ts`), for reading logs back from files
 * that may have been edited: a journal, an assessment, an actions file.
 */
import { z } from 'zod';
import { cleanLine, cleanText } from '../../clean-text';
import type { ConferenceEventType, RefusalReason, RuleId } from '../../conference';
import { agentActionNames, scriptedEventNames } from '../../conference';
import type { SessionLog, SessionRecord } from './session-types';

const PartyId = z.string().min(1).max(64);
const Time = z.number().min(0).max(1e9);
const Seq = z.int().min(0);

const RULE_IDS = [
  ...['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => `CONF-${n}`),
  ...['9a', '9b', '9c', '9d', '9e', '9f'].map((n) => `CONF-${n}`),
  ...['10a', '10b', '10c', '10d', '10e', '10f', '10g'].map((n) => `CONF-${n}`),
  ...['11', '12', '13', '14', '15', '16', '17', '18'].map((n) => `CONF-${n}`),
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].map((n) => `CCP-${n}`),
] as [RuleId, ...RuleId[]];
const RuleIdSchema = z.enum(RULE_IDS);
const REFUSAL_REASONS: [RefusalReason, ...RefusalReason[]] = [
  'participant-limit',
  'dial-pending',
  'too-few-participants',
  'not-your-party',
  'primary-only',
  'cannot-resume-self',
  'cannot-mute-others',
  'cannot-unmute-others',
  'swap-unavailable',
  'no-third-party',
  'not-on-call',
  'no-such-participant',
  'invalid-state',
  'quick-connect-unavailable',
];
const RefusalReasonSchema = z.enum(REFUSAL_REASONS);

const AddViaSchema = z.union([
  z.strictObject({ kind: z.literal('quick-connect'), name: cleanLine() }),
  z.strictObject({
    kind: z.literal('number-pad'),
    number: cleanLine(),
    country: z.string().max(2).optional(),
  }),
  z.strictObject({ kind: z.literal('flow'), flowName: cleanLine() }),
]);

/** A conference log entry as stored. */
export const LogEntrySchema = z.strictObject({
  seq: Seq,
  time: Time,
  actor: PartyId,
  type: z.enum([...agentActionNames, ...scriptedEventNames] as [
    ConferenceEventType,
    ...ConferenceEventType[],
  ]),
  target: PartyId.nullable(),
  via: AddViaSchema.nullable(),
  digits: z.string().max(50).nullable(),
  result: z.union([
    z.strictObject({ status: z.literal('accepted') }),
    z.strictObject({ status: z.literal('refused'), reason: RefusalReasonSchema, rule: RuleIdSchema }),
  ]),
  legs: z
    .array(
      z.strictObject({
        party: PartyId,
        state: z.enum(['connecting', 'connected', 'hold', 'disconnected']),
        muted: z.boolean(),
      }),
    )
    .max(12)
    .readonly(),
  phase: z.enum(['incoming', 'connected', 'ended', 'cleared']),
});

/** One record of a session log as stored. */
export const SessionRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), seq: Seq, time: Time, entry: LogEntrySchema }),
  z.strictObject({ kind: z.literal('step'), seq: Seq, time: Time, step: z.string() }),
  z.strictObject({
    kind: z.literal('line'),
    seq: Seq,
    time: Time,
    party: PartyId,
    text: cleanText().max(4000),
    clip: z.string().nullable(),
    step: z.string().nullable(),
  }),
  z.strictObject({ kind: z.literal('goal'), seq: Seq, time: Time, goal: z.string() }),
  z.strictObject({ kind: z.literal('question'), seq: Seq, time: Time, question: z.string() }),
  z.strictObject({
    kind: z.literal('answer'),
    seq: Seq,
    time: Time,
    question: z.string(),
    value: cleanLine().max(200),
  }),
  z.strictObject({
    kind: z.literal('end'),
    seq: Seq,
    time: Time,
    reason: z.enum(['trainee-finished', 'contact-ended', 'time-up', 'stopped']),
  }),
]);

/** A whole session log as stored; at most 100,000 records. */
export const SessionLogSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  scenarioVersion: z.string().min(1).max(32),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  records: z.array(SessionRecordSchema).max(100_000).readonly(),
});

// The schemas must describe exactly the types the director produces; these lines fail to
// compile when the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const recordsAgree: Same<z.infer<typeof SessionRecordSchema>['kind'], SessionRecord['kind']> = true;
const logAgrees: z.infer<typeof SessionLogSchema> extends SessionLog ? true : false = true;
void recordsAgree;
void logAgrees;
