/**
 * The scenario format: one JSON file per scenario and language. Defined once here with zod;
 * `resources/schema/scenario.schema.json` is generated from it (`npm run schemas`).
 */
import { z } from 'zod';
import {
  CallerBehaviourSchema,
  ChannelSchema,
  ExternalPartyBehaviourSchema,
  InstanceConfigSchema,
  TransferBlockSchema,
  TransferMethodSchema,
} from '../../caller-id';
import { cleanLine, cleanText } from '../../clean-text';
import { RubricSchema } from './rubric';
import {
  ConditionSchema,
  DelaySchema,
  EventPatternSchema,
  EventTypeSchema,
  ItemIdSchema,
  PartyIdSchema,
  SecondsSchema,
} from './vocabulary';

/** The `type` every scenario file carries. */
export const SCENARIO_TYPE = 'conference-call-trainer/scenario';
/** The format version this code writes; older versions are migrated on load. */
export const SCENARIO_FORMAT_VERSION = 2;

/** Free text: clean (no control characters but line breaks and tabs, no bidi overrides). */
const Text = cleanText().min(1).max(4000);
/** A one-line name or label, clean. */
const Name = (max: number) => cleanLine().min(1).max(max);

/** How a dialled party reacts: answers (or rejects, or never answers, is busy, or fails) after a delay. */
export const AnswerBehaviourSchema = z.strictObject({
  outcome: z.enum(['answer', 'reject', 'no-answer', 'busy', 'fail']).default('answer'),
  /** Seconds from the dial (or the offer) to the outcome. */
  after: DelaySchema.default(3),
});

/**
 * A dialled party's answer behaviour: one for every dial, or one per dial in order (the last
 * repeats): `[{"outcome": "no-answer"}, {"outcome": "answer"}]` rings out the first time and
 * answers the redial; `[{"outcome": "busy"}, {"outcome": "answer"}]` is busy, then free.
 */
export const AnswerSchema = z.union([AnswerBehaviourSchema, z.array(AnswerBehaviourSchema).min(1).max(10)]);

/** How long a party tolerates hold before complaining, and before hanging up. */
export const HoldToleranceSchema = z.strictObject({
  complainAfter: SecondsSchema.optional(),
  complaint: Text.optional(),
  hangUpAfter: SecondsSchema.optional(),
});

const partyBase = {
  id: PartyIdSchema,
  /** The name shown and spoken. */
  name: Name(80),
  /** What the party is in the story: "customer", "mortgage broker", "translator". */
  role: Name(80),
};

/** The customer who calls in. */
export const CallerSchema = z.strictObject({
  ...partyBase,
  kind: z.literal('caller'),
  number: z.string().min(1),
  holdTolerance: HoldToleranceSchema.optional(),
});

/** An agent: the trainee, or a scripted agent (a manager, a specialist). */
export const AgentSchema = z.strictObject({
  ...partyBase,
  kind: z.literal('agent'),
  /** The name of this agent's agent quick connect. */
  quickConnect: Name(80),
  /** How the agent reacts to an offer (per offer, when a list); ignored for the trainee. */
  answer: AnswerSchema.optional(),
  holdTolerance: HoldToleranceSchema.optional(),
});

/** A party outside the instance, reached by a phone number. */
export const ExternalSchema = z.strictObject({
  ...partyBase,
  kind: z.literal('external'),
  number: z.string().min(1),
  /** The name of a phone-number quick connect for this number, when the instance has one. */
  quickConnect: Name(80).optional(),
  answer: AnswerSchema.optional(),
  holdTolerance: HoldToleranceSchema.optional(),
});

/** Any party of a scenario. */
export const PartySchema = z.discriminatedUnion('kind', [CallerSchema, AgentSchema, ExternalSchema]);
/** Any party of a scenario. */
export type ScenarioParty = z.infer<typeof PartySchema>;

/** When a script step fires. */
export const TriggerSchema = z.union([
  /** At a time of the session clock. */
  z.strictObject({ at: SecondsSchema }),
  /** After a log entry that matches the pattern (plus an optional delay). */
  z.strictObject({ on: EventPatternSchema, after: SecondsSchema.optional() }),
  /** When a party has been on hold for a stretch of this many seconds. */
  z.strictObject({ onHoldFor: z.strictObject({ party: PartyIdSchema, seconds: SecondsSchema }) }),
  /** When a condition on the call becomes true (plus an optional delay). */
  z.strictObject({ when: ConditionSchema, after: SecondsSchema.optional() }),
  /** After another step fired (plus an optional delay). */
  z.strictObject({ afterStep: ItemIdSchema, after: SecondsSchema.optional() }),
]);
/** When a script step fires. */
export type Trigger = z.infer<typeof TriggerSchema>;

