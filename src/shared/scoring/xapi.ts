/**
 * xAPI 1.0.3 statements for an assessment, for a learning record store to report on:
 * `initialized`; one `interacted` per call-control action (a refused one with `success: false`,
 * its reason code and rule); `answered` per question; one statement per rubric criterion (met:
 * `passed`, not met: `failed`, not reached: this app's `not-reached` verb; all three also say so
 * in a result extension, with the scenario as the parent activity); `passed` or `failed` with
 * the score; `completed` when the call was completed; `terminated`. Statement ids are name-based
 * UUIDs of the attempt, so exporting the same assessment twice gives the same statements (an LRS
 * then treats a re-send as a duplicate). The actor is an account: the trainee id (the name when
 * there is none) on a configurable home page, the system that knows the ids.
 */
import { agentActionNames, type LogEntry } from '../conference';
import { uuidV5 } from '../digest';
import type { Assessment } from './assessment';
import type { CriterionResult } from './result';

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
  /** A rubric criterion that did not apply to this run (its task was never attempted). */
  notReached: `${XAPI_IRI}:verb:not-reached`,
} as const;

/** The English display of each verb. */
const VERB_DISPLAY: Readonly<Record<keyof typeof XAPI_VERBS, string>> = {
  initialized: 'initialized',
  interacted: 'interacted',
  answered: 'answered',
  passed: 'passed',
  failed: 'failed',
  completed: 'completed',
  terminated: 'terminated',
  notReached: 'not reached',
};

/** The extension IRIs the statements carry. */
export const XAPI_EXTENSIONS = {
  action: `${XAPI_IRI}:extension:action`,
  target: `${XAPI_IRI}:extension:target`,
  outcome: `${XAPI_IRI}:extension:outcome`,
  reason: `${XAPI_IRI}:extension:reason`,
  rule: `${XAPI_IRI}:extension:rule`,
  criterionOutcome: `${XAPI_IRI}:extension:criterion-outcome`,
  criterionKind: `${XAPI_IRI}:extension:criterion-kind`,
  feedback: `${XAPI_IRI}:extension:feedback`,
  evidence: `${XAPI_IRI}:extension:evidence`,
  sessionEnd: `${XAPI_IRI}:extension:session-end`,
  simulatedTime: `${XAPI_IRI}:extension:simulated-time-ms`,
  seed: `${XAPI_IRI}:extension:seed`,
  mode: `${XAPI_IRI}:extension:mode`,
  scenarioHash: `${XAPI_IRI}:extension:scenario-hash`,
} as const;

/** The account home page used when none is given: this app's own IRI for trainee ids. */
export const XAPI_DEFAULT_HOME_PAGE = `${XAPI_IRI}:trainee`;

/** The activity type of a rubric criterion. */
export const XAPI_CRITERION_TYPE = 'http://adlnet.gov/expapi/activities/objective';

/** What became of one rubric criterion in a run. */
export type CriterionOutcome = 'met' | 'not-met' | 'not-reached';

/**
 * A criterion's verdict as xAPI reads it: the scorer's result, which may say `outcome` (a
 * criterion that did not apply is `not-reached`); without it, `met` decides met or not met.
 */
export type CriterionVerdict = CriterionResult & { readonly outcome?: CriterionOutcome };

/** The outcome of a criterion: its own `outcome` when given, else met or not met. */
export function criterionOutcome(criterion: CriterionVerdict): CriterionOutcome {
  return criterion.outcome ?? (criterion.met ? 'met' : 'not-met');
}

/** How statements are built. */
export interface XapiOptions {
  /**
   * The account's home page: the canonical page of the system the trainee ids belong to (e.g.
   * the learning platform's URL). Must be an IRI; `XAPI_DEFAULT_HOME_PAGE` when absent.
   */
  readonly homePage?: string;
}

/** An option of `buildXapiStatements` that cannot be used, naming the option. */
export class XapiOptionError extends Error {
  override readonly name = 'XapiOptionError';
}

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
    /** For a criterion: the scenario it belongs to. */
    readonly contextActivities?: {
      readonly parent: ReadonlyArray<{ readonly objectType: 'Activity'; readonly id: string }>;
    };
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

/**
 * Whether the call was completed: the session ended because the trainee left and cleared
 * after-call work, or the contact ended. A session stopped or out of time was not completed.
 */
export function callCompleted(assessment: Assessment): boolean {
  const end = assessment.log.records.findLast((record) => record.kind === 'end');
  return end?.kind === 'end' && (end.reason === 'trainee-finished' || end.reason === 'contact-ended');
}

/** The account home page of the options, checked to be an IRI (`scheme:rest`). */
function homePageOf(options: XapiOptions): string {
  const homePage = options.homePage ?? XAPI_DEFAULT_HOME_PAGE;
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(homePage)) {
    throw new XapiOptionError(`homePage "${homePage}" is not an IRI (e.g. https://lms.example.com)`);
  }
  return homePage;
}

