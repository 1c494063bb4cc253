/**
 * Conditions on the call and patterns over the log: the director's `when` and `on` triggers
 * and the scorer's criteria read the call through these two functions only.
 */
import {
  type ConferenceState,
  hears,
  isContactUp,
  type LogEntry,
  legOf,
  participantCount,
} from '../../conference';
import type { Condition, EventPattern } from './vocabulary';

/** Whether a condition holds in a state of the call. */
export function evaluateCondition(condition: Condition, state: ConferenceState): boolean {
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, state));
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, state));
  if ('not' in condition) return !evaluateCondition(condition.not, state);
  if ('leg' in condition) {
    const leg = legOf(state, condition.leg.party);
    // A party that was never added counts as disconnected.
    const current = leg?.state ?? 'disconnected';
    const wanted = condition.leg.state;
    return typeof wanted === 'string' ? current === wanted : wanted.includes(current);
  }
  if ('participants' in condition) {
    const count = participantCount(state);
    const { atLeast, atMost } = condition.participants;
    return (atLeast === undefined || count >= atLeast) && (atMost === undefined || count <= atMost);
  }
  if ('hears' in condition) return hears(state, condition.hears.listener, condition.hears.speaker);
  return isContactUp(state) === condition.contactUp;
}

/** Whether a log entry matches a pattern; `result` defaults to `accepted`. */
export function matchesPattern(pattern: EventPattern, entry: LogEntry): boolean {
  if (entry.type !== pattern.event) return false;
  if (pattern.actor !== undefined && entry.actor !== pattern.actor) return false;
  if (pattern.target !== undefined && entry.target !== pattern.target) return false;
  return entry.result.status === (pattern.result ?? 'accepted');
}
