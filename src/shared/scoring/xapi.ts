/**
 * xAPI 1.0.3 statements for an assessment: `initialized`, one `interacted` per call-control
 * action, `answered` per question, `passed` or `failed` with the score, then `completed` and
 * `terminated`. Statement ids are name-based UUIDs of the attempt, so exporting the same
 * assessment twice gives the same statements (an LRS then treats a re-send as a duplicate).
 */
import { agentActionNames, type LogEntry } from '../conference';
import { uuidV5 } from '../digest';
import type { Assessment } from './assessment';

/** The IRI prefix of this app's activities and extensions. */
export const XAPI_IRI = 'urn:conference-call-trainer';

/** The ADL verbs the statements use. */
export const XAPI_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  interacted: 'http://adlnet.gov/expapi/verbs/interacted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

/** The extension IRIs the statements carry. */
export const XAPI_EXTENSIONS = {
  action: `${XAPI_IRI}:extension:action`,
  target: `${XAPI_IRI}:extension:target`,
  outcome: `${XAPI_IRI}:extension:outcome`,
  rule: `${XAPI_IRI}:extension:rule`,
  simulatedTime: `${XAPI_IRI}:extension:simulated-time-ms`,
  seed: `${XAPI_IRI}:extension:seed`,
  mode: `${XAPI_IRI}:extension:mode`,
  scenarioHash: `${XAPI_IRI}:extension:scenario-hash`,
} as const;

/** A language map: language tag → text. */
export type LanguageMap = Readonly<Record<string, string>>;

/** One xAPI statement, as this app writes them. */
export interface XapiStatement {
  readonly id: string;
  readonly actor: {
    readonly objectType: 'Agent';
    readonly name: string;
    readonly account: { readonly homePage: string; readonly name: string };
  };
  readonly verb: { readonly id: string; readonly display: LanguageMap };
  readonly object: {
    readonly objectType: 'Activity';
    readonly id: string;
    readonly definition: {
      readonly name: LanguageMap;
      readonly type: string;
      readonly description?: LanguageMap;
      readonly interactionType?: 'fill-in';
    };
  };
  readonly result?: {
    readonly score?: {
      readonly scaled: number;
      readonly raw: number;
      readonly min: number;
      readonly max: number;
    };
    readonly success?: boolean;
    readonly completion?: boolean;
    readonly duration?: string;
    readonly response?: string;
    readonly extensions?: Readonly<Record<string, unknown>>;
  };
  readonly context: {
    readonly registration: string;
    readonly platform: string;
    readonly language: string;
    readonly extensions: Readonly<Record<string, unknown>>;
  };
  readonly timestamp: string;
}

/** An ISO 8601 duration in seconds with milliseconds, as xAPI wants it (`PT12.345S`). */
export function isoDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  return `PT${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}S`;
}

/** `start` plus `offsetMs`, as a UTC timestamp with milliseconds. */
function timestampAt(start: string, offsetMs: number): string {
  return new Date(Date.parse(start) + offsetMs).toISOString();
}

const CALL_CONTROL: ReadonlySet<string> = new Set(agentActionNames);

/** Builds the statements of one assessment, in time order. */
export function buildXapiStatements(assessment: Assessment): ReadonlyArray<XapiStatement> {
  const trainee = assessment.scenario.traineeParty;
  const language = assessment.scenario.language;
  const scenarioIri = `${XAPI_IRI}:scenario:${assessment.scenario.id}`;
  const actor = {
    objectType: 'Agent' as const,
    name: assessment.trainee.name,
    account: { homePage: `${XAPI_IRI}:trainee`, name: assessment.trainee.id ?? assessment.trainee.name },
  };
  const scenarioActivity = {
    objectType: 'Activity' as const,
    id: scenarioIri,
    definition: {
      name: { [language]: assessment.scenario.title },
      type: 'http://adlnet.gov/expapi/activities/simulation',
    },
  };
  const context = {
    registration: assessment.attemptId,
    platform: `${assessment.app.name} ${assessment.app.version}`,
    language,
    extensions: {
      [XAPI_EXTENSIONS.seed]: assessment.seed,
      [XAPI_EXTENSIONS.mode]: assessment.mode,
      [XAPI_EXTENSIONS.scenarioHash]: assessment.scenario.hash,
    },
  };
  const statements: XapiStatement[] = [];
  const push = (
    verb: keyof typeof XAPI_VERBS,
    offsetMs: number,
    object: XapiStatement['object'] = scenarioActivity,
    result?: XapiStatement['result'],
  ) => {
    statements.push({
      id: uuidV5(`${assessment.attemptId}/statement/${statements.length}`),
      actor,
      verb: { id: XAPI_VERBS[verb], display: { 'en-US': verb } },
      object,
      ...(result ? { result } : {}),
      context,
      timestamp: timestampAt(assessment.startedAt, offsetMs),
    });
  };

  push('initialized', 0);
  const answers = new Map(assessment.answers.map((answer) => [answer.question, answer]));
  for (const record of assessment.log.records) {
    if (record.kind === 'event' && record.entry.actor === trainee && CALL_CONTROL.has(record.entry.type)) {
      push('interacted', record.time, scenarioActivity, { extensions: interactionExtensions(record.entry) });
    }
    if (record.kind === 'answer') {
      const judged = answers.get(record.question);
      push(
        'answered',
        record.time,
        {
          objectType: 'Activity',
          id: `${scenarioIri}:question:${record.question}`,
          definition: {
            name: { [language]: judged?.text ?? record.question },
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            interactionType: 'fill-in',
          },
        },
        { response: record.value, success: judged?.correct ?? false },
      );
    }
  }
  const { result } = assessment;
  push(result.passed ? 'passed' : 'failed', assessment.durationMs, scenarioActivity, {
    score: { scaled: round(result.scaled), raw: round(result.raw), min: 0, max: round(result.max) },
    success: result.passed,
    completion: true,
    duration: isoDuration(assessment.durationMs),
  });
  push('completed', assessment.durationMs, scenarioActivity, {
    completion: true,
    duration: isoDuration(assessment.durationMs),
  });
  push('terminated', assessment.durationMs);
  return statements;
}

function interactionExtensions(entry: LogEntry): Record<string, unknown> {
  return {
    [XAPI_EXTENSIONS.action]: entry.type,
    [XAPI_EXTENSIONS.target]: entry.target,
    [XAPI_EXTENSIONS.outcome]: entry.result.status,
    [XAPI_EXTENSIONS.rule]: entry.result.status === 'refused' ? entry.result.rule : null,
    [XAPI_EXTENSIONS.simulatedTime]: entry.time,
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
