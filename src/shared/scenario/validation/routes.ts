/**
 * How parties are reached: quick connects (CCP-2) agree with the instance and with the parties,
 * and the queue the call is handled from exists.
 */
import { type Finding, finding, type PathSegments, quote } from '../format/findings';
import type { Scenario } from '../format/schema';

/** The quick connect names of the parties (agents' own, external parties' phone-number ones). */
function partyQuickConnects(scenario: Scenario): Map<string, number> {
  const names = new Map<string, number>();
  scenario.parties.forEach((party, index) => {
    const name = party.kind === 'caller' ? undefined : party.quickConnect;
    if (name !== undefined && !names.has(name)) names.set(name, index);
  });
  return names;
}

/**
 * Quick connects: each party's name is unique and agrees with the instance's quick connect of
 * that name (an agent's is an agent quick connect, an external party's a phone-number one for
 * its number); every quick connect an action dials exists (CCP-2).
 */
export function checkQuickConnects(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  const instance = new Map(scenario.call.instance.quickConnects.map((qc) => [qc.name, qc]));
  const seen = new Map<string, number>();
  scenario.parties.forEach((party, index) => {
    if (party.kind === 'caller' || party.quickConnect === undefined) return;
    const name = party.quickConnect;
    const path: PathSegments = ['parties', index, 'quickConnect'];
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      findings.push(
        finding(
          'error',
          'duplicate-quick-connect',
          path,
          `quick connect ${quote(name)} is already the quick connect of the party at index ${earlier}`,
          'CCP-2',
        ),
      );
      return;
    }
    seen.set(name, index);
    const configured = instance.get(name);
    if (configured === undefined) return;
    if (party.kind === 'agent' && configured.type === 'phone-number') {
      findings.push(
        finding(
          'error',
          'quick-connect-type-mismatch',
          path,
          `the instance's quick connect ${quote(name)} is of type phone-number; an agent is reached by an agent or a queue quick connect`,
          'CCP-2',
        ),
      );
    }
    if (party.kind === 'external') {
      if (configured.type !== 'phone-number') {
        findings.push(
          finding(
            'error',
            'quick-connect-type-mismatch',
            path,
            `the instance's quick connect ${quote(name)} is of type ${configured.type}; an external party is reached by a phone-number quick connect`,
            'CCP-2',
          ),
        );
      } else if (configured.number.replace(/[\s().-]/g, '') !== party.number.replace(/[\s().-]/g, '')) {
        findings.push(
          finding(
            'warning',
            'quick-connect-number-mismatch',
            path,
            `the instance's quick connect ${quote(name)} dials ${configured.number}, but the party's number is ${party.number}`,
            'CCP-2',
          ),
        );
      }
    }
  });
  const known = partyQuickConnects(scenario);
  scenario.reference.actions.forEach((action, a) => {
    if (!('action' in action) || action.via === undefined || !('quickConnect' in action.via)) return;
    const name = action.via.quickConnect;
    if (!known.has(name) && !instance.has(name)) {
      findings.push(
        finding(
          'error',
          'unknown-quick-connect',
          ['reference', 'actions', a, 'via', 'quickConnect'],
          `no quick connect named ${quote(name)}: neither a party's quick connect nor one of $.call.instance.quickConnects`,
          'CCP-2',
        ),
      );
    }
  });
  return findings;
}

/** The call's queue is one of the instance's queues (CID-1, CID-4 read its caller ID). */
export function checkQueue(scenario: Scenario): ReadonlyArray<Finding> {
  const queue = scenario.call.queue;
  if (queue === undefined || scenario.call.instance.queues.some((q) => q.name === queue)) return [];
  return [
    finding(
      'error',
      'unknown-queue',
      ['call', 'queue'],
      `no queue named ${quote(queue)} in $.call.instance.queues`,
    ),
  ];
}
