import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { createAssessment } from '@shared/scoring/grade';
import {
  buildXapiStatements,
  isoDuration,
  XAPI_CRITERION_TYPE,
  XAPI_DEFAULT_HOME_PAGE,
  XAPI_EXTENSIONS,
  XAPI_VERBS,
  type XapiStatement,
} from '@shared/scoring/xapi';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, play } from './helpers';

const assessment = AssessmentSchema.parse(
  JSON.parse(
    readFileSync(join(__dirname, '../../fixtures/assessments/mortgage-closing.reference.json'), 'utf8'),
  ),
);
const statements = buildXapiStatements(assessment);
const verbs = statements.map((s) => s.verb.id.split('/').at(-1));
const scenarioIri = `urn:conference-call-trainer:scenario:${assessment.scenario.id}`;

/** The statement about the whole run with this verb (not about a criterion). */
function runStatement(list: ReadonlyArray<XapiStatement>, verb: string): XapiStatement | undefined {
  return list.find((s) => s.verb.id === verb && s.object.id === scenarioIri);
}

/** Every statement about a rubric criterion. */
function criterionStatements(list: ReadonlyArray<XapiStatement>): ReadonlyArray<XapiStatement> {
  return list.filter((s) => s.object.definition.type === XAPI_CRITERION_TYPE);
}

/** The validator's complaints about every statement, keyed by verb and object (empty when all are valid). */
function invalid(list: ReadonlyArray<XapiStatement>): ReadonlyArray<string> {
  return list.flatMap((s) =>
    validateStatement(JSON.parse(JSON.stringify(s))).map(
      (error: unknown) => `${s.verb.id} ${s.object.id}: ${JSON.stringify(error)}`,
    ),
  );
}

