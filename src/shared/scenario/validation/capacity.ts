/**
 * How many participants the scenario needs against what its mode allows (CONF-1), and whether
 * Contact Lens records a call that becomes a conference (CONF-16). Statically, from the parties
 * the scenario brings in; exactly, from the reference solution's replay when it is available.
 */
import { participantLimit } from '../../conference';
import { type Finding, finding } from '../format/findings';
import type { Scenario, ScenarioParty } from '../format/schema';
import { partiesThatJoin } from './party-references';

/** Whether a party can ever be on the call: a dialled party none of whose dials is answered never is. */
function canAnswer(party: ScenarioParty | undefined): boolean {
  if (party === undefined || party.kind === 'caller' || party.answer === undefined) return true;
  return [party.answer].flat().some((behaviour) => behaviour.outcome === 'answer');
}

/**
 * CONF-1, statically: more parties join over the scenario than the mode allows at once. They
 * may not all be on the call together, so this is a warning; the replay reports an add the limit
 * refuses as an error. A party that is dialled but never answers (every dial fails, is rejected,
 * busy or unanswered) never joins. `peak` is the most participants the reference replay reached
 * (null when it did not run), quoted in the message.
 */
export function checkPartyCount(scenario: Scenario, peak: number | null = null): ReadonlyArray<Finding> {
  const joined = [...partiesThatJoin(scenario)].filter((id) =>
    canAnswer(scenario.parties.find((party) => party.id === id)),
  ).length;
  const limit = participantLimit(scenario.call.mode);
  if (joined <= limit) return [];
  const replayed = peak === null ? '' : ` (the reference solution's replay reaches ${peak})`;
  return [
    finding(
      'warning',
      'parties-exceed-mode-limit',
      ['call', 'mode'],
      `${joined} parties join this ${scenario.call.mode} call over its course, but at most ${limit} may be on it at once${replayed}; make sure some leave before others are added`,
      'CONF-1',
    ),
  ];
}

/**
 * CONF-16: Contact Lens supports at most two participants. With `peak` (the most participants
 * the reference replay reached, or null when it was not replayed) the warning is exact for the
 * reference solution; otherwise it counts the parties that join.
 */
export function checkContactLens(scenario: Scenario, peak: number | null): ReadonlyArray<Finding> {
  if (!scenario.call.contactLens) return [];
  const joined = partiesThatJoin(scenario).size;
  const reason =
    peak !== null && peak >= 3
      ? `the reference solution reaches ${peak} participants`
      : joined >= 3
        ? `${joined} parties join the call`
        : null;
  if (reason === null) return [];
  return [
    finding(
      'warning',
      'contact-lens-multiparty',
      ['call', 'contactLens'],
      `Contact Lens records this call, but ${reason}; it supports calls of at most 2 participants, so switch it off in the "Set recording and analytics behavior" block`,
      'CONF-16',
    ),
  ];
}
