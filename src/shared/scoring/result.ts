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

/** The verdict on one criterion. */
export const CriterionResultSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  title: cleanLine(),
  weight: z.number(),
  met: z.boolean(),
  /** `weight` when met, else 0. */
  points: z.number(),
  /** The feedback for met or not met, from the scenario. */
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
  /** Sum of all weights. */
  max: z.number(),
  /** `raw / max`, between 0 and 1. */
  scaled: z.number().min(0).max(1),
  passMark: z.number().min(0).max(1),
  passed: z.boolean(),
});
/** The result of scoring a session. */
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
