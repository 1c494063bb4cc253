/**
 * The cast of a scenario: every id used once, exactly one caller, a trainee and a primary agent
 * that fit the trainee's role, and every party reference resolving to a party of the right kind.
 */
import { type Finding, finding, type PathSegments, quote } from '../format/findings';
import type { Scenario, ScenarioParty } from '../format/schema';
import { partiesThatJoin, partyReferences } from './party-references';

function duplicates<T>(
  items: ReadonlyArray<T>,
  keyOf: (item: T) => string,
  pathOf: (index: number) => PathSegments,
  what: string,
): Finding[] {
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else
      findings.push(
        finding(
          'error',
          'duplicate-id',
          pathOf(index),
          `${what} ${quote(key)} is already used at index ${earlier}`,
        ),
      );
  });
  return findings;
}

/** Ids and names that must be unique: parties, steps, goals, questions, criteria, transfer blocks. */
export function checkUniqueIds(scenario: Scenario): ReadonlyArray<Finding> {
  return [
    ...duplicates(
      scenario.parties,
      (p) => p.id,
      (i) => ['parties', i, 'id'],
      'party id',
    ),
    ...duplicates(
      scenario.script,
      (s) => s.id,
      (i) => ['script', i, 'id'],
      'step id',
    ),
    ...duplicates(
      scenario.goals,
      (g) => g.id,
      (i) => ['goals', i, 'id'],
      'goal id',
    ),
    ...duplicates(
      scenario.questions,
      (q) => q.id,
      (i) => ['questions', i, 'id'],
      'question id',
    ),
    ...duplicates(
      scenario.rubric.criteria,
      (c) => c.id,
      (i) => ['rubric', 'criteria', i, 'id'],
      'criterion id',
    ),
    ...duplicates(
      scenario.call.transferBlocks,
      (b) => b.name,
      (i) => ['call', 'transferBlocks', i, 'name'],
      'transfer block name',
    ),
  ];
}

/** The parties by id (the first of duplicates). */
export function partiesById(scenario: Scenario): ReadonlyMap<string, ScenarioParty> {
  const map = new Map<string, ScenarioParty>();
  for (const party of scenario.parties) if (!map.has(party.id)) map.set(party.id, party);
  return map;
}

/** Exactly one caller; the trainee and the primary agent are agents and fit the trainee's role. */
export function checkCast(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  const callers = scenario.parties.flatMap((p, i) => (p.kind === 'caller' ? [i] : []));
  if (callers.length === 0) {
    findings.push(
      finding(
        'error',
        'caller-count',
        ['parties'],
        'no party is the caller; a scenario has exactly one (kind "caller")',
      ),
    );
  }
  for (const index of callers.slice(1)) {
    findings.push(
      finding(
        'error',
        'caller-count',
        ['parties', index, 'kind'],
        `a second caller; a scenario has exactly one (the first is at index ${callers[0]})`,
      ),
    );
  }
  const { trainee, primaryAgent, traineeRole } = scenario.call;
  if (traineeRole === 'primary' && trainee !== primaryAgent) {
    findings.push(
      finding(
        'error',
        'trainee-role-mismatch',
        ['call', 'primaryAgent'],
        `the trainee's role is "primary", so the primary agent must be the trainee ${quote(trainee)}, not ${quote(primaryAgent)}`,
      ),
    );
  }
  if (traineeRole === 'secondary' && trainee === primaryAgent) {
    findings.push(
      finding(
        'error',
        'trainee-role-mismatch',
        ['call', 'primaryAgent'],
        `the trainee's role is "secondary", so another agent takes the call first; the primary agent cannot be the trainee ${quote(trainee)}`,
      ),
    );
  }
  return findings;
}

/** Every party reference resolves to a party of the right kind. */
export function checkPartyReferences(scenario: Scenario): ReadonlyArray<Finding> {
  const parties = partiesById(scenario);
  const findings: Finding[] = [];
  for (const ref of partyReferences(scenario)) {
    const party = parties.get(ref.id);
    if (party === undefined) {
      findings.push(
        finding('error', 'unknown-party', ref.path, `no party with id ${quote(ref.id)} in $.parties`),
      );
    } else if ((ref.use === 'agent' || ref.use === 'scripted-agent') && party.kind !== 'agent') {
      findings.push(
        finding(
          'error',
          'party-kind-mismatch',
          ref.path,
          `${quote(ref.id)} is ${party.kind === 'caller' ? 'the caller' : 'an external party'}; only an agent can be named here`,
        ),
      );
    } else if (
      (ref.use === 'scripted-agent' || ref.use === 'not-trainee') &&
      ref.id === scenario.call.trainee
    ) {
      findings.push(
        finding(
          'error',
          'acts-for-trainee',
          ref.path,
          `${quote(ref.id)} is the trainee; a script step cannot act or hang up for the trainee`,
        ),
      );
    }
  }
  return findings;
}

/** Parties that nothing brings into the call (info: a trainee may still add them). */
export function checkUnusedParties(scenario: Scenario): ReadonlyArray<Finding> {
  const joined = partiesThatJoin(scenario);
  return scenario.parties.flatMap((party, index) =>
    joined.has(party.id)
      ? []
      : [
          finding(
            'info',
            'party-never-added',
            ['parties', index],
            `neither the reference solution nor a scripted agent adds ${quote(party.id)}`,
          ),
        ],
  );
}
