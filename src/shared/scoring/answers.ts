/**
 * The correct answers to a scenario's questions, computed by the caller-ID resolver and the
 * block simulation (never typed in by the author), and the judging of the trainee's answers.
 */
import type { CountryCode } from 'libphonenumber-js';
import { describeNumber, resolveCallerId, simulateTransferBlock } from '../caller-id';
import type { Question, Scenario } from '../scenario/schema';
import type { SessionLog } from '../scenario/session-types';
import type { AnswerResult } from './assessment';

/** The correct answer to a question, or an error text when the scenario does not determine one. */
export function correctAnswer(
  scenario: Scenario,
  question: Question,
): { answer: string } | { error: string } {
  try {
    if (question.kind === 'caller-id') {
      const resolution = resolveCallerId({ instance: scenario.call.instance, transfer: question.transfer });
      return resolution.number === null ? { answer: 'none' } : { answer: resolution.number };
    }
    const block = scenario.call.transferBlocks.find((candidate) => candidate.name === question.block);
    if (!block) return { error: `no transfer block named "${question.block}"` };
    const simulation = simulateTransferBlock({
      instance: scenario.call.instance,
      block: block.block,
      channel: block.channel,
      caller: block.caller,
      externalParty: block.externalParty,
    });
    if (simulation.kind === 'invalid-configuration')
      return { error: `transfer block "${block.name}" is invalid` };
    return { answer: simulation.branch ?? 'none' };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Whether a given answer is the correct one: numbers compare as numbers (a national format is
 * read in the instance's country), words without case.
 */
export function isCorrect(
  question: Question,
  given: string,
  correct: string,
  country?: CountryCode,
): boolean {
  if (question.kind === 'caller-id' && correct !== 'none') {
    const a = describeNumber(given.trim(), country);
    const b = describeNumber(correct, country);
    if (a?.e164 && b?.e164) return a.e164 === b.e164;
  }
  return normalise(given) === normalise(correct);
}

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** The trainee's last answer to each question that was answered, judged. */
export function judgeAnswers(scenario: Scenario, log: SessionLog): ReadonlyArray<AnswerResult> {
  const last = new Map<string, string>();
  for (const record of log.records) if (record.kind === 'answer') last.set(record.question, record.value);
  const results: AnswerResult[] = [];
  for (const question of scenario.questions) {
    const given = last.get(question.id);
    if (given === undefined) continue;
    const correct = correctAnswer(scenario, question);
    const correctText = 'answer' in correct ? correct.answer : '';
    results.push({
      question: question.id,
      text: question.text,
      given,
      correctAnswer: correctText,
      correct: 'answer' in correct && isCorrect(question, given, correctText, scenario.call.instance.country),
    });
  }
  return results;
}
