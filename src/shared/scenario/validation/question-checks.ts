/**
 * The questions of a scenario, checked: each answer can be computed, it is among the choices
 * offered, and the reference solution gives it.
 */
import { type Finding, finding, type PathSegments, quote } from '../format/findings';
import { answerMatches, questionAnswer } from '../format/questions';
import type { Scenario } from '../format/schema';

/** Every question's answer can be computed and is among its choices; reference answers give it. */
export function checkQuestions(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  const answers = new Map<string, string | null>();
  scenario.questions.forEach((question, q) => {
    const path: PathSegments = ['questions', q];
    const result = questionAnswer(scenario, question, path);
    if (!result.ok) {
      findings.push(...result.findings);
      return;
    }
    if (!answers.has(question.id)) answers.set(question.id, result.value);
    if (result.value === null) {
      const what =
        question.kind === 'caller-id'
          ? 'the external party is shown no number'
          : 'the caller hangs up before the block takes a branch';
      if (question.kind === 'caller-id' && question.choices !== undefined) {
        findings.push(
          finding(
            'error',
            'answer-not-in-choices',
            [...path, 'choices'],
            `the computed answer is that ${what}, which none of the choices says`,
          ),
        );
      } else {
        findings.push(
          finding('warning', 'question-has-no-answer', path, `${what}; the question has no answer to give`),
        );
      }
      return;
    }
    if (question.kind === 'caller-id' && question.choices !== undefined) {
      const value = result.value;
      const matching = question.choices.filter((choice) =>
        answerMatches(scenario, 'caller-id', value, choice),
      );
      if (matching.length === 0) {
        findings.push(
          finding(
            'error',
            'answer-not-in-choices',
            [...path, 'choices'],
            `the computed answer ${value} is not among the choices`,
          ),
        );
      } else if (matching.length > 1) {
        findings.push(
          finding(
            'warning',
            'ambiguous-choices',
            [...path, 'choices'],
            `${matching.length} choices denote the computed answer ${value}: ${matching.join(', ')}`,
          ),
        );
      }
    }
  });
  scenario.reference.actions.forEach((action, a) => {
    if (!('answer' in action)) return;
    const question = scenario.questions.find((item) => item.id === action.answer.question);
    const answer = answers.get(action.answer.question);
    if (question === undefined || answer === undefined || answer === null) return;
    if (!answerMatches(scenario, question.kind, answer, action.answer.value)) {
      findings.push(
        finding(
          'error',
          'reference-answer-wrong',
          ['reference', 'actions', a, 'answer', 'value'],
          `the reference solution answers ${quote(action.answer.value)}, but the computed answer is ${quote(answer)}`,
        ),
      );
    }
  });
  return findings;
}
