/**
 * The judging of the trainee's answers. The correct answers are computed by the caller-ID
 * resolver and the block simulation (`questionAnswer`), never typed in by the author, and
 * compared as the validator compares the reference's answers (`answerMatches`).
 */

import type { SessionLog } from '../scenario/director/session-types';
import { answerMatches, questionAnswer } from '../scenario/format/questions';
import type { Scenario } from '../scenario/format/schema';
import type { AnswerResult } from './assessment';

/** The trainee's last answer to each question that was answered, judged. */
export function judgeAnswers(scenario: Scenario, log: SessionLog): ReadonlyArray<AnswerResult> {
  const last = new Map<string, string>();
  for (const record of log.records) if (record.kind === 'answer') last.set(record.question, record.value);
  const results: AnswerResult[] = [];
  for (const question of scenario.questions) {
    const given = last.get(question.id);
    if (given === undefined) continue;
    const computed = questionAnswer(scenario, question);
    const answer = computed.ok ? computed.value : null;
    results.push({
      question: question.id,
      text: question.text,
      given,
      correctAnswer: answer ?? '',
      correct: answerMatches(scenario, question.kind, answer, given),
    });
  }
  return results;
}