/**
 * Builds the statements of one assessment, in time order. Throws `XapiOptionError` when
 * `options.homePage` is not an IRI.
 */
export function buildXapiStatements(
  assessment: Assessment,
  options: XapiOptions = {},
): ReadonlyArray<XapiStatement> {
  const homePage = homePageOf(options);
  const trainee = assessment.scenario.traineeParty;
  const language = assessment.scenario.language;
  const scenarioIri = `${XAPI_IRI}:scenario:${assessment.scenario.id}`;
  const actor = {
    objectType: 'Agent' as const,
    name: assessment.trainee.name,
    account: { homePage, name: assessment.trainee.id ?? assessment.trainee.name },
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
  const inScenario = {
    ...context,
    contextActivities: { parent: [{ objectType: 'Activity' as const, id: scenarioIri }] },
  };
  const statements: XapiStatement[] = [];
  const push = (
    verb: keyof typeof XAPI_VERBS,
    offsetMs: number,
    object: XapiStatement['object'] = scenarioActivity,
    result?: XapiStatement['result'],
    statementContext: XapiStatement['context'] = context,
  ) => {
    statements.push({
      id: uuidV5(`${assessment.attemptId}/statement/${statements.length}`),
      actor,
      verb: { id: XAPI_VERBS[verb], display: { 'en-US': VERB_DISPLAY[verb] } },
      object,
      ...(result ? { result } : {}),
      context: statementContext,
      timestamp: timestampAt(assessment.startedAt, offsetMs),
    });
  };

  push('initialized', 0);
  const answers = new Map(assessment.answers.map((answer) => [answer.question, answer]));
  for (const record of assessment.log.records) {
    if (record.kind === 'event' && record.entry.actor === trainee && CALL_CONTROL.has(record.entry.type)) {
      push('interacted', record.time, scenarioActivity, interactionResult(record.entry));
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
        inScenario,
      );
    }
  }
  for (const criterion of assessment.result.criteria) {
    const outcome = criterionOutcome(criterion);
    const verb = outcome === 'met' ? 'passed' : outcome === 'not-met' ? 'failed' : 'notReached';
    const activity = {
      objectType: 'Activity' as const,
      id: `${scenarioIri}:criterion:${criterion.id}`,
      definition: { name: { [language]: criterion.title }, type: XAPI_CRITERION_TYPE },
    };
    push(verb, assessment.durationMs, activity, criterionResult(criterion, outcome), inScenario);
  }
  const { result } = assessment;
  const completed = callCompleted(assessment);
  const end = assessment.log.records.findLast((record) => record.kind === 'end');
  push(result.passed ? 'passed' : 'failed', assessment.durationMs, scenarioActivity, {
    score: { scaled: round(result.scaled), raw: round(result.raw), min: 0, max: round(result.max) },
    success: result.passed,
    completion: completed,
    duration: isoDuration(assessment.durationMs),
    extensions: { [XAPI_EXTENSIONS.sessionEnd]: end?.kind === 'end' ? end.reason : null },
  });
  if (completed) {
    push('completed', assessment.durationMs, scenarioActivity, {
      completion: true,
      duration: isoDuration(assessment.durationMs),
    });
  }
  push('terminated', assessment.durationMs);
  return statements;
}

/** An action's result: accepted (`success: true`) or refused with its reason code and rule. */
function interactionResult(entry: LogEntry): XapiStatement['result'] {
  const refused = entry.result.status === 'refused' ? entry.result : null;
  return {
    success: refused === null,
    extensions: {
      [XAPI_EXTENSIONS.action]: entry.type,
      [XAPI_EXTENSIONS.target]: entry.target,
      [XAPI_EXTENSIONS.outcome]: entry.result.status,
      [XAPI_EXTENSIONS.reason]: refused?.reason ?? null,
      [XAPI_EXTENSIONS.rule]: refused?.rule ?? null,
      [XAPI_EXTENSIONS.simulatedTime]: entry.time,
    },
  };
}

/**
 * A criterion's result: met or not met with `success` and the points as the score (when it
 * has weight); not reached with neither. The outcome, kind, feedback and evidence notes go in
 * extensions.
 */
function criterionResult(criterion: CriterionVerdict, outcome: CriterionOutcome): XapiStatement['result'] {
  const reached = outcome !== 'not-reached';
  const weight = Math.max(0, criterion.weight);
  const points = Math.min(Math.max(0, criterion.points), weight);
  return {
    ...(reached ? { success: outcome === 'met' } : {}),
    ...(reached && weight > 0
      ? { score: { scaled: round(points / weight), raw: round(points), min: 0, max: round(weight) } }
      : {}),
    extensions: {
      [XAPI_EXTENSIONS.criterionOutcome]: outcome,
      [XAPI_EXTENSIONS.criterionKind]: criterion.kind,
      [XAPI_EXTENSIONS.feedback]: criterion.feedback,
      [XAPI_EXTENSIONS.evidence]: criterion.evidence.map((item) => ({
        seq: item.seq,
        time: item.time,
        note: item.note,
      })),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
