/**
 * Scripts that follow the call, checked on a played session: a scripted line is spoken only by a
 * party on the call and not muted (a hold complaint only by a party still on the call), and a
 * goal is shown only by a step whose lines were all spoken. A goal shown while the line it
 * follows was skipped (its speaker had left, never came, or was muted) tells the trainee about
 * something nobody said.
 */
import type { LegSnapshot, PartyId } from '../../conference';
import type { SessionRecord } from '../director/session-types';
import { type Finding, finding, quote } from '../format/findings';
import type { Scenario } from '../format/schema';

/** Why a party could not speak at a moment of the session, or null when they could. */
function silenced(
  legs: ReadonlyMap<PartyId, LegSnapshot>,
  party: PartyId,
  complaint: boolean,
): string | null {
  const leg = legs.get(party);
  if (leg === undefined || leg.state === 'disconnected') return 'is not on the call';
  if (complaint) return leg.state === 'connecting' ? 'is not on the call yet' : null;
  if (leg.state !== 'connected') return leg.state === 'hold' ? 'is on hold' : 'is not on the call yet';
  return leg.muted ? 'is muted' : null;
}

/** One firing of a step: the goals it showed, the lines it spoke, and the call when it fired. */
interface Firing {
  readonly step: string;
  readonly time: number;
  readonly legs: ReadonlyMap<PartyId, LegSnapshot>;
  readonly goals: string[];
  readonly spoke: Set<PartyId>;
}

/**
 * The findings of one played session (`run` names it in the messages, e.g. "the reference
 * solution's replay"): each scripted line spoken by a party who could not speak, and each goal
 * shown by a step whose line was skipped because its speaker could not speak.
 */
export function checkSpeakers(
  scenario: Scenario,
  records: ReadonlyArray<SessionRecord>,
  run: string,
): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  const stepIndex = (id: string) => scenario.script.findIndex((s) => s.id === id);
  let legs = new Map<PartyId, LegSnapshot>();
  const firings: Firing[] = [];
  let current: Firing | null = null;
  for (const record of records) {
    if (record.kind === 'event') {
      legs = new Map(record.entry.legs.map((leg) => [leg.party, leg]));
    } else if (record.kind === 'step') {
      current = { step: record.step, time: record.time, legs, goals: [], spoke: new Set() };
      firings.push(current);
    } else if (record.kind === 'goal') {
      current?.goals.push(record.goal);
    } else if (record.kind === 'line') {
      if (record.step !== null && current?.step === record.step) current.spoke.add(record.party);
      const why = silenced(legs, record.party, record.step === null);
      if (why !== null) {
        const index = record.step === null ? -1 : stepIndex(record.step);
        findings.push(
          finding(
            'warning',
            'line-speaker-absent',
            index < 0 ? ['parties'] : ['script', index],
            `in ${run}, ${quote(record.party)} says a line at ${record.time / 1000} s but ${why}: ${quote(record.text)}`,
          ),
        );
      }
    }
  }
  for (const firing of firings) {
    if (firing.goals.length === 0) continue;
    const index = stepIndex(firing.step);
    const step = scenario.script[index];
    if (step === undefined) continue;
    const speakers = new Set(step.effects.flatMap((e) => ('say' in e ? [e.say.party] : [])));
    for (const party of speakers) {
      if (firing.spoke.has(party)) continue;
      const why = silenced(firing.legs, party, false) ?? 'could not speak';
      const goals = firing.goals.map(quote).join(', ');
      findings.push(
        finding(
          'warning',
          'goal-speaker-absent',
          ['script', index],
          `in ${run}, step ${quote(firing.step)} shows goal ${goals} at ${firing.time / 1000} s although ${quote(party)} ${why}, so the line the goal follows is never said; require the speaker (requires, ifBlocked "wait") or show the goal in a step of its own`,
        ),
      );
    }
  }
  return findings;
}
