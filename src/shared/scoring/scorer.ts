/**
 * The scorer: a pure, deterministic function from a scenario and a session log to a result.
 * The same log always gives the same result; the main process and the CLI re-grade with it.
 */

import type { SessionLog } from '../scenario/director/session-types';
import { conferenceConfigOf } from '../scenario/format/conference-config';
import type { Scenario } from '../scenario/format/schema';
import { judgeAnswers } from './answers';
import type { AnswerResult } from './assessment';
import { judge, type RunMode } from './judge';
import type { CriterionResult, ScoreResult } from './result';
import { buildTimeline } from './timeline';

/** A scored session: the result and the judged answers. */
export interface ScoredSession {
  readonly result: ScoreResult;
  readonly answers: ReadonlyArray<AnswerResult>;
}

/** Scores a session log against its scenario's rubric. */
export function scoreSession(
  scenario: Scenario,
  log: SessionLog,
  mode: RunMode = 'assessment',
): ScoredSession {
  const timeline = buildTimeline(conferenceConfigOf(scenario), log);
  const answers = judgeAnswers(scenario, log);
  const context = { scenario, timeline, answers, mode };
  const criteria: CriterionResult[] = scenario.rubric.criteria.map((criterion) => {
    const verdict = judge(criterion, context);
    return {
      id: criterion.id,
      kind: criterion.kind,
      title: criterion.title,
      weight: criterion.weight,
      met: verdict.met,
      points: verdict.met ? criterion.weight : 0,
      feedback: verdict.met ? criterion.feedback.met : criterion.feedback.notMet,
      evidence: [...verdict.evidence],
    };
  });
  const raw = criteria.reduce((sum, criterion) => sum + criterion.points, 0);
  const max = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const scaled = max === 0 ? 0 : raw / max;
  const passMark = scenario.rubric.passMark;
  // Compare in thousandths so that 0.8 of 10 points passes a 0.8 pass mark despite floating point.
  const passed = Math.round(scaled * 1000) >= Math.round(passMark * 1000);
  return { result: { criteria, raw, max, scaled, passMark, passed }, answers };
}
