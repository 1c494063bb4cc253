/**
 * The rubric vocabulary: the criteria a trainer composes in a scenario, each a predicate over
 * the session log with a weight and feedback. No code in scenarios: only these kinds.
 */
import { z } from 'zod';
import { cleanLine, cleanText } from '../../clean-text';
import {
  ConditionSchema,
  EventPatternSchema,
  EventTypeSchema,
  ItemIdSchema,
  PartyIdSchema,
  SecondsSchema,
} from './vocabulary';

/** Feedback shown to the trainee when a criterion is met and when it is not. */
export const FeedbackSchema = z.strictObject({
  met: cleanText().min(1),
  notMet: cleanText().min(1),
});

const base = {
  id: ItemIdSchema,
  /** Points this criterion is worth. */
  weight: z.number().positive().max(100),
  /** A short name shown in the results. */
  title: cleanLine().min(1),
  feedback: FeedbackSchema,
};

/**
 * An action was used (by the trainee unless `actor` is given), optionally on one party, at least
 * and/or at most a number of times. `atMost: 0` says an action must never be used.
 */
export const ActionUsedCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('action-used'),
  action: EventTypeSchema,
  actor: PartyIdSchema.optional(),
  target: PartyIdSchema.optional(),
  atLeast: z.int().min(0).optional(),
  atMost: z.int().min(0).optional(),
});

/** Ordering: the first entry matching `before` comes before the first entry matching `after` (which must occur). */
export const OrderCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('order'),
  before: EventPatternSchema,
  after: EventPatternSchema,
});

/** The new party was greeted privately: between its `answer` and the next `join`, the trainee talked with it alone for `seconds`. */
export const ConsultedCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('consulted-before-join'),
  party: PartyIdSchema,
  seconds: SecondsSchema.default(0),
});

/** Hold discipline: no party (or `party`) on hold longer than the limits. */
export const HoldCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('hold-discipline'),
  party: PartyIdSchema.optional(),
  maxStretchSeconds: SecondsSchema.optional(),
  maxTotalSeconds: SecondsSchema.optional(),
});

/** Privacy: `listener` never heard `speaker` (from the conference's who-hears-whom). */
export const PrivacyCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('privacy'),
  listener: PartyIdSchema,
  speaker: PartyIdSchema,
});

/** A state of the call was reached, optionally by a time or before an event. */
export const StateReachedCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('state-reached'),
  condition: ConditionSchema,
  bySeconds: SecondsSchema.optional(),
  before: EventPatternSchema.optional(),
});

/** The state of the call when the trainee's leg ended (or at the end of the session). */
export const FinalStateCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('final-state'),
  condition: ConditionSchema,
});

/** The trainee answered a question correctly (the answer is computed, never typed by the author). */
export const AnswerCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('answer-correct'),
  question: ItemIdSchema,
});

/** Attempts the CCP would refuse: at most `max` (assessment runs count them against the trainee). */
export const RefusalsCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('refused-attempts'),
  max: z.int().min(0),
});

/** The whole scenario is finished within a time limit. */
export const TimeLimitCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('time-limit'),
  seconds: SecondsSchema,
});

/** One rubric criterion. */
export const CriterionSchema = z.discriminatedUnion('kind', [
  ActionUsedCriterionSchema,
  OrderCriterionSchema,
  ConsultedCriterionSchema,
  HoldCriterionSchema,
  PrivacyCriterionSchema,
  StateReachedCriterionSchema,
  FinalStateCriterionSchema,
  AnswerCriterionSchema,
  RefusalsCriterionSchema,
  TimeLimitCriterionSchema,
]);
/** One rubric criterion. */
export type Criterion = z.infer<typeof CriterionSchema>;

/** The rubric: criteria and the pass mark (a fraction of the maximum score). */
export const RubricSchema = z.strictObject({
  passMark: z.number().min(0).max(1),
  criteria: z.array(CriterionSchema).min(1),
});
/** The rubric of a scenario. */
export type Rubric = z.infer<typeof RubricSchema>;
