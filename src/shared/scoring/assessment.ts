/**
 * The assessment document: a self-contained JSON file that anyone can re-grade from its log.
 * `resources/schema/assessment.schema.json` is generated from `AssessmentSchema`.
 */
import { z } from 'zod';
import { cleanLine, cleanText } from '../clean-text';
import { SessionLogSchema } from '../scenario/director/session-schema';
import { ScoreResultSchema } from './result';
import { AssessmentSignatureSchema } from './signature';

/** The `type` every assessment file carries. */
export const ASSESSMENT_TYPE = 'conference-call-trainer/assessment';
/** The format version this code writes. */
export const ASSESSMENT_FORMAT_VERSION = 1;

const IsoUtc = z.iso.datetime({ offset: false, precision: 3 });

/** An answer the trainee gave, with the correct answer computed when the session was graded. */
export const AnswerResultSchema = z.strictObject({
  question: cleanLine(),
  text: cleanText(),
  given: cleanLine(),
  correctAnswer: cleanLine(),
  correct: z.boolean(),
});
/** An answer the trainee gave, judged. */
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

/** The assessment document. */
export const AssessmentSchema = z.strictObject({
  $schema: z.string().optional(),
  type: z.literal(ASSESSMENT_TYPE),
  formatVersion: z.literal(ASSESSMENT_FORMAT_VERSION),
  app: z.strictObject({ name: cleanLine().min(1), version: cleanLine().min(1) }),
  scenario: z.strictObject({
    id: cleanLine().min(1),
    version: cleanLine().min(1),
    /** `sha256:<hex>` of the scenario's canonical JSON: re-grading finds the exact scenario by it. */
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    title: cleanLine(),
    language: cleanLine(),
    /** The party id the trainee plays in the scenario. */
    traineeParty: cleanLine().min(1),
  }),
  /** Who took it: names reject control characters and bidi overrides (clean text). */
  trainee: z.strictObject({ name: cleanLine().min(1).max(200), id: cleanLine().max(200).optional() }),
  attemptId: z.uuid(),
  mode: z.enum(['practice', 'assessment']),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  startedAt: IsoUtc,
  endedAt: IsoUtc,
  durationMs: z.int().min(0),
  log: SessionLogSchema,
  result: ScoreResultSchema,
  answers: z.array(AnswerResultSchema),
  /** The installation's signature over every other field (absent: unsigned, e.g. made by `assess`). */
  signature: AssessmentSignatureSchema.optional(),
});
/** The assessment document. */
export type Assessment = z.infer<typeof AssessmentSchema>;
