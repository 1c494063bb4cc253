import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { SCENARIO_JSON_SCHEMA_ID, scenarioJsonSchemaText } from '../../../src/shared/scenario';

const root = join(__dirname, '../../..');
const schemaFile = join(root, 'resources/schema/scenario.schema.json');
const jsonIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(dir, name))
    : [];

const checkedIn = readFileSync(schemaFile, 'utf8');
const schema = JSON.parse(checkedIn) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const describeErrors = (): string => JSON.stringify(validate.errors?.slice(0, 5), null, 2);

describe('resources/schema/scenario.schema.json', () => {
  it('is what the zod schema generates (run npm run schemas after changing the format)', () => {
    expect(checkedIn).toBe(scenarioJsonSchemaText());
  });

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: SCENARIO_JSON_SCHEMA_ID,
      title: expect.any(String),
    });
  });

  const files = [
    ...jsonIn(join(root, 'resources/scenarios')),
    ...jsonIn(join(root, 'test/fixtures/scenarios/valid')),
  ];
  it.each(files.map((file) => [file.slice(root.length + 1), file]))('accepts %s', (_, file) => {
    const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
    expect(ok, describeErrors()).toBe(true);
  });

  it.each([
    ['schema-missing-field.json', 'required'],
    ['schema-unknown-field.json', 'additionalProperties'],
    ['schema-wrong-type.json', 'type'],
  ])('refuses the broken fixture %s (%s)', (name, keyword) => {
    const value = JSON.parse(readFileSync(join(root, 'test/fixtures/scenarios/broken', name), 'utf8'));
    expect(validate(value)).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });
});
