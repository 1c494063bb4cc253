/**
 * The questions of a scenario and their computed answers: "which number will the translator
 * see?" is answered by the caller-ID resolver, "which branch does the block take?" by the block's
 * simulation, never by the author. The validator checks each question with these functions
 * (`validation/question-checks.ts`); the scorer judges the trainee's answers with them.
 */
import {
  describeNumber,
  parseCallerIdSituation,
  resolveCallerId,
  simulateTransferBlock,
  summariseInputIssues,
  type TransferMethod,
} from '../../caller-id';
import { type Finding, finding, type PathSegments, quote } from './findings';
import type { Question, Scenario } from './schema';

/**
 * A question's computed answer: the caller ID number shown (null: none is shown), or the
 * block's branch (null: the caller hangs up first and no branch is taken); or why it cannot be
 * computed.
 */
export type QuestionAnswer =
  | { readonly ok: true; readonly kind: Question['kind']; readonly value: string | null }
  | { readonly ok: false; readonly findings: ReadonlyArray<Finding> };

/** Names in a caller-ID question's transfer that do not resolve in the instance. */
function transferReferences(scenario: Scenario, transfer: TransferMethod, base: PathSegments): Finding[] {
  const instance = scenario.call.instance;
  const findings: Finding[] = [];
  const queue = (name: string, path: PathSegments): void => {
    if (!instance.queues.some((q) => q.name === name)) {
      findings.push(
        finding('error', 'unknown-queue', path, `no queue named ${quote(name)} in $.call.instance.queues`),
      );
    }
  };
  if (transfer.method === 'external-quick-connect') {
    const qc = instance.quickConnects.find((q) => q.name === transfer.quickConnect);
    if (qc === undefined) {
      findings.push(
        finding(
          'error',
          'unknown-quick-connect',
          [...base, 'quickConnect'],
          `no quick connect named ${quote(transfer.quickConnect)} in $.call.instance.quickConnects`,
          'CCP-2',
        ),
      );
    } else if (qc.type !== 'phone-number') {
      findings.push(
        finding(
          'error',
          'quick-connect-type-mismatch',
          [...base, 'quickConnect'],
          `quick connect ${quote(transfer.quickConnect)} is of type ${qc.type}; only a phone-number quick connect reaches an external party`,
          'CCP-2',
        ),
      );
    }
    if (!instance.routingProfiles.some((p) => p.name === transfer.agent.routingProfile)) {
      findings.push(
        finding(
          'error',
          'unknown-routing-profile',
          [...base, 'agent', 'routingProfile'],
          `no routing profile named ${quote(transfer.agent.routingProfile)} in $.call.instance.routingProfiles`,
        ),
      );
    }
    if (transfer.agent.activeCall !== undefined)
      queue(transfer.agent.activeCall.queue, [...base, 'agent', 'activeCall', 'queue']);
  } else if (transfer.method === 'number-pad') {
    queue(transfer.activeCall.queue, [...base, 'activeCall', 'queue']);
  }
  return findings;
}

function callerIdAnswer(scenario: Scenario, transfer: TransferMethod, base: PathSegments): QuestionAnswer {
  const unresolved = transferReferences(scenario, transfer, base);
  if (unresolved.length > 0) return { ok: false, findings: unresolved };
  const parsed = parseCallerIdSituation({ instance: scenario.call.instance, transfer });
  if (!parsed.ok) {
    return {
      ok: false,
      findings: [
        finding(
          'error',
          'question-unresolvable',
          base,
          `the caller ID cannot be resolved: ${summariseInputIssues(parsed.issues)}`,
        ),
      ],
    };
  }
  return { ok: true, kind: 'caller-id', value: resolveCallerId(parsed.value).number };
}

function branchAnswer(scenario: Scenario, blockName: string, base: PathSegments): QuestionAnswer {
  const entry = scenario.call.transferBlocks.find((b) => b.name === blockName);
  // An unknown block is reported by the reference checks.
  if (entry === undefined) return { ok: false, findings: [] };
  const result = simulateTransferBlock({
    instance: scenario.call.instance,
    block: entry.block,
    channel: entry.channel,
    caller: entry.caller,
    externalParty: entry.externalParty,
  });
  if (result.kind === 'invalid-configuration') {
    const rule = result.findings.find((f) => f.severity === 'error')?.rule ?? null;
    return {
      ok: false,
      findings: [
        finding(
          'error',
          'question-unresolvable',
          base,
          `block ${quote(blockName)} has configuration errors (see $.call.transferBlocks), so it takes no branch`,
          rule,
        ),
      ],
    };
  }
  return { ok: true, kind: 'transfer-branch', value: result.branch };
}

/** Computes a question's answer with the scenario's instance, blocks and caller. */
export function questionAnswer(
  scenario: Scenario,
  question: Question,
  path: PathSegments = [],
): QuestionAnswer {
  return question.kind === 'caller-id'
    ? callerIdAnswer(scenario, question.transfer, [...path, 'transfer'])
    : branchAnswer(scenario, question.block, [...path, 'block']);
}

/**
 * Whether a given answer is the computed one: numbers compare as phone numbers (read in the
 * instance's country), branches as text. A null answer (no number shown, no branch taken)
 * matches nothing.
 */
export function answerMatches(
  scenario: Scenario,
  kind: Question['kind'],
  answer: string | null,
  given: string,
): boolean {
  if (answer === null) return false;
  if (given.trim() === answer) return true;
  if (kind !== 'caller-id') return false;
  const country = scenario.call.instance.country;
  const left = describeNumber(answer, country);
  const right = describeNumber(given.trim(), country);
  return left !== null && right !== null && left.e164 === right.e164;
}
