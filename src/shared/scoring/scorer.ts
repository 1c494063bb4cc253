/**
 * The scorer: a pure, deterministic function from a scenario and a session log to a result.
 * The same log always gives the same result; the main process and the CLI re-grade with it.
 */

import type { SessionLog } from '../scenario/director/session-types';
import { conferenceConfigOf } from '../scenario/format/conference-config';
import type { Scenario } from '../scenario/format/schema';
import { judgeAnswers } from './answers';
import type { AnswerResult } from './assessment';
import { judge, judgeContext, type RunMode } from './judge';
import { fillFeedback } from './notes';
import type { CriterionResult, ScoreResult } from './result';
import { buildTimeline } from './timeline';

/** A scored session: the result and the judged answers. */
export interface ScoredSession {
  readonly result: ScoreResult;
  readonly answers: ReadonlyArray<AnswerResult>;
}

/** The feedback of a criterion not reached when the scenario gives none. */
const NOT_REACHED: Readonly<Record<Scenario['language'], string>> = {
  en: 'Not reached: the call never got this far, so this counts neither for nor against you.',
  de: 'Nicht erreicht: So weit kam der Anruf nicht; das zählt weder für noch gegen Sie.',
};

/** Scores a session log against its scenario's rubric. */
export function scoreSession(
  scenario: Scenario,
  log: SessionLog,
  mode: RunMode = 'assessment',
): ScoredSession {
  const timeline = buildTimeline(conferenceConfigOf(scenario), log);
  const answers = judgeAnswers(scenario, log);
  const context = judgeContext(scenario, timeline, answers, mode);
  const failedBy: string[] = [];
  const criteria: CriterionResult[] = scenario.rubric.criteria.map((criterion) => {
    const verdict = judge(criterion, context);
    const { status } = verdict;
    const counted = status !== 'not-reached' || criterion.ifNotReached === 'fail' || criterion.required;
    if (
      criterion.required ? status !== 'met' : status === 'not-reached' && criterion.ifNotReached === 'fail'
    ) {
      failedBy.push(criterion.id);
    }
    const text =
      status === 'met'
        ? criterion.feedback.met
        : status === 'not-met'
          ? criterion.feedback.notMet
          : (criterion.feedback.notReached ?? NOT_REACHED[scenario.language]);
    const facts = {
      evidence: verdict.evidence.map((e) => e.note).join('; '),
      ...(verdict.facts ?? {}),
    };
    return {
      id: criterion.id,
      kind: criterion.kind,
      title: criterion.title,
      weight: criterion.weight,
      met: status === 'met',
      status,
      required: criterion.required,
      counted,
      points: status === 'met' ? criterion.weight : 0,
      feedback: fillFeedback(text, facts),
      evidence: [...verdict.evidence],
    };
  });
  const raw = criteria.reduce((sum, criterion) => sum + criterion.points, 0);
  const max = criteria.reduce((sum, criterion) => sum + (criterion.counted ? criterion.weight : 0), 0);
  const scaled = max === 0 ? 0 : raw / max;
  const passMark = scenario.rubric.passMark;
  // Compare in thousandths so that 0.8 of 10 points passes a 0.8 pass mark despite floating point.
  const passed = failedBy.length === 0 && max > 0 && Math.round(scaled * 1000) >= Math.round(passMark * 1000);
  return { result: { criteria, raw, max, scaled, passMark, passed, failedBy }, answers };
}
