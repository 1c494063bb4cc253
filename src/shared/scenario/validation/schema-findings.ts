/**
 * zod's issues as findings: one per problem, at the JSON path of the offending value. Unions
 * (a trigger is one of five forms) are resolved to the form the author evidently meant, so
 * that `{"at": "ten"}` is reported as `$.script[0].trigger.at: expected number`, not as
 * "matches none of five forms".
 */
import type { z } from 'zod';
import { type Finding, type FindingCode, finding, type PathSegments } from '../format/findings';

type Issue = z.core.$ZodIssue;

const isMissing = (issue: Issue): boolean => 'input' in issue && issue.input === undefined;

/** zod's message without its "Invalid input: " preamble. */
function plain(message: string): string {
  return message.replace(/^Invalid input: /, '');
}

function segmentsOf(issue: Issue): PathSegments {
  return issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}

/** How badly a union branch's shape misses the input: unknown keys, missing keys, a wrong type. */
function mismatch(branch: ReadonlyArray<Issue>): number {
  let count = 0;
  for (const issue of branch) {
    if (issue.path.length === 0 && issue.code === 'unrecognized_keys') count += issue.keys.length;
    // A form of another type entirely is further off than one with a key missing or extra.
    else if (issue.path.length === 0 && issue.code === 'invalid_type') count += 100;
    else if (issue.path.length === 1 && isMissing(issue)) count += 1;
  }
  return count;
}

/** The keys a branch is missing: what tells the forms of a union apart (`at`, `on`, ...). */
function missingKeys(branch: ReadonlyArray<Issue>): ReadonlyArray<string> {
  return branch
    .filter((issue) => issue.path.length === 1 && isMissing(issue))
    .map((issue) => String(issue.path[0]));
}

function unionFindings(issue: Extract<Issue, { code: 'invalid_union' }>, base: PathSegments): Finding[] {
  const path = [...base, ...segmentsOf(issue)];
  if (issue.errors.length === 0) {
    // A discriminated union whose discriminator matches no option; zod names the options.
    return [finding('error', 'no-matching-variant', path, plain(issue.message))];
  }
  const scored = issue.errors.map((branch) => ({ branch, mismatch: mismatch(branch), size: branch.length }));
  const best = Math.min(...scored.map((s) => s.mismatch));
  const candidates = scored.filter((s) => s.mismatch === best);
  if (candidates.length === 1 || best === 0) {
    const chosen = candidates.reduce((a, b) => (b.size < a.size ? b : a));
    return chosen.branch.flatMap((inner) => issueFindings(inner, path));
  }
  // The input is not even the right type for any form: name the types the forms accept.
  const wrongTypes = issue.errors.map((branch) =>
    branch.find((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
  );
  if (wrongTypes.every((inner) => inner !== undefined)) {
    const expected = [
      ...new Set(wrongTypes.map((inner) => (inner?.code === 'invalid_type' ? inner.expected : ''))),
    ];
    const received =
      wrongTypes[0] === undefined ? '' : plain(wrongTypes[0].message).replace(/^expected [^,]+, /, '');
    return [
      finding(
        'error',
        'wrong-type',
        path,
        `expected ${expected.join(' or ')}, ${received}`.replace(/, $/, ''),
      ),
    ];
  }
  const forms = candidates.map((c) => missingKeys(c.branch).join(' + ')).filter((form) => form !== '');
  const message =
    forms.length > 0
      ? `matches none of its forms; each needs one of: ${[...new Set(forms)].join(' | ')}`
      : 'matches none of its forms';
  return [finding('error', 'no-matching-variant', path, message)];
}

const CODES: Partial<Record<Issue['code'], FindingCode>> = {
  invalid_value: 'invalid-value',
  too_big: 'out-of-range',
  too_small: 'out-of-range',
  not_multiple_of: 'out-of-range',
  invalid_format: 'invalid-format',
  custom: 'invalid-value',
  invalid_key: 'invalid-value',
  invalid_element: 'invalid-value',
};

function issueFindings(issue: Issue, base: PathSegments): Finding[] {
  const path = [...base, ...segmentsOf(issue)];
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? [finding('error', 'missing-field', path, `missing (expected ${issue.expected})`)]
        : [finding('error', 'wrong-type', path, plain(issue.message))];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        finding('error', 'unknown-field', [...path, key], `unknown field ${JSON.stringify(key)}`),
      );
    case 'invalid_union':
      return unionFindings(issue, base);
    default:
      return [finding('error', CODES[issue.code] ?? 'invalid-value', path, plain(issue.message))];
  }
}

/**
 * The findings for the issues of a failed `safeParse` (run with `reportInput: true`, so that a
 * missing field can be told from a wrong one). Identical findings are reported once.
 */
export function schemaFindings(issues: ReadonlyArray<Issue>): ReadonlyArray<Finding> {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const f of issues.flatMap((issue) => issueFindings(issue, []))) {
    const key = `${f.path}\u0000${f.code}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(f);
  }
  return result;
}
