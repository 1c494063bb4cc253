/**
 * Reading the scenario's JSON Schema for the generic form and the JSON view: resolving `$ref`s,
 * telling the variants of a union apart, the schema at a JSON path, default values for new
 * items, and labels from property names.
 */

/** The subset of JSON Schema (draft 2020-12) the scenario schema uses. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: ReadonlyArray<string>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: ReadonlyArray<unknown>;
  readonly const?: unknown;
  readonly anyOf?: ReadonlyArray<JsonSchema>;
  readonly oneOf?: ReadonlyArray<JsonSchema>;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One step of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

/** Follows `$ref`s (`#/$defs/name`) to the schema they name. */
export function resolveSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined && hops < 20; hops++) {
    const name = current.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (target === undefined) return {};
    current = target;
  }
  return current;
}

/** The variants of a union schema (`anyOf` or `oneOf`), or null when it is not one. */
export function variantsOf(schema: JsonSchema): ReadonlyArray<JsonSchema> | null {
  return schema.oneOf ?? schema.anyOf ?? null;
}

/** The JSON type of a value, as JSON Schema names it (`integer` is reported as `number`). */
export function jsonType(value: unknown): 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return jsonType(value) === 'object' && value !== undefined;
}

function schemaType(schema: JsonSchema): string | undefined {
  if (schema.type === 'integer') return 'number';
  if (schema.type !== undefined) return schema.type;
  if (schema.properties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  if (schema.const !== undefined) return jsonType(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return jsonType(schema.enum[0]);
  return undefined;
}

/**
 * How the variants of a union differ:
 * - `discriminator`: each is an object with its own constant value of one property (`kind`, `type`, `method`…);
 * - `type`: each has its own JSON type (a number or a `{min, max}` object);
 * - `key`: each object has a property no other has (`{ say }`, `{ hangUp }`, `{ all }`…);
 * - `none`: nothing simple tells them apart; the first that fits is taken.
 */
export type VariantKind =
  | { readonly kind: 'discriminator'; readonly key: string; readonly values: ReadonlyArray<unknown> }
  | { readonly kind: 'type'; readonly types: ReadonlyArray<string | undefined> }
  | { readonly kind: 'key'; readonly keys: ReadonlyArray<string> }
  | { readonly kind: 'none' };

/** Works out how the variants of a union differ (see `VariantKind`). */
export function describeVariants(variants: ReadonlyArray<JsonSchema>, root: JsonSchema): VariantKind {
  const resolved = variants.map((v) => resolveSchema(v, root));
  const types = resolved.map(schemaType);
  if (new Set(types).size === types.length) return { kind: 'type', types };
  if (resolved.every((v) => v.properties !== undefined)) {
    const first = resolved[0]?.properties ?? {};
    for (const key of Object.keys(first)) {
      const values = resolved.map((v) => {
        const property = v.properties?.[key];
        return property === undefined ? undefined : resolveSchema(property, root).const;
      });
      if (values.every((value) => value !== undefined) && new Set(values).size === values.length) {
        return { kind: 'discriminator', key, values };
      }
    }
    const keys = resolved.map((v, index) => {
      const own = Object.keys(v.properties ?? {}).filter((key) =>
        resolved.every((other, j) => j === index || other.properties?.[key] === undefined),
      );
      return own.find((key) => v.required?.includes(key)) ?? own[0];
    });
    if (keys.every((key) => key !== undefined)) return { kind: 'key', keys: keys as string[] };
  }
  return { kind: 'none' };
}

function fits(value: unknown, schema: JsonSchema): boolean {
  const type = schemaType(schema);
  if (type !== undefined && type !== jsonType(value)) return false;
  if (isObject(value) && schema.required !== undefined) {
    return schema.required.every((key) => key in value);
  }
  return true;
}

/** The index of the variant a value is written in, or -1 when none fits. */
export function matchVariant(value: unknown, variants: ReadonlyArray<JsonSchema>, root: JsonSchema): number {
  const how = describeVariants(variants, root);
  const resolved = variants.map((v) => resolveSchema(v, root));
  switch (how.kind) {
    case 'discriminator':
      return isObject(value) ? how.values.indexOf(value[how.key]) : -1;
    case 'type':
      return how.types.indexOf(jsonType(value));
    case 'key':
      return isObject(value) ? how.keys.findIndex((key) => key in value) : -1;
    case 'none':
      return resolved.findIndex((v) => fits(value, v));
  }
}

function refersOut(schema: JsonSchema): boolean {
  if (schema.$ref !== undefined) return true;
  return JSON.stringify(schema).includes('"$ref"');
}

/**
 * A value a new field or item starts with: the schema's default or constant, else the first
 * choice, else an empty value with every required property filled in the same way.
 */
export function defaultValue(schema: JsonSchema, root: JsonSchema, depth = 0): unknown {
  const s = resolveSchema(schema, root);
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.enum !== undefined && s.enum.length > 0) return s.enum[0];
  const variants = variantsOf(s);
  if (variants !== null) {
    // A variant that refers back to the union (a condition of conditions) would never end.
    const plain = variants.find((v) => !refersOut(v)) ?? variants[0];
    return plain === undefined ? null : defaultValue(plain, root, depth + 1);
  }
  switch (schemaType(s)) {
    case 'object': {
      const result: Record<string, unknown> = {};
      if (depth > 8) return result;
      for (const key of s.required ?? []) {
        const property = s.properties?.[key];
        if (property !== undefined) result[key] = defaultValue(property, root, depth + 1);
      }
      return result;
    }
    case 'array': {
      if (depth > 8 || s.items === undefined) return [];
      const items = s.items;
      return Array.from({ length: s.minItems ?? 0 }, () => defaultValue(items, root, depth + 1));
    }
    case 'number':
      if (s.minimum !== undefined) return s.minimum;
      if (s.exclusiveMinimum !== undefined) return s.exclusiveMinimum + 1;
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    default:
      return null;
  }
}

/**
 * The value after switching to another variant: the new variant's default, keeping the
 * properties of the old object that the new variant also has (a party's id and name when its
 * kind changes).
 */
export function switchVariant(value: unknown, variant: JsonSchema, root: JsonSchema): unknown {
  const next = defaultValue(variant, root);
  const resolved = resolveSchema(variant, root);
  if (!isObject(value) || !isObject(next) || resolved.properties === undefined) return next;
  const how = resolved.properties;
  const kept: Record<string, unknown> = { ...next };
  for (const [key, old] of Object.entries(value)) {
    const property = how[key];
    if (property === undefined || resolveSchema(property, root).const !== undefined) continue;
    kept[key] = old;
  }
  return kept;
}

/**
 * The schemas a JSON path may point at, given the document's value (which picks the variant of
 * each union on the way); every variant's where the value does not decide.
 */
export function schemasAt(
  root: JsonSchema,
  segments: ReadonlyArray<PathSegment>,
  value: unknown,
): ReadonlyArray<JsonSchema> {
  let current: Array<{ schema: JsonSchema; value: unknown }> = [{ schema: root, value }];
  const expand = (entry: { schema: JsonSchema; value: unknown }) => {
    const s = resolveSchema(entry.schema, root);
    const variants = variantsOf(s);
    if (variants === null) return [{ schema: s, value: entry.value }];
    const index = entry.value === undefined ? -1 : matchVariant(entry.value, variants, root);
    const chosen = index >= 0 ? [variants[index] as JsonSchema] : variants;
    return chosen.flatMap(
      (v): Array<{ schema: JsonSchema; value: unknown }> => expand({ schema: v, value: entry.value }),
    );
  };
  for (const segment of segments) {
    const next: Array<{ schema: JsonSchema; value: unknown }> = [];
    for (const entry of current.flatMap(expand)) {
      const child = childValue(entry.value, segment);
      if (typeof segment === 'number') {
        if (entry.schema.items !== undefined) next.push({ schema: entry.schema.items, value: child });
      } else {
        const property = entry.schema.properties?.[segment];
        if (property !== undefined) next.push({ schema: property, value: child });
      }
    }
    current = next;
  }
  return current.flatMap(expand).map((entry) => entry.schema);
}

/** The value at one step down, or undefined. */
export function childValue(value: unknown, segment: PathSegment): unknown {
  if (typeof segment === 'number') return Array.isArray(value) ? value[segment] : undefined;
  return isObject(value) ? value[segment] : undefined;
}

/** The value at a path, or undefined. */
export function valueAt(value: unknown, segments: ReadonlyArray<PathSegment>): unknown {
  let current = value;
  for (const segment of segments) current = childValue(current, segment);
  return current;
}

/**
 * A copy of `value` with the value at `segments` replaced; `undefined` removes an object's
 * property. Containers missing on the way are created.
 */
export function setAt(value: unknown, segments: ReadonlyArray<PathSegment>, next: unknown): unknown {
  if (segments.length === 0) return next;
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  if (typeof head === 'number') {
    const array = Array.isArray(value) ? [...value] : [];
    array[head] = setAt(array[head], rest, next);
    return array;
  }
  const object: Record<string, unknown> = isObject(value) ? { ...value } : {};
  const child = setAt(object[head], rest, next);
  if (child === undefined) delete object[head];
  else object[head] = child;
  return object;
}

const ACRONYMS: Readonly<Record<string, string>> = {
  id: 'ID',
  ids: 'IDs',
  dtmf: 'DTMF',
  url: 'URL',
  sip: 'SIP',
};

/** A label from a property name: `estimatedMinutes` → "Estimated minutes", `callerIdName` → "Caller ID name". */
export function humanise(name: string): string {
  const words = name
    .replace(/^\$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const first = words[0] ?? '';
  words[0] = first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

/** The label of one item of a list: "Parties" → "Party", "Criteria" → "Criterion". */
export function singular(label: string): string {
  if (/criteria$/i.test(label)) return label.replace(/a$/i, 'on');
  if (/ies$/i.test(label)) return label.replace(/ies$/i, 'y');
  if (/(ss|us)$/i.test(label)) return label;
  if (/s$/i.test(label)) return label.slice(0, -1);
  return label;
}

/** Parses a JSON path as `jsonPath` writes it (`$.parties[2].number`, `$['odd key']`) into its steps. */
export function parseJsonPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const token = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/g;
  for (const match of path.slice(1).matchAll(token)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(match[3].replace(/\\(.)/g, '$1'));
  }
  return segments;
}

/** A one-line summary of what a schema allows, for hover help: "number, 0 to 14400". */
export function describeSchema(schema: JsonSchema, root: JsonSchema): string {
  const s = resolveSchema(schema, root);
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  if (s.enum !== undefined) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const variants = variantsOf(s);
  if (variants !== null) return variants.map((v) => describeSchema(v, root)).join(' | ');
  const type = schemaType(s) ?? 'any value';
  const parts: string[] = [s.type === 'integer' ? 'whole number' : type];
  const low = s.minimum ?? s.exclusiveMinimum;
  const high = s.maximum ?? s.exclusiveMaximum;
  if (low !== undefined || high !== undefined) {
    parts.push(
      `${low === undefined ? '' : `${s.exclusiveMinimum === undefined ? '≥' : '>'} ${low}`}${
        low !== undefined && high !== undefined ? ' and ' : ''
      }${high === undefined ? '' : `${s.exclusiveMaximum === undefined ? '≤' : '<'} ${high}`}`,
    );
  }
  if (s.minLength !== undefined || s.maxLength !== undefined) {
    parts.push(`${s.minLength ?? 0} to ${s.maxLength ?? '…'} characters`);
  }
  if (s.pattern !== undefined) parts.push(`matching ${s.pattern}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) {
    parts.push(`${s.minItems ?? 0} to ${s.maxItems ?? '…'} items`);
  }
  if (type === 'object' && s.properties !== undefined) {
    const required = s.required ?? [];
    parts.push(
      `fields: ${Object.keys(s.properties)
        .map((k) => (required.includes(k) ? `${k}*` : k))
        .join(', ')}`,
    );
  }
  return parts.join(', ');
}
