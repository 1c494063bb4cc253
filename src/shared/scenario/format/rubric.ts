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

/**
 * Feedback shown to the trainee, one text per cause: met, not met, and not reached (the
 * criterion did not apply: the call never got that far). A text may name facts of the run in
 * braces, filled in by the scorer in the scenario's language: `{refusals}` (the refused actions
 * with their reasons and rules), `{count}`, `{longestHold}` (who waited and how long), `{time}`,
 * `{evidence}` (every note of the verdict). A text without them is shown as written.
 */
export const FeedbackSchema = z.strictObject({
  met: cleanText().min(1),
  notMet: cleanText().min(1),
  notReached: cleanText().min(1).optional(),
});
/** The placeholders a feedback text may use. */
export const FEEDBACK_PLACEHOLDERS = ['refusals', 'count', 'longestHold', 'time', 'evidence'] as const;

/**
 * When a criterion applies: once a state of the call was reached (`reached`) and/or once an
 * entry matching `event` was logged, both before the trainee left. A criterion that does not
 * apply is *not reached*: it scores no points and no praise.
 */
export const ApplicabilitySchema = z
  .strictObject({ reached: ConditionSchema.optional(), event: EventPatternSchema.optional() })
  .refine((a) => a.reached !== undefined || a.event !== undefined, { error: 'needs reached or event' });
/** When a criterion applies. */
export type Applicability = z.infer<typeof ApplicabilitySchema>;

const base = {
  id: ItemIdSchema,
  /** Points this criterion is worth. */
  weight: z.number().positive().max(100),
  /** A short name shown in the results. */
  title: cleanLine().min(1),
  feedback: FeedbackSchema,
  /** A required criterion must be met: missing it (or not reaching it) fails the run whatever the total. */
  required: z.boolean().default(false),
  /** When the criterion applies; always, when absent (some kinds have their own, see `judge`). */
  appliesWhen: ApplicabilitySchema.optional(),
  /**
   * What a criterion that does not apply does: `exclude` takes its weight out of the maximum,
   * `fail` fails the run.
   */
  ifNotReached: z.enum(['exclude', 'fail']).default('exclude'),
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

/**
 * A party stayed on the call: the trainee never ended the party's leg, neither by disconnecting
 * it nor by leaving a call that then ended (CONF-14), and the party never hung up while held.
 */
export const PartyKeptCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('party-kept'),
  party: PartyIdSchema,
});

/** The new party was greeted privately: between its `answer` and the next `join`, the trainee talked with it alone for `seconds`. */
export const ConsultedCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('consulted-before-join'),
  party: PartyIdSchema,
  seconds: SecondsSchema.default(0),
});

/**
 * Hold discipline: no party (or `party`) on hold longer than the limits. Without
 * `maxStretchSeconds`, a party's one-stretch limit is its own `holdTolerance.complainAfter` (the
 * moment it complains), so that the rubric and the story agree. Applies once someone was held.
 */
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

/**
 * A state of the call was reached (an outcome, whichever buttons led there), optionally by a
 * time, after and/or before an event, and held for at least `forSeconds` (a talk, not a flick).
 */
export const StateReachedCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('state-reached'),
  condition: ConditionSchema,
  bySeconds: SecondsSchema.optional(),
  before: EventPatternSchema.optional(),
  after: EventPatternSchema.optional(),
  forSeconds: SecondsSchema.optional(),
});

/**
 * The state of the call at the moment the trainee left (an accepted `leave`) or, after the
 * contact ended, cleared it. A trainee who did neither does not meet it.
 */
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

/**
 * The call is finished within a time limit: counted to the moment the trainee left the call (or
 * their leg ended), not their after-call work, unless `until` is `session-end`. Applies once the
 * trainee has left or cleared.
 */
export const TimeLimitCriterionSchema = z.strictObject({
  ...base,
  kind: z.literal('time-limit'),
  seconds: SecondsSchema,
  until: z.enum(['trainee-left', 'session-end']).default('trainee-left'),
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
  PartyKeptCriterionSchema,
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
