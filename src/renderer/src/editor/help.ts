import type { PathSegment } from './schema-form/schema';

/**
 * Where each help text of the locales (`editor:help.<key>`) applies: the property name, and the
 * part of the scenario it must be under, where the same name means something else elsewhere
 * (a party's `answer` is how it answers; a reference step's `answer` answers a question).
 */
const SCOPE: Readonly<Record<string, string | null>> = {
  briefing: 'root',
  estimatedMinutes: 'root',
  difficulty: 'root',
  language: 'root',
  translationOf: 'root',
  endAfter: 'root',
  acknowledge: 'root',
  tests: 'root',
  mode: 'call',
  traineeRole: 'call',
  trainee: 'call',
  primaryAgent: 'call',
  queue: 'call',
  contactLens: 'call',
  country: 'call',
  claimedNumbers: 'call',
  outboundCountries: 'call',
  timeoutSeconds: 'call',
  dtmf: 'call',
  role: 'parties',
  answer: 'parties',
  outcome: 'parties',
  after: 'parties',
  holdTolerance: 'parties',
  complainAfter: 'parties',
  complaint: 'parties',
  hangUpAfter: 'parties',
  clip: null,
  ifBlocked: 'script',
  rearm: 'script',
  passMark: 'rubric',
  weight: 'rubric',
  required: 'rubric',
  appliesWhen: 'rubric',
  ifNotReached: 'rubric',
  via: 'reference',
  seed: 'reference',
  choices: 'questions',
};

/** The key of the help text for the value at a path, or null when there is none. */
export function helpKey(segments: ReadonlyArray<PathSegment>): string | null {
  const key = segments[segments.length - 1];
  if (typeof key !== 'string' || !Object.hasOwn(SCOPE, key)) return null;
  const scope = SCOPE[key];
  if (scope === null) return key;
  if (scope === 'root') return segments.length === 1 ? key : null;
  return segments[0] === scope ? key : null;
}
