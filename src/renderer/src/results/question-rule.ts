import { parseCallerIdSituation, resolveCallerId, simulateTransferBlock } from '@shared/caller-id';
import type { Scenario } from '@shared/scenario';

/** The rule that decides a question's answer and why, in the scenario's languages. */
export interface QuestionReason {
  readonly rule: string;
  readonly explanation: { readonly en: string; readonly de: string };
}

/**
 * Why a question's right answer is what it is: the caller-ID resolver's deciding rule (CID-1 to
 * CID-5), or the rule that took the "Transfer to phone number" block's branch (XFER-*). Null
 * when the scenario cannot answer it (an unknown question or a broken configuration).
 */
export function questionReason(scenario: Scenario, questionId: string): QuestionReason | null {
  const question = scenario.questions.find((candidate) => candidate.id === questionId);
  if (question === undefined) return null;
  if (question.kind === 'caller-id') {
    const parsed = parseCallerIdSituation({ instance: scenario.call.instance, transfer: question.transfer });
    if (!parsed.ok) return null;
    const resolution = resolveCallerId(parsed.value);
    return { rule: resolution.rule, explanation: resolution.explanation };
  }
  const entry = scenario.call.transferBlocks.find((block) => block.name === question.block);
  if (entry === undefined) return null;
  const result = simulateTransferBlock({
    instance: scenario.call.instance,
    block: entry.block,
    channel: entry.channel,
    caller: entry.caller,
    externalParty: entry.externalParty,
  });
  if (result.kind !== 'simulated') return null;
  const branch = [...result.timeline]
    .reverse()
    .find((event) => event.type === 'branch' || event.type === 'call-ended');
  return { rule: branch?.rule ?? 'XFER-1', explanation: result.explanation };
}