/** What a step does. */
export const EffectSchema = z.union([
  /** A party says a line: caption always, recorded clip if given, else speech synthesis. */
  z.strictObject({
    say: z.strictObject({
      party: PartyIdSchema,
      text: Text,
      /** A clip under resources/audio/lines, e.g. `mortgage/broker-hello.ogg`. */
      clip: z
        .string()
        .regex(/^[a-z0-9][a-z0-9/_-]*\.(ogg|mp3|wav)$/)
        .optional(),
    }),
  }),
  /** A party hangs up. */
  z.strictObject({ hangUp: z.strictObject({ party: PartyIdSchema }) }),
  /** A scripted agent performs an action. */
  z.strictObject({
    act: z.strictObject({
      actor: PartyIdSchema,
      action: EventTypeSchema,
      target: PartyIdSchema.optional(),
      digits: z.string().max(50).optional(),
    }),
  }),
  /** A goal is shown to the trainee. */
  z.strictObject({ showGoal: ItemIdSchema }),
  /** A question is put to the trainee. */
  z.strictObject({ ask: ItemIdSchema }),
]);
/** What a step does. */
export type Effect = z.infer<typeof EffectSchema>;

/**
 * What must hold for a step to fire, checked when it is due: a condition on the call, and
 * parties the trainee has consulted (talked with privately, the caller not hearing them, for at
 * least three seconds), so that the story stays coherent off the reference path.
 */
export const StepRequirementSchema = z.strictObject({
  condition: ConditionSchema.optional(),
  consulted: z.array(PartyIdSchema).min(1).optional(),
});

/** One step of the script. */
export const StepSchema = z.strictObject({
  id: ItemIdSchema,
  trigger: TriggerSchema,
  effects: z.array(EffectSchema).min(1),
  requires: StepRequirementSchema.optional(),
  /**
   * When the step is due but blocked (its requirements do not hold, or a speaker of its lines is
   * not connected or is muted): `skip` drops it (and lines whose speaker cannot speak; the step's
   * other effects still run when only speakers are missing), `wait` fires it as soon as nothing
   * blocks it any more.
   */
  ifBlocked: z.enum(['skip', 'wait']).default('skip'),
  /** For a `when` trigger: after firing, the step fires again each time its condition holds anew. */
  rearm: z.boolean().default(false),
});
/** One step of the script. */
export type ScriptStep = z.infer<typeof StepSchema>;

/** A goal the trainee sees. */
export const GoalSchema = z.strictObject({ id: ItemIdSchema, text: Text });

/**
 * A question about the call. For `caller-id`, the correct answer is the number that
 * `resolveCallerId` computes for the transfer, with the scenario's instance.
 * For `transfer-branch`, it is the branch the block simulation takes.
 */
export const QuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: ItemIdSchema,
    kind: z.literal('caller-id'),
    text: Text,
    transfer: TransferMethodSchema,
    /** Numbers offered as choices; the computed answer must be among them. Free entry when absent. */
    choices: z.array(cleanLine().min(1)).min(2).max(8).optional(),
  }),
  z.strictObject({
    id: ItemIdSchema,
    kind: z.literal('transfer-branch'),
    text: Text,
    /** The name of a block in `call.transferBlocks`. */
    block: z.string().min(1),
  }),
]);
/** A question about the call. */
export type Question = z.infer<typeof QuestionSchema>;

/**
 * A "Transfer to phone number" block of the scenario's contact flows, with how the caller and
 * the external party behave when it runs (the input of `simulateTransferBlock`, less the instance).
 */
export const ScenarioTransferBlockSchema = z.strictObject({
  name: Name(80),
  block: TransferBlockSchema,
  channel: ChannelSchema.default('voice'),
  caller: CallerBehaviourSchema,
  externalParty: ExternalPartyBehaviourSchema,
});

