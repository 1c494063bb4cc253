/**
 * The assessment document as a JSON Schema (draft 2020-12), generated from `AssessmentSchema`;
 * `scripts/generate-schemas.ts` writes it to `resources/schema/assessment.schema.json`.
 */
import { z } from 'zod';
import { ASSESSMENT_FORMAT_VERSION, AssessmentSchema } from './assessment';

/** The `$id` of the assessment JSON Schema. */
export const ASSESSMENT_JSON_SCHEMA_ID = `urn:conference-call-trainer:schema:assessment:v${ASSESSMENT_FORMAT_VERSION}`;

/** The JSON Schema of an assessment file. */
export function assessmentJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(AssessmentSchema, { io: 'output', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: ASSESSMENT_JSON_SCHEMA_ID,
    title: 'Conference Call Trainer assessment',
    description: `A graded training session, format version ${ASSESSMENT_FORMAT_VERSION}: re-gradable from its log. Generated from the zod schema in src/shared/scoring/assessment.ts by npm run schemas; do not edit.`,
    ...rest,
  };
}

/** The assessment JSON Schema as the text of its file. */
export function assessmentJsonSchemaText(): string {
  return `${JSON.stringify(assessmentJsonSchema(), null, 2)}\n`;
}
