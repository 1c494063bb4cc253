/**
 * The JSON view's help from the scenario schema: completion of property names (and of enum
 * values), a hover that says what a property allows, and the validator's findings as
 * diagnostics at their lines and columns.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import type { Finding } from '@shared/scenario';
import {
  describeSchema,
  humanise,
  type JsonSchema,
  type PathSegment,
  resolveSchema,
  schemasAt,
  variantsOf,
} from './schema-form/schema';

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function keyOf(state: EditorState, node: SyntaxNode): string {
  const raw = state.sliceDoc(node.from, node.to);
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/** The JSON path of a node of the syntax tree: the keys and indexes of the containers around it. */
export function pathOfNode(state: EditorState, node: SyntaxNode): PathSegment[] {
  const segments: PathSegment[] = [];
  let child = node;
  let parent = node.parent;
  while (parent !== null) {
    if (parent.name === 'Property') {
      const name = parent.getChild('PropertyName');
      if (name !== null) segments.unshift(keyOf(state, name));
    } else if (parent.name === 'Array' && VALUE_NODES.has(child.name)) {
      let index = 0;
      for (let c = parent.firstChild; c !== null && c.from < child.from; c = c.nextSibling) {
        if (VALUE_NODES.has(c.name)) index++;
      }
      segments.unshift(index);
    }
    child = parent;
    parent = parent.parent;
  }
  return segments;
}

function objectSchemas(schemas: ReadonlyArray<JsonSchema>, root: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (schema: JsonSchema) => {
    const s = resolveSchema(schema, root);
    const variants = variantsOf(s);
    if (variants !== null) variants.forEach(visit);
    else if (s.properties !== undefined) out.push(s);
  };
  schemas.forEach(visit);
  return out;
}

/** Completion of property names and enum values from the schema. */
export function schemaCompletion(root: JsonSchema, currentValue: () => unknown) {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos } = context;
    const node = syntaxTree(state).resolveInner(pos, -1);
    // A value being typed: the choices of an enum or constant.
    if (node.name === 'String' && node.parent?.name === 'Property') {
      const segments = pathOfNode(state, node);
      const choices = new Set<unknown>();
      for (const schema of schemasAt(root, segments, currentValue())) {
        const s = resolveSchema(schema, root);
        for (const v of [s, ...(variantsOf(s) ?? []).map((x) => resolveSchema(x, root))]) {
          for (const choice of v.enum ?? []) choices.add(choice);
          if (v.const !== undefined) choices.add(v.const);
        }
      }
      const options: Completion[] = [...choices]
        .filter((c) => typeof c === 'string')
        .map((c) => ({ label: JSON.stringify(c), type: 'enum' }));
      return options.length === 0 ? null : { from: node.from, to: node.to, options };
    }
    let object: SyntaxNode | null = null;
    let from = pos;
    let to = pos;
    if (node.name === 'PropertyName') {
      object = node.parent?.parent ?? null;
      from = node.from;
      to = node.to;
    } else {
      for (let n: SyntaxNode | null = node; n !== null; n = n.parent) {
        if (n.name === 'Object') {
          object = n;
          break;
        }
        if (n.name === 'Array' || n.name === 'Property') break;
      }
      const word = context.matchBefore(/"?[A-Za-z0-9_$]*/);
      if (word !== null) from = word.from;
      if (word === null && !context.explicit) return null;
    }
    if (object === null || object.name !== 'Object') return null;
    const present = new Set(
      object.getChildren('Property').map((p) => {
        const name = p.getChild('PropertyName');
        return name === null ? '' : keyOf(state, name);
      }),
    );
    const segments = pathOfNode(state, object);
    const options: Completion[] = [];
    const seen = new Set<string>();
    for (const schema of objectSchemas(schemasAt(root, segments, currentValue()), root)) {
      const required = schema.required ?? [];
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (seen.has(key) || (present.has(key) && node.name !== 'PropertyName')) continue;
        seen.add(key);
        options.push({
          label: JSON.stringify(key),
          apply: node.name === 'PropertyName' ? JSON.stringify(key) : `${JSON.stringify(key)}: `,
          detail: required.includes(key) ? 'required' : undefined,
          info: describeSchema(property, root),
          type: 'property',
          boost: required.includes(key) ? 1 : 0,
        });
      }
    }
    return options.length === 0 ? null : { from, to, options, validFor: /^"?[A-Za-z0-9_$]*"?$/ };
  };
}

/** What the hover over a property name says: its label, description and what it allows. */
export interface PropertyHelp {
  readonly from: number;
  readonly to: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly allows: string;
}

/** The help for the property name at `pos`, or null where there is no property name or schema. */
export function propertyHelpAt(
  root: JsonSchema,
  currentValue: () => unknown,
  state: EditorState,
  pos: number,
): PropertyHelp | null {
  const node = syntaxTree(state).resolveInner(pos, 1);
  if (node.name !== 'PropertyName') return null;
  const segments = pathOfNode(state, node);
  const schemas = schemasAt(root, segments, currentValue());
  if (schemas.length === 0) return null;
  const key = String(segments[segments.length - 1] ?? '');
  const first = resolveSchema(schemas[0] as JsonSchema, root);
  return {
    from: node.from,
    to: node.to,
    title: first.title ?? humanise(key),
    description: first.description,
    allows: schemas.map((s) => describeSchema(s, root)).join(' | '),
  };
}

/** A hover over a property name: its label, description and what it allows. */
export function schemaHover(root: JsonSchema, currentValue: () => unknown) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const help = propertyHelpAt(root, currentValue, view.state, pos);
    if (help === null) return null;
    return {
      pos: help.from,
      end: help.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'editor-hover';
        const title = document.createElement('strong');
        title.textContent = help.title;
        dom.append(title);
        if (help.description !== undefined) {
          const description = document.createElement('p');
          description.textContent = help.description;
          dom.append(description);
        }
        const allows = document.createElement('p');
        allows.textContent = help.allows;
        dom.append(allows);
        return { dom };
      },
    };
  });
}

/** The offset of a 1-based line and column in the document, clamped to it. */
export function offsetOf(state: EditorState, line: number, column: number): number {
  const lineCount = state.doc.lines;
  const l = state.doc.line(Math.min(Math.max(1, line), lineCount));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

/** The validator's findings as diagnostics of the JSON view. */
export function findingDiagnostics(state: EditorState, findings: ReadonlyArray<Finding>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (f.line === undefined) continue;
    const from = offsetOf(state, f.line, f.column ?? 1);
    // To the end of the value's line, without its comma: `"min": -1` for a member.
    const line = state.doc.lineAt(from);
    const rest = state.sliceDoc(from, line.to).replace(/[\s,]+$/, '');
    const to = Math.min(Math.max(from + rest.length, from + 1), state.doc.length);
    out.push({ from, to, severity: f.severity, message: f.message, source: f.code });
  }
  return out;
}
