import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionContext } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { loadScenario } from '@shared/scenario';
import { describe, expect, it } from 'vitest';
import { pathOfNode, propertyHelpAt, schemaCompletion } from '../../../src/renderer/src/editor/json-support';
import {
  defaultValue,
  humanise,
  type JsonSchema,
  matchVariant,
  parseJsonPath,
  resolveSchema,
  schemasAt,
  setAt,
  singular,
  switchVariant,
} from '../../../src/renderer/src/editor/schema-form/schema';

const ROOT = join(__dirname, '../../..');
const schema = JSON.parse(
  readFileSync(join(ROOT, 'resources/schema/scenario.schema.json'), 'utf8'),
) as JsonSchema;
const mortgage = JSON.parse(readFileSync(join(ROOT, 'resources/scenarios/mortgage-closing.json'), 'utf8'));
const partyVariants = (schema.properties?.parties?.items?.oneOf ?? []) as ReadonlyArray<JsonSchema>;

describe('the schema behind the editor’s form', () => {
  it('tells a party’s kind from its `kind` and keeps its id and name when the kind changes', () => {
    const kinds = partyVariants.map((v) => resolveSchema(v, schema).properties?.kind?.const);
    const broker = mortgage.parties[2];
    expect(kinds[matchVariant(broker, partyVariants, schema)]).toBe('external');
    const agentIndex = kinds.indexOf('agent');
    const asAgent = switchVariant(broker, partyVariants[agentIndex] as JsonSchema, schema) as Record<
      string,
      unknown
    >;
    expect(asAgent).toMatchObject({ kind: 'agent', id: 'broker', name: 'Helen Brooks' });
  });

  it('tells a number from a {min, max} range for an answer delay', () => {
    const [delay] = schemasAt(schema, ['parties', 2, 'answer', 'after'], mortgage);
    expect(delay?.anyOf).toBeUndefined();
    expect(Object.keys(delay?.properties ?? {})).toEqual(['min', 'max']);
    const [fixed] = schemasAt(
      schema,
      ['parties', 2, 'answer', 'after'],
      setAt(mortgage, ['parties', 2, 'answer', 'after'], 4),
    );
    expect(fixed?.type).toBe('number');
  });

  it('starts a new item with a value the validator reads without schema errors of its own fields', () => {
    const rubricItem = schema.properties?.rubric?.properties?.criteria?.items as JsonSchema;
    const item = defaultValue(rubricItem, schema) as Record<string, unknown>;
    expect(item).toHaveProperty('kind');
    // A condition refers to conditions: its default must still end.
    const condition = defaultValue({ $ref: '#/$defs/__schema0' }, schema);
    expect(JSON.stringify(condition).length).toBeLessThan(200);
  });

  it('writes labels from property names and reads JSON paths back', () => {
    expect(humanise('estimatedMinutes')).toBe('Estimated minutes');
    expect(humanise('callerIdName')).toBe('Caller ID name');
    expect(singular('Parties')).toBe('Party');
    expect(singular('Criteria')).toBe('Criterion');
    expect(parseJsonPath("$.parties[2].answer.after['odd key']")).toEqual([
      'parties',
      2,
      'answer',
      'after',
      'odd key',
    ]);
    expect(setAt({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined)).toEqual({ a: { c: 2 } });
  });

  it('puts a finding’s path where the form shows it, as the shared loader reports it', () => {
    const broken = setAt(mortgage, ['parties', 2, 'answer', 'after', 'min'], -1);
    const finding = loadScenario(JSON.stringify(broken, null, 2)).findings.find(
      (f) => f.severity === 'error',
    );
    expect(finding?.path).toBe('$.parties[2].answer.after.min');
    expect(parseJsonPath(finding?.path ?? '$')).toEqual(['parties', 2, 'answer', 'after', 'min']);
  });
});

describe('the JSON view’s help from the schema', () => {
  const text = JSON.stringify(
    { type: 'conference-call-trainer/scenario', call: { mode: 'three-party' } },
    null,
    2,
  );

  function stateAt(doc: string) {
    const state = EditorState.create({ doc, extensions: [json()] });
    ensureSyntaxTree(state, state.doc.length, 5000);
    return state;
  }

  it('names the JSON path of the place the cursor is in', () => {
    const state = stateAt(text);
    const at = text.indexOf('"three-party"') + 2;
    const tree = ensureSyntaxTree(state, state.doc.length, 5000);
    const node = tree?.resolveInner(at, 1);
    expect(node && pathOfNode(state, node)).toEqual(['call', 'mode']);
  });

  it('completes the property names an object may still have', () => {
    const doc = text.replace('"three-party"', '"three-party",\n    "tr');
    const state = stateAt(doc);
    const pos = doc.indexOf('"tr') + 3;
    const result = schemaCompletion(schema, () => JSON.parse(text))(new CompletionContext(state, pos, true));
    const labels = result?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('"traineeRole"');
    expect(labels).toContain('"trainee"');
    expect(labels).not.toContain('"mode"');
  });

  it('says on hover over a property name what the property is and allows; nothing over a value', () => {
    const state = stateAt(text);
    const at = text.indexOf('"mode"') + 2;
    const help = propertyHelpAt(schema, () => JSON.parse(text), state, at);
    expect(help).toMatchObject({
      title: 'Mode',
      from: text.indexOf('"mode"'),
      to: text.indexOf('"mode"') + 6,
    });
    expect(help?.allows).toContain('three-party');
    expect(help?.allows).toContain('multiparty');
    const onValue = text.indexOf('"three-party"') + 2;
    expect(propertyHelpAt(schema, () => JSON.parse(text), state, onValue)).toBeNull();
  });

  it('completes the values of an enum', () => {
    const doc = text.replace('"three-party"', '"m"');
    const state = stateAt(doc);
    const pos = doc.indexOf('"m"') + 2;
    const result = schemaCompletion(schema, () => JSON.parse(text))(new CompletionContext(state, pos, true));
    expect(result?.options.map((o) => o.label)).toEqual(['"three-party"', '"multiparty"']);
  });
});
