/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from `ScenarioSchema`, so that
 * a trainer's editor validates and autocompletes a scenario file through its `$schema` line.
 * `scripts/generate-schemas.ts` writes it to `resources/schema/scenario.schema.json`.
 */
import { z } from 'zod';
import { SCENARIO_FORMAT_VERSION, ScenarioSchema } from './schema';

/** The `$id` of the scenario JSON Schema: a name, not a location (the file ships with the app). */
export const SCENARIO_JSON_SCHEMA_ID = `urn:conference-call-trainer:schema:scenario:v${SCENARIO_FORMAT_VERSION}`;

/**
 * The JSON Schema of a scenario file as authors write it (zod's `input` side: fields with
 * defaults may be left out).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_JSON_SCHEMA_ID,
    title: 'Conference Call Trainer scenario',
    description: `A training scenario of the conference-call trainer, format version ${SCENARIO_FORMAT_VERSION}. Generated from the zod schema in src/shared/scenario/schema.ts by npm run schemas; do not edit.`,
    ...rest,
  };
}

/** The scenario JSON Schema as the text of its file: two-space indents and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
