/**
 * The reference solution, played: the director runs the scenario with the reference's seed and
 * actions on the instant clock, exactly as the CLI's `replay` and the grader do. Every action
 * must be accepted (a refusal is an error naming the refusal's rule), must be played before the
 * session ends, and every goal a step shows must have been shown.
 */
import type { LogEntry } from '../../conference';
import { runSession } from '../director/director';
import { actionsToInputs } from '../director/replay';
import type { SessionOutcome, SessionRecord } from '../director/session-types';
import { type Finding, finding, quote } from '../format/findings';
import type { Scenario, TimedAction } from '../format/schema';
import { checkSpeakers } from './speakers';

/** What the replay of the reference solution found, and the most participants it reached. */
export interface ReferenceReplayCheck {
  readonly findings: ReadonlyArray<Finding>;
  /** The most participants on the call at once during the replay; null when it did not run. */
  readonly peakParticipants: number | null;
}

function describeAction(action: TimedAction): string {
  if ('answer' in action) return `the answer to ${quote(action.answer.question)}`;
  return action.target === undefined
    ? quote(action.action)
    : `${quote(action.action)} on ${quote(action.target)}`;
}

function liveLegs(entry: LogEntry): number {
  return entry.legs.filter((leg) => leg.state !== 'disconnected').length;
}

/** The path of the script step whose effect produced a record, when one did. */
function stepIndexBefore(
  scenario: Scenario,
  records: ReadonlyArray<SessionRecord>,
  at: number,
): number | null {
  const record = records[at];
  for (let i = at - 1; i >= 0; i--) {
    const earlier = records[i];
    if (earlier === undefined || record === undefined || earlier.time !== record.time) return null;
    if (earlier.kind === 'step') {
      const index = scenario.script.findIndex((s) => s.id === earlier.step);
      return index < 0 ? null : index;
    }
  }
  return null;
}

/** Plays the reference solution and reports what went wrong (see the module comment). */
export function checkReferenceReplay(scenario: Scenario): ReferenceReplayCheck {
  let outcome: SessionOutcome;
  try {
    outcome = runSession(scenario, scenario.reference.seed, actionsToInputs(scenario.reference.actions));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      findings: [
        finding(
          'error',
          'reference-replay-failed',
          ['reference'],
          `the reference solution cannot be played: ${message}`,
        ),
      ],
      peakParticipants: null,
    };
  }
  const findings: Finding[] = [];
  const trainee = scenario.call.trainee;
  const records = outcome.log.records;
  // The director plays the inputs in time order, equal times in the order given, and records
  // exactly one event or answer for each input it plays.
  const ordered = scenario.reference.actions
    .map((action, index) => ({ action, index, time: Math.round(action.at * 1000) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  let next = 0;
  let peak = 2;
  const shown = new Set<string>();
  records.forEach((record, r) => {
    if (record.kind === 'goal') shown.add(record.goal);
    if (record.kind === 'answer') next++;
    if (record.kind !== 'event') return;
    const { entry } = record;
    peak = Math.max(peak, liveLegs(entry));
    if (entry.actor === trainee) {
      const played = ordered[next++];
      if (entry.result.status === 'refused' && played !== undefined) {
        const { reason, rule } = entry.result;
        const path = ['reference', 'actions', played.index];
        const what = `${describeAction(played.action)} at ${played.action.at} s`;
        findings.push(
          reason === 'participant-limit'
            ? finding(
                'error',
                'too-many-participants',
                path,
                `${what} is refused: the call would exceed the ${scenario.call.mode} limit of participants`,
                rule,
              )
            : finding('error', 'reference-action-refused', path, `${what} is refused (${reason})`, rule),
        );
      }
    } else if (entry.result.status === 'refused') {
      const step = stepIndexBefore(scenario, records, r);
      const path = step === null ? ['script'] : ['script', step];
      const target = entry.target === null ? '' : ` on ${quote(entry.target)}`;
      findings.push(
        finding(
          'warning',
          'script-action-refused',
          path,
          `in the reference replay, ${quote(entry.actor)}'s ${quote(entry.type)}${target} at ${entry.time / 1000} s is refused (${entry.result.reason})`,
          entry.result.rule,
        ),
      );
    }
  });
  const end = records.at(-1);
  const endText = end?.kind === 'end' ? `at ${end.time / 1000} s (${end.reason})` : 'before it';
  for (const rest of ordered.slice(next)) {
    findings.push(
      finding(
        'error',
        'reference-action-not-played',
        ['reference', 'actions', rest.index],
        `${describeAction(rest.action)} at ${rest.action.at} s is never played: the session ended ${endText}`,
      ),
    );
  }
  const stepShows = new Set(
    scenario.script.flatMap((s) => s.effects.flatMap((e) => ('showGoal' in e ? [e.showGoal] : []))),
  );
  scenario.goals.forEach((goal, g) => {
    // A goal no step shows is reported by the reference checks already.
    if (stepShows.has(goal.id) && !shown.has(goal.id)) {
      findings.push(
        finding(
          'error',
          'goal-not-shown',
          ['goals', g],
          `the reference solution's replay never shows goal ${quote(goal.id)}`,
        ),
      );
    }
  });
  findings.push(...checkSpeakers(scenario, records, "the reference solution's replay"));
  return { findings, peakParticipants: peak };
}