/** One timed action of the reference solution (or of a trainee's recorded run). */
export const TimedActionSchema = z.union([
  z.strictObject({
    at: SecondsSchema,
    action: EventTypeSchema,
    target: PartyIdSchema.optional(),
    /** For `add`: a quick connect name or a number dialled on the pad; the party's own route if absent. */
    via: z
      .union([
        z.strictObject({ quickConnect: z.string().min(1) }),
        /** A number typed on the pad, read in `country` (the pad's selector; the instance's when absent, CCP-11). */
        z.strictObject({
          numberPad: z.string().min(1),
          country: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .optional(),
        }),
      ])
      .optional(),
    digits: z.string().max(50).optional(),
  }),
  z.strictObject({
    at: SecondsSchema,
    answer: z.strictObject({ question: ItemIdSchema, value: z.string().max(200) }),
  }),
]);
/** One timed action of the trainee. */
export type TimedAction = z.infer<typeof TimedActionSchema>;

/**
 * A recorded trainee run with the verdict a trainer expects: `validate` plays it and checks
 * that it passes or fails, within the score range, with the criteria named met or missed.
 */
export const ScenarioTestSchema = z.strictObject({
  id: ItemIdSchema,
  /** What the run shows: "hold and resume instead of swap", "hangs up on the caller". */
  description: Text,
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  actions: z.array(TimedActionSchema).min(1),
  expect: z.strictObject({
    passed: z.boolean(),
    /** The scaled score (0 to 1) must lie in this range. */
    score: z
      .strictObject({ min: z.number().min(0).max(1).optional(), max: z.number().min(0).max(1).optional() })
      .optional(),
    /** Criteria that must be met. */
    met: z.array(ItemIdSchema).optional(),
    /** Criteria that must not be met (not met or not reached). */
    missed: z.array(ItemIdSchema).optional(),
  }),
});
/** A recorded trainee run with its expected verdict. */
export type ScenarioTest = z.infer<typeof ScenarioTestSchema>;

/** A warning the trainer expects (the lesson of the scenario), acknowledged with a reason. */
export const AcknowledgementSchema = z.strictObject({
  /** The finding's code, e.g. `au-toll-free-caller-id`. */
  code: z.string().min(1),
  /** The finding's JSON path, when only the finding at that path is meant. */
  path: z.string().min(1).optional(),
  reason: Text,
});

/** The whole scenario file. */
export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  type: z.literal(SCENARIO_TYPE),
  formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, { error: 'must be lower-case letters, digits and dashes' }),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like 1.0.0' }),
  /** The language the scenario is written in (BCP 47: `en`, `de`). */
  language: z.enum(['en', 'de']),
  /** The id of the scenario this one translates, if it is a translation. */
  translationOf: z.string().optional(),
  title: Name(120),
  briefing: Text,
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
  estimatedMinutes: z.number().positive().max(240),
  tags: z.array(Name(40)).max(20).default([]),
  author: Name(120),
  call: z.strictObject({
    mode: z.enum(['three-party', 'multiparty']),
    /** `primary`: the trainee takes the inbound call. `secondary`: a scripted agent adds the trainee. */
    traineeRole: z.enum(['primary', 'secondary']),
    /** The party id of the trainee (an agent). */
    trainee: PartyIdSchema,
    /** The agent who takes the call first; the trainee unless the trainee is secondary. */
    primaryAgent: PartyIdSchema,
    /** The queue the call is handled from (CID-1, CID-4); a queue of `instance`. */
    queue: z.string().min(1).optional(),
    contactLens: z.boolean().default(false),
    instance: InstanceConfigSchema,
    transferBlocks: z.array(ScenarioTransferBlockSchema).default([]),
  }),
  parties: z.array(PartySchema).min(2).max(12),
  script: z.array(StepSchema).default([]),
  goals: z.array(GoalSchema).default([]),
  questions: z.array(QuestionSchema).default([]),
  rubric: RubricSchema,
  reference: z.strictObject({
    /** The seed the reference solution is checked with. */
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    actions: z.array(TimedActionSchema).min(1),
  }),
  /** Recorded runs with the verdicts a trainer expects, checked by `validate`. */
  tests: z.array(ScenarioTestSchema).max(50).default([]),
  /** Warnings the trainer expects, reported as acknowledged rather than as warnings. */
  acknowledge: z.array(AcknowledgementSchema).max(20).default([]),
  /** Seconds after which the session ends on its own, if the trainee has not finished. */
  endAfter: SecondsSchema.default(1800),
});

/** A scenario as loaded and validated (defaults filled in). */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file (defaults may be missing). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
