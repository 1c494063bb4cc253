import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssessmentSchema } from '@shared/scoring/assessment';
import { createAssessment, scenarioHash, verifyAssessment } from '@shared/scoring/grade';
import { describe, expect, it } from 'vitest';
import { editActions, loadScenarioFile, play } from './helpers';

const mortgage = loadScenarioFile('resources/scenarios/mortgage-closing.json');
const fixture = AssessmentSchema.parse(
  JSON.parse(
    readFileSync(join(__dirname, '../../fixtures/assessments/mortgage-closing.reference.json'), 'utf8'),
  ),
);

function assessmentOf(actions = mortgage.reference.actions) {
  return createAssessment({
    scenario: mortgage,
    log: play(mortgage, actions),
    trainee: { name: 'Alex Example', id: 'alex-01' },
    attemptId: '0b0c1f2e-8a1d-4c33-9d3e-5a7b9c1d2e3f',
    mode: 'assessment',
    startedAt: '2026-11-21T09:00:00.000Z',
    app: { name: 'conference-call-trainer', version: '0.1.0' },
  });
}

const clone = <T>(value: T): T => structuredClone(value);

describe('the assessment document', () => {
  it('carries everything the issue lists and passes its own schema', () => {
    const assessment = assessmentOf();
    expect(AssessmentSchema.safeParse(assessment).success).toBe(true);
    expect(assessment).toMatchObject({
      type: 'conference-call-trainer/assessment',
      formatVersion: 1,
      scenario: {
        id: 'mortgage-closing',
        version: mortgage.version,
        hash: scenarioHash(mortgage),
        language: 'en',
      },
      trainee: { name: 'Alex Example', id: 'alex-01' },
      mode: 'assessment',
      seed: mortgage.reference.seed,
      startedAt: '2026-11-21T09:00:00.000Z',
    });
    const last = assessment.log.records.at(-1);
    expect(last?.kind).toBe('end');
    expect(assessment.durationMs).toBe(last?.time);
    expect(Date.parse(assessment.endedAt) - Date.parse(assessment.startedAt)).toBe(assessment.durationMs);
    expect(assessment.result.criteria).toHaveLength(mortgage.rubric.criteria.length);
  });

  it('refuses a document with a wrong shape, naming the field', () => {
    const broken = { ...clone(fixture), attemptId: 'not-a-uuid' };
    const parsed = AssessmentSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['attemptId']);
  });
});

describe('re-grading detects tampering', () => {
  it('verifies an untouched assessment and the checked-in reference fixture', () => {
    expect(verifyAssessment(assessmentOf(), mortgage)).toMatchObject({ verified: true, problems: [] });
    expect(verifyAssessment(fixture, mortgage).problems).toEqual([]);
  });

  it('accepts an end up to ten minutes ahead of the checking clock, and refuses one further ahead', () => {
    const ended = Date.parse(fixture.endedAt);
    const minute = 60 * 1000;
    expect(verifyAssessment(fixture, mortgage, { now: ended - 10 * minute }).problems).toEqual([]);
    expect(verifyAssessment(fixture, mortgage, { now: ended - 10 * minute - 1 }).problems).toEqual([
      {
        kind: 'metadata',
        message: `the times lie in the future: started ${fixture.startedAt}, ended ${fixture.endedAt}`,
      },
    ]);
  });

  it('flags a start before 2000, even with the end after it', () => {
    const early = clone(fixture);
    const length = Date.parse(early.endedAt) - Date.parse(early.startedAt);
    early.startedAt = '1999-12-31T23:59:59.000Z';
    early.endedAt = new Date(Date.parse(early.startedAt) + length).toISOString();
    expect(verifyAssessment(early, mortgage).problems.map((p) => p.message)).toEqual([
      `the times do not agree with the log: started ${early.startedAt}, ended ${early.endedAt}, ${early.durationMs} ms played`,
    ]);
    const onTheDot = clone(fixture);
    onTheDot.startedAt = '2000-01-01T00:00:00.000Z';
    onTheDot.endedAt = new Date(Date.parse(onTheDot.startedAt) + length).toISOString();
    expect(verifyAssessment(onTheDot, mortgage).problems).toEqual([]);
  });

  it('flags an edited score', () => {
    const edited = clone(fixture);
    (edited.result as { raw: number }).raw = 90;
    expect(verifyAssessment(edited, mortgage).problems.map((p) => p.kind)).toEqual(['score']);
  });

  it('flags an edited criterion', () => {
    const poor = assessmentOf(
      editActions(mortgage.reference.actions, (a) => ('action' in a && a.action === 'disconnect' ? null : a)),
    );
    const edited = clone(poor);
    const criterion = edited.result.criteria.find((c) => c.id === 'handover') as { met: boolean };
    criterion.met = true;
    expect(verifyAssessment(edited, mortgage).problems.map((p) => p.kind)).toEqual(['criteria']);
  });

  it('flags an edited log, at or after the edited record', () => {
    const edited = clone(fixture);
    const records = edited.log.records as Array<(typeof edited.log.records)[number]>;
    const index = records.findIndex((r) => r.kind === 'event' && r.entry.type === 'join');
    const record = records[index];
    if (record?.kind !== 'event') throw new Error('no join');
    records[index] = {
      ...record,
      time: record.time + 500,
      entry: { ...record.entry, time: record.entry.time + 500 },
    };
    const verification = verifyAssessment(edited, mortgage);
    expect(verification.verified).toBe(false);
    const log = verification.problems.find((p) => p.kind === 'log');
    // The trainee's inputs are replayed as recorded, so the first record that departs is the
    // first scripted record whose time no longer follows from them.
    expect(log?.kind === 'log' && log.seq !== null && log.seq >= record.seq).toBe(true);
  });

  it('flags a record removed from the log', () => {
    const edited = clone(fixture);
    const records = edited.log.records.filter((r) => !(r.kind === 'event' && r.entry.type === 'disconnect'));
    const verification = verifyAssessment({ ...edited, log: { ...edited.log, records } }, mortgage);
    expect(verification.problems.map((p) => p.kind)).toContain('log');
  });

  it('flags an assessment taken on another version of the scenario', () => {
    const changed = { ...mortgage, rubric: { ...mortgage.rubric, passMark: 0.5 } };
    const kinds = verifyAssessment(fixture, changed).problems.map((p) => p.kind);
    expect(kinds).toContain('scenario-hash');
    expect(kinds).toContain('score');
  });
});
