/**
 * The goals checklist of a session. A scenario shows its goals one after another as the script
 * moves on (`showGoal` effects); a goal counts as reached once the script has shown the next
 * one, and the last one once the trainee finished the call (left and cleared, or the contact
 * ended and was cleared). The checklist is read from the records, like everything else.
 */
import type { Scenario } from '../format/schema';
import type { SessionRecord } from './session-types';

/** One goal as the checklist shows it. */
export interface GoalProgress {
  readonly id: string;
  readonly text: string;
  /** `reached`: the script moved past it; `current`: the goal being worked on. */
  readonly status: 'reached' | 'current';
  /** Simulated time (ms) the goal was shown. */
  readonly shownAt: number;
}

/** The goals shown so far, in the order shown, each reached or current. */
export function goalProgress(
  scenario: Scenario,
  records: ReadonlyArray<SessionRecord>,
): ReadonlyArray<GoalProgress> {
  const shown: { id: string; time: number }[] = [];
  let finished = false;
  for (const record of records) {
    if (record.kind === 'goal' && !shown.some((goal) => goal.id === record.goal)) {
      shown.push({ id: record.goal, time: record.time });
    }
    if (record.kind === 'end')
      finished = record.reason === 'trainee-finished' || record.reason === 'contact-ended';
  }
  return shown.map((goal, index) => ({
    id: goal.id,
    text: scenario.goals.find((candidate) => candidate.id === goal.id)?.text ?? goal.id,
    status: index < shown.length - 1 || finished ? 'reached' : 'current',
    shownAt: goal.time,
  }));
}
