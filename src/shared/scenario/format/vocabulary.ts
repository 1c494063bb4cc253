/**
 * The building blocks of a scenario that the script, the goals and the rubric share: party ids,
 * durations, event patterns and conditions on the call.
 */
import { z } from 'zod';
import { agentActionNames, scriptedEventNames } from '../../conference';

/** A party id: lower-case letters, digits and dashes, starting with a letter (`broker`, `team-lead`). */
export const PartyIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
  error: 'must be lower-case letters, digits and dashes, starting with a letter',
});

/** An id of a step, goal, question or criterion: same form as a party id. */
export const ItemIdSchema = PartyIdSchema;

/** A duration in seconds, as authors write it (up to four hours). */
export const SecondsSchema = z.number().min(0).max(14_400);

/**
 * A delay in seconds: a fixed number, or a range drawn with the session's seed
 * (`{"min": 3, "max": 8}`: the translator answers after 3 to 8 s).
 */
export const DelaySchema = z.union([
  SecondsSchema,
  z
    .strictObject({ min: SecondsSchema, max: SecondsSchema })
    .refine((range) => range.min <= range.max, { error: 'min must not be greater than max', path: ['max'] }),
]);
/** A delay in seconds, fixed or drawn from a range. */
export type Delay = z.infer<typeof DelaySchema>;

/** Every event type of the conference model: agent actions and scripted events. */
export const EventTypeSchema = z.enum([...agentActionNames, ...scriptedEventNames] as [string, ...string[]]);

/** A leg state (CCP-1). */
export const LegStateSchema = z.enum(['connecting', 'connected', 'hold', 'disconnected']);

/**
 * A pattern that matches entries of the session log: an event of a type, optionally by an
 * actor, on a target, accepted or refused.
 */
export const EventPatternSchema = z.strictObject({
  event: EventTypeSchema,
  actor: PartyIdSchema.optional(),
  target: PartyIdSchema.optional(),
  result: z.enum(['accepted', 'refused']).optional(),
});
/** A pattern over log entries. */
export type EventPattern = z.infer<typeof EventPatternSchema>;

/** A condition on the call at one moment; composed with `all`, `any` and `not`. */
export type Condition =
  | { readonly all: ReadonlyArray<Condition> }
  | { readonly any: ReadonlyArray<Condition> }
  | { readonly not: Condition }
  | {
      readonly leg: {
        readonly party: string;
        readonly state: z.infer<typeof LegStateSchema> | ReadonlyArray<z.infer<typeof LegStateSchema>>;
      };
    }
  | { readonly participants: { readonly atLeast?: number; readonly atMost?: number } }
  | { readonly hears: { readonly listener: string; readonly speaker: string } }
  | { readonly contactUp: boolean };

/** A condition on the call at one moment (see `Condition`). */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({
      leg: z.strictObject({
        party: PartyIdSchema,
        state: z.union([LegStateSchema, z.array(LegStateSchema).min(1)]),
      }),
    }),
    z.strictObject({
      participants: z
        .strictObject({ atLeast: z.int().min(0).max(6).optional(), atMost: z.int().min(0).max(6).optional() })
        .refine((p) => p.atLeast !== undefined || p.atMost !== undefined, {
          error: 'needs atLeast or atMost',
        }),
    }),
    z.strictObject({ hears: z.strictObject({ listener: PartyIdSchema, speaker: PartyIdSchema }) }),
    z.strictObject({ contactUp: z.boolean() }),
  ]),
);
