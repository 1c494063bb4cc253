import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSESSMENT_JSON_SCHEMA_ID, assessmentJsonSchemaText } from '@shared/scoring/json-schema';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const checkedIn = readFileSync(join(root, 'resources/schema/assessment.schema.json'), 'utf8');
const schema = JSON.parse(checkedIn) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const fixture = JSON.parse(
  readFileSync(join(root, 'test/fixtures/assessments/mortgage-closing.reference.json'), 'utf8'),
) as Record<string, unknown>;

describe('resources/schema/assessment.schema.json', () => {
  it('is what the zod schema generates (run npm run schemas after changing the format)', () => {
    expect(checkedIn).toBe(assessmentJsonSchemaText());
    expect(schema).toMatchObject({ $id: ASSESSMENT_JSON_SCHEMA_ID, title: expect.any(String) });
  });

  it('accepts a real assessment', () => {
    expect(validate(fixture), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects a document with a wrong type, a bad attempt id or an unknown field', () => {
    expect(validate({ ...fixture, type: 'something-else' })).toBe(false);
    expect(validate({ ...fixture, attemptId: 'nope' })).toBe(false);
    expect(validate({ ...fixture, extra: true })).toBe(false);
  });
});
