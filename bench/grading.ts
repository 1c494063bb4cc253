import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionsToInputs,
  runSession,
  type Scenario,
  ScenarioSchema,
  type TimedAction,
} from '../src/shared/scenario';
import { type Assessment, AssessmentSchema } from '../src/shared/scoring/assessment';
import { createAssessment, verifyAssessment } from '../src/shared/scoring/grade';
import type { BenchSuite, Figure } from './harness';
import { percentile, timeRuns } from './harness';

const mortgage: Scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '../resources/scenarios/mortgage-closing.json'), 'utf8')),
);

/** The reference solution with `extra` mute/unmute pairs of the trainee spread over the consultations. */
function longerSession(extraPairs: number): ReadonlyArray<TimedAction> {
  const actions = [...mortgage.reference.actions];
  const filler: TimedAction[] = [];
  for (let i = 0; i < extraPairs; i++) {
    const at = 5 + (i * 10) / Math.max(1, extraPairs); // between 5 s and 15 s, before the first add
    filler.push(
      { at, action: 'mute', target: 'trainee' },
      { at: at + 0.001, action: 'unmute', target: 'trainee' },
    );
  }
  return [...actions.slice(0, 1), ...filler, ...actions.slice(1)];
}

function assessmentsOf(count: number, actions: ReadonlyArray<TimedAction>): Assessment[] {
  return Array.from({ length: count }, (_, i) =>
    createAssessment({
      scenario: mortgage,
      log: runSession(mortgage, i + 1, actionsToInputs(actions)).log,
      trainee: { name: `Trainee ${i}` },
      attemptId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      mode: 'assessment',
      startedAt: '2026-11-21T09:00:00.000Z',
      app: { name: 'bench', version: '0' },
    }),
  );
}

function regradeAll(assessments: ReadonlyArray<Assessment>): void {
  for (const assessment of assessments) {
    if (!verifyAssessment(assessment, mortgage).verified)
      throw new Error(`${assessment.attemptId} did not verify`);
  }
}

/** Re-grading recorded mortgage-closing assessments (replay + score + compare), and its scaling. */
export const gradingSuite: BenchSuite = {
  name: 'grading',
  run: () => {
    const thousand = assessmentsOf(1000, mortgage.reference.actions);
    const events = thousand.reduce((sum, a) => sum + a.log.records.length, 0);
    // As the grade command does: from the files' text, through the schema, then re-graded.
    const texts = thousand.map((assessment) => JSON.stringify(assessment, null, 2));
    const [total] = timeRuns(
      () => regradeAll(texts.map((text) => AssessmentSchema.parse(JSON.parse(text)))),
      1,
      1,
    );
    const figures: Figure[] = [
      { name: 'mortgage-closing assessments re-graded', value: thousand.length, unit: 'files' },
      { name: 'records per assessment (mean)', value: Math.round(events / thousand.length), unit: 'records' },
      {
        name: 're-grade 1,000 assessments (parse JSON text, schema check, replay, score, compare)',
        value: total as number,
        unit: 'ms',
        budget: { limit: 2000, within: (total as number) < 2000, text: '< 2000 ms' },
      },
    ];
    // Scaling: the same work per record when sessions are 10x longer.
    const short = assessmentsOf(50, longerSession(30));
    // Ten times the records of the shorter sessions: 129 → about 1,330.
    const long = assessmentsOf(50, longerSession(630));
    const perRecord = (list: ReadonlyArray<Assessment>) => {
      const records = list.reduce((sum, a) => sum + a.log.records.length, 0);
      const times = timeRuns(() => regradeAll(list), 5, 1);
      return { records: records / list.length, usPerRecord: (percentile(times, 50) * 1000) / records };
    };
    const a = perRecord(short);
    const b = perRecord(long);
    figures.push(
      {
        name: `time per record, sessions of ${Math.round(a.records)} records`,
        value: a.usPerRecord,
        unit: 'µs',
      },
      {
        name: `time per record, sessions of ${Math.round(b.records)} records`,
        value: b.usPerRecord,
        unit: 'µs',
      },
      {
        name: 'ratio (longer / shorter)',
        value: b.usPerRecord / a.usPerRecord,
        unit: 'x',
        budget: { limit: 2, within: b.usPerRecord / a.usPerRecord < 2, text: 'roughly constant: < 2x' },
      },
    );
    return figures;
  },
};
