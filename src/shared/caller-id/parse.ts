/**
 * Parsing untrusted input (a file, an IPC payload) into the typed inputs of the resolver and
 * the simulation, with errors that name the JSON path of the offending field.
 */
import type { z } from 'zod';
import { type CallerIdSituation, CallerIdSituationSchema } from './situation';
import { type TransferSimulationInput, TransferSimulationInputSchema } from './transfer-simulate';

/** One problem with an input: where (`instance.queues[0].name`, or `(root)`) and what. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** The result of parsing: the typed value, or the issues that prevent it. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: ReadonlyArray<InputIssue> };

/** Writes a path the JSON way: keys joined by dots, array indices in brackets. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

/** Writes one issue as `field.path: message`. */
export function formatInputIssue(issue: InputIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** How many issues `summariseInputIssues` spells out before it counts the rest. */
const SUMMARY_LIMIT = 3;

/**
 * All issues on one line: `a.b: message; c[0].d: message (and 2 more)`. The first few are
 * spelled out; most inputs have one.
 */
export function summariseInputIssues(issues: ReadonlyArray<InputIssue>): string {
  const shown = issues.slice(0, SUMMARY_LIMIT).map(formatInputIssue).join('; ');
  const rest = issues.length - SUMMARY_LIMIT;
  return rest > 0 ? `${shown} (and ${rest} more)` : shown;
}

/** Zod's message, except that a missing field says so plainly. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) {
    return `missing (expected ${issue.expected})`;
  }
  return issue.message;
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: formatIssuePath(issue.path),
      message: describeIssue(issue),
    })),
  };
}

/** Parses the input of `resolveCallerId`. */
export function parseCallerIdSituation(input: unknown): ParseResult<CallerIdSituation> {
  return parseWith(CallerIdSituationSchema, input);
}

/** Parses the input of `simulateTransferBlock`. */
export function parseTransferSimulationInput(input: unknown): ParseResult<TransferSimulationInput> {
  return parseWith(TransferSimulationInputSchema, input);
}
