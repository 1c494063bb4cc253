/**
 * What the scorer says about a session: each criterion met or not, with evidence and feedback,
 * and the score. Zod schemas, because stored assessments carry it and are read back untrusted.
 */
import { z } from 'zod';
import { cleanLine, cleanText } from '../clean-text';

/** One piece of evidence: a record of the session log (by `seq`) and what it shows. */
export const EvidenceSchema = z.strictObject({
  seq: z.int().min(0),
  time: z.number().min(0),
  note: cleanText(),
});
/** One piece of evidence for a criterion's verdict. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Met, not met, or not reached (the criterion did not apply: the call never got that far). */
export const CriterionStatusSchema = z.enum(['met', 'not-met', 'not-reached']);
/** Met, not met, or not reached. */
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

/** The verdict on one criterion. */
export const CriterionResultSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  title: cleanLine(),
  weight: z.number(),
  met: z.boolean(),
  /** Met, not met or not reached; absent in assessments written before it was recorded. */
  status: CriterionStatusSchema.optional(),
  /** Whether missing this criterion fails the run; absent in older assessments. */
  required: z.boolean().optional(),
  /** Whether this criterion's weight counts in the maximum (a criterion not reached may be left out). */
  counted: z.boolean().optional(),
  /** `weight` when met, else 0. */
  points: z.number(),
  /** The feedback for its status, from the scenario, with the run's facts filled in. */
  feedback: cleanText(),
  /** What the verdict rests on, in log order. */
  evidence: z.array(EvidenceSchema),
});
/** The verdict on one criterion. */
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

/** The result of scoring a session. */
export const ScoreResultSchema = z.strictObject({
  criteria: z.array(CriterionResultSchema),
  /** Sum of the points of the met criteria. */
  raw: z.number(),
  /** Sum of the weights that count (criteria not reached may be left out, as the rubric says). */
  max: z.number(),
  /** `raw / max`, between 0 and 1. */
  scaled: z.number().min(0).max(1),
  passMark: z.number().min(0).max(1),
  passed: z.boolean(),
  /**
   * Why the run failed whatever its score: the required criteria missed or not reached, and the
   * criteria not reached whose rubric fails the run then. Absent in older assessments.
   */
  failedBy: z.array(z.string()).optional(),
});
/** The result of scoring a session. */
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
