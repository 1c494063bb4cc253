import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { createAssessment } from '@shared/scoring/grade';
import { buildXapiStatements, isoDuration, XAPI_EXTENSIONS, XAPI_VERBS } from '@shared/scoring/xapi';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, play } from './helpers';

const assessment = AssessmentSchema.parse(
  JSON.parse(
    readFileSync(join(__dirname, '../../fixtures/assessments/mortgage-closing.reference.json'), 'utf8'),
  ),
);
const statements = buildXapiStatements(assessment);
const verbs = statements.map((s) => s.verb.id.split('/').at(-1));

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
    const passed = statements.find((s) => s.verb.id === XAPI_VERBS.passed);
    expect(passed?.result).toEqual({
      score: { scaled: 1, raw: 100, min: 0, max: 100 },
      success: true,
      completion: true,
      duration: isoDuration(assessment.durationMs),
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
    expect(out.some((s) => s.verb.id === XAPI_VERBS.failed && s.result?.success === false)).toBe(true);
    expect(out.some((s) => s.verb.id === XAPI_VERBS.passed)).toBe(false);
  });

  it('formats ISO 8601 durations', () => {
    expect(isoDuration(0)).toBe('PT0.000S');
    expect(isoDuration(218_345)).toBe('PT218.345S');
  });
});