describe('xAPI statements of an assessment', () => {
  it('each passes the xAPI 1.0.3 statement validator', () => {
    for (const statement of statements) {
      expect(validateStatement(JSON.parse(JSON.stringify(statement))), statement.verb.id).toEqual([]);
    }
  });

  it('the validator is strict: it rejects a statement with a bad id, timestamp or score', () => {
    const good = JSON.parse(JSON.stringify(statements.at(-3)));
    expect(validateStatement({ ...good, id: 'not-a-uuid' }).length).toBeGreaterThan(0);
    expect(validateStatement({ ...good, timestamp: 'yesterday' }).length).toBeGreaterThan(0);
    expect(
      validateStatement({ ...good, result: { ...good.result, score: { scaled: 2 } } }).length,
    ).toBeGreaterThan(0);
  });

  it('go initialized, one interacted per trainee action, passed, completed, terminated', () => {
    const actions = assessment.log.records.filter((r) => r.kind === 'event' && r.entry.actor === 'trainee');
    expect(verbs[0]).toBe('initialized');
    expect(verbs.filter((v) => v === 'interacted')).toHaveLength(actions.length);
    expect(verbs.slice(-3)).toEqual(['passed', 'completed', 'terminated']);
    const first = statements.find((s) => s.verb.id === XAPI_VERBS.interacted);
    expect(first?.result?.extensions).toMatchObject({
      [XAPI_EXTENSIONS.action]: 'accept',
      [XAPI_EXTENSIONS.outcome]: 'accepted',
    });
    const add = statements.find((s) => s.result?.extensions?.[XAPI_EXTENSIONS.action] === 'add');
    expect(add?.result?.extensions?.[XAPI_EXTENSIONS.target]).toBe('broker');
  });

  it('carry the score, success and duration on passed, the attempt as registration', () => {
    const passed = runStatement(statements, XAPI_VERBS.passed);
    expect(passed?.result).toEqual({
      score: { scaled: 1, raw: 100, min: 0, max: 100 },
      success: true,
      completion: true,
      duration: isoDuration(assessment.durationMs),
      extensions: { [XAPI_EXTENSIONS.sessionEnd]: 'trainee-finished' },
    });
    expect(new Set(statements.map((s) => s.context.registration))).toEqual(new Set([assessment.attemptId]));
  });

  it('use unique UUIDs and UTC timestamps with milliseconds, in time order', () => {
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) expect(s.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const times = statements.map((s) => Date.parse(s.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(buildXapiStatements(assessment)).toEqual(statements);
  });

  it('say answered once per answered question, with the response and whether it was right', () => {
    const quiz = loadScenarioFile('resources/scenarios/caller-id-quiz.json');
    const quizAssessment = createAssessment({
      scenario: quiz,
      log: play(quiz, quiz.reference.actions),
      trainee: { name: 'Sam' },
      attemptId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
      mode: 'assessment',
      startedAt: '2026-11-21T10:00:00.000Z',
      app: { name: 'conference-call-trainer', version: '0.1.0' },
    });
    const answered = buildXapiStatements(quizAssessment).filter((s) => s.verb.id === XAPI_VERBS.answered);
    expect(answered).toHaveLength(quiz.questions.length);
    for (const statement of answered) {
      expect(statement.result?.success).toBe(true);
      expect(statement.result?.response).toMatch(/^\+\d+$/);
      expect(validateStatement(JSON.parse(JSON.stringify(statement)))).toEqual([]);
    }
  });

  it('say failed with success false when the trainee failed', () => {
    const failed = { ...assessment, result: { ...assessment.result, passed: false, raw: 50, scaled: 0.5 } };
    const out = buildXapiStatements(failed);
    expect(runStatement(out, XAPI_VERBS.failed)?.result?.success).toBe(false);
    expect(runStatement(out, XAPI_VERBS.passed)).toBeUndefined();
  });

  it('say one statement per criterion: passed when met, failed when not, under the scenario', () => {
    const criteria = criterionStatements(statements);
    expect(criteria.map((s) => s.object.id)).toEqual(
      assessment.result.criteria.map((c) => `${scenarioIri}:criterion:${c.id}`),
    );
    for (const s of criteria) {
      expect(s.verb.id).toBe(XAPI_VERBS.passed);
      expect(s.context.contextActivities?.parent).toEqual([{ objectType: 'Activity', id: scenarioIri }]);
      expect(s.result?.extensions?.[XAPI_EXTENSIONS.criterionOutcome]).toBe('met');
    }
    const handover = criteria.find((s) => s.object.id.endsWith(':handover'));
    expect(handover?.result).toMatchObject({
      success: true,
      score: { scaled: 1, raw: 14, min: 0, max: 14 },
      extensions: { [XAPI_EXTENSIONS.criterionKind]: 'final-state' },
    });
    expect(invalid(criteria)).toEqual([]);
    const missed = {
      ...assessment,
      result: {
        ...assessment.result,
        criteria: assessment.result.criteria.map((c) =>
          c.id === 'handover' ? { ...c, met: false, points: 0, feedback: 'Sofia was left alone.' } : c,
        ),
      },
    };
    const failed = criterionStatements(buildXapiStatements(missed)).find((s) =>
      s.object.id.endsWith(':handover'),
    );
    expect(failed?.verb.id).toBe(XAPI_VERBS.failed);
    expect(failed?.result).toMatchObject({
      success: false,
      score: { scaled: 0, raw: 0, max: 14 },
      extensions: {
        [XAPI_EXTENSIONS.criterionOutcome]: 'not-met',
        [XAPI_EXTENSIONS.feedback]: 'Sofia was left alone.',
      },
    });
  });

  it('say not reached for a criterion that did not apply, with neither success nor score', () => {
    const notReached = {
      ...assessment,
      result: {
        ...assessment.result,
        criteria: assessment.result.criteria.map((c) =>
          c.id === 'consult-spouse' ? { ...c, met: false, points: 0, outcome: 'not-reached' as const } : c,
        ),
      },
    };
    const out = buildXapiStatements(notReached);
    const spouse = criterionStatements(out).find((s) => s.object.id.endsWith(':consult-spouse'));
    expect(spouse?.verb).toEqual({ id: XAPI_VERBS.notReached, display: { 'en-US': 'not reached' } });
    expect(spouse?.result?.success).toBeUndefined();
    expect(spouse?.result?.score).toBeUndefined();
    expect(spouse?.result?.extensions?.[XAPI_EXTENSIONS.criterionOutcome]).toBe('not-reached');
    expect(invalid(out)).toEqual([]);
  });

  it('say a refused action with success false, its reason code and its rule', () => {
    const scenario = loadScenarioFile('resources/scenarios/mortgage-closing.json');
    const actions = [...scenario.reference.actions];
    actions.splice(1, 0, { at: 10, action: 'hold', target: 'trainee' }, { at: 11, action: 'swap' });
    const masher = createAssessment({
      scenario,
      log: play(scenario, actions),
      trainee: { name: 'Sam', id: 'sam-7' },
      attemptId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0d',
      mode: 'assessment',
      startedAt: '2026-11-21T10:00:00.000Z',
      app: { name: 'conference-call-trainer', version: '0.1.0' },
    });
    const out = buildXapiStatements(masher);
    const refused = out.filter((s) => s.result?.extensions?.[XAPI_EXTENSIONS.outcome] === 'refused');
    expect(refused.map((s) => s.result?.extensions)).toEqual([
      expect.objectContaining({
        [XAPI_EXTENSIONS.action]: 'hold',
        [XAPI_EXTENSIONS.target]: 'trainee',
        [XAPI_EXTENSIONS.reason]: 'invalid-state',
        [XAPI_EXTENSIONS.rule]: 'CCP-10',
      }),
      expect.objectContaining({
        [XAPI_EXTENSIONS.action]: 'swap',
        [XAPI_EXTENSIONS.reason]: 'swap-unavailable',
        [XAPI_EXTENSIONS.rule]: 'CONF-4',
      }),
    ]);
    expect(refused.every((s) => s.result?.success === false)).toBe(true);
    const accepted = out.find((s) => s.result?.extensions?.[XAPI_EXTENSIONS.action] === 'accept');
    expect(accepted?.result).toMatchObject({
      success: true,
      extensions: { [XAPI_EXTENSIONS.reason]: null, [XAPI_EXTENSIONS.rule]: null },
    });
    expect(invalid(out)).toEqual([]);
  });

  it('say completion false, and no completed, when the call was not completed', () => {
    const scenario = loadScenarioFile('resources/scenarios/mortgage-closing.json');
    const early = scenario.reference.actions.slice(0, 3);
    const unfinished = createAssessment({
      scenario,
      log: play(scenario, early),
      trainee: { name: 'Sam' },
      attemptId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0e',
      mode: 'assessment',
      startedAt: '2026-11-21T10:00:00.000Z',
      app: { name: 'conference-call-trainer', version: '0.1.0' },
    });
    const out = buildXapiStatements(unfinished);
    const verdict = runStatement(out, XAPI_VERBS.failed) ?? runStatement(out, XAPI_VERBS.passed);
    expect(verdict?.result?.completion).toBe(false);
    expect(verdict?.result?.extensions?.[XAPI_EXTENSIONS.sessionEnd]).not.toBe('trainee-finished');
    expect(out.some((s) => s.verb.id === XAPI_VERBS.completed)).toBe(false);
    expect(out.at(-1)?.verb.id).toBe(XAPI_VERBS.terminated);
    expect(invalid(out)).toEqual([]);
    expect(runStatement(statements, XAPI_VERBS.completed)?.result?.completion).toBe(true);
  });

  it('name the actor by the trainee id on the home page given, the default otherwise', () => {
    expect(statements[0]?.actor).toEqual({
      objectType: 'Agent',
      name: 'Alex Example',
      account: { homePage: XAPI_DEFAULT_HOME_PAGE, name: 'alex-01' },
    });
    const lms = buildXapiStatements(assessment, { homePage: 'https://lms.example.com' });
    expect(new Set(lms.map((s) => JSON.stringify(s.actor.account)))).toEqual(
      new Set([JSON.stringify({ homePage: 'https://lms.example.com', name: 'alex-01' })]),
    );
    expect(invalid(lms)).toEqual([]);
    expect(() => buildXapiStatements(assessment, { homePage: 'lms example' })).toThrow(
      'homePage "lms example" is not an IRI',
    );
  });

  it('formats ISO 8601 durations', () => {
    expect(isoDuration(0)).toBe('PT0.000S');
    expect(isoDuration(218_345)).toBe('PT218.345S');
  });
});
