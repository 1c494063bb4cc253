/**
 * Steps that cannot fire, found without playing the scenario.
 * - Never (a warning): a time past the session's end, a chain of `afterStep` that loops, an
 *   event a party never produces (the caller never answers; agents accept rather than answer
 *   and leave rather than hang up, as the director records them), a condition that cannot hold
 *   in the call's mode.
 * - Off the reference (info): a trigger waiting for a party that neither the reference solution
 *   nor a scripted agent adds. The trainee can still add any party (an agent by its quick
 *   connect, a number by the number pad), so such a step is a branch for a trainee who strays,
 *   as a decision scenario means it to be, not dead text.
 */
import { agentActionNames, participantLimit } from '../../conference';
import { type Finding, finding, type PathSegments, quote } from '../format/findings';
import type { Scenario, ScriptStep } from '../format/schema';
import type { Condition, EventPattern } from '../format/vocabulary';
import { partiesThatJoin } from './party-references';

const AGENT_ACTIONS: ReadonlySet<string> = new Set<string>(agentActionNames);

/** The event types a party of each kind never produces in the log, and why. */
const NEVER_BY_KIND: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  caller: new Map(
    ['answer', 'reject', 'no-answer', 'busy', 'fail'].map((e) => [e, 'the caller is never dialled'] as const),
  ),
  agent: new Map([
    ['answer', 'an agent who takes an offer is recorded as "accept"'],
    ['busy', 'an agent who is busy is recorded as "reject"'],
    ['fail', 'an agent whose offer fails is recorded as "no-answer"'],
    ['hang-up', 'an agent who ends the call is recorded as "leave"'],
  ]),
  external: new Map([['reject', 'a number that rejects the call is recorded as "fail"']]),
};

/** Why a step cannot fire: never, or only when the trainee strays from the reference solution. */
interface Verdict {
  readonly kind: 'never' | 'off-reference';
  readonly why: string;
}

interface Cast {
  readonly joined: ReadonlySet<string>;
  readonly kinds: ReadonlyMap<string, string>;
  readonly limit: number;
}

const never = (why: string): Verdict => ({ kind: 'never', why });
/** A party of the scenario that nothing the author wrote brings into the call; unknown ids are the reference checks' to report. */
const unadded = (party: string, cast: Cast): boolean => cast.kinds.has(party) && !cast.joined.has(party);
const offReference = (party: string): Verdict => ({
  kind: 'off-reference',
  why: `it waits for ${quote(party)}, whom neither the reference solution nor a scripted agent adds`,
});

/** Why a condition cannot hold, or null when it may. */
function conditionVerdict(condition: Condition, cast: Cast): Verdict | null {
  if ('all' in condition) {
    const verdicts = condition.all.map((part) => conditionVerdict(part, cast));
    return verdicts.find((v) => v?.kind === 'never') ?? verdicts.find((v) => v !== null) ?? null;
  }
  if ('any' in condition) {
    const verdicts = condition.any.map((part) => conditionVerdict(part, cast));
    if (verdicts.some((v) => v === null)) return null;
    return verdicts.find((v) => v?.kind === 'off-reference') ?? verdicts[0] ?? null;
  }
  if ('leg' in condition) {
    const states = typeof condition.leg.state === 'string' ? [condition.leg.state] : condition.leg.state;
    if (unadded(condition.leg.party, cast) && !states.includes('disconnected')) {
      return offReference(condition.leg.party);
    }
    return null;
  }
  if ('participants' in condition) {
    const { atLeast, atMost } = condition.participants;
    if (atLeast !== undefined && atLeast > cast.limit) {
      return never(`the call's mode allows at most ${cast.limit} participants, never ${atLeast} (CONF-1)`);
    }
    if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
      return never(`at least ${atLeast} and at most ${atMost} participants cannot both hold`);
    }
    return null;
  }
  if ('hears' in condition) {
    for (const party of [condition.hears.listener, condition.hears.speaker]) {
      if (unadded(party, cast)) return offReference(party);
    }
  }
  // `not` and `contactUp` can hold in some run; deciding more needs the model, not a glance.
  return null;
}

/** Why no log entry can match a pattern, or null when one may. */
function patternVerdict(pattern: EventPattern, cast: Cast): Verdict | null {
  const kind = pattern.actor === undefined ? undefined : cast.kinds.get(pattern.actor);
  if (pattern.actor !== undefined && kind !== undefined) {
    if (kind !== 'agent' && AGENT_ACTIONS.has(pattern.event)) {
      return never(
        `${quote(pattern.actor)} is ${kind === 'caller' ? 'the caller' : 'an external party'} and never takes the agent action ${quote(pattern.event)}`,
      );
    }
    const reason = NEVER_BY_KIND[kind]?.get(pattern.event);
    if (reason !== undefined)
      return never(`${quote(pattern.actor)} never produces ${quote(pattern.event)}: ${reason}`);
  }
  for (const party of [pattern.actor, pattern.target]) {
    if (party !== undefined && unadded(party, cast)) return offReference(party);
  }
  return null;
}

/** Why a trigger on its own cannot fire (ignoring the step it waits for), or null. */
function triggerVerdict(step: ScriptStep, cast: Cast): Verdict | null {
  const trigger = step.trigger;
  if ('on' in trigger) return patternVerdict(trigger.on, cast);
  if ('when' in trigger) return conditionVerdict(trigger.when, cast);
  if ('onHoldFor' in trigger && unadded(trigger.onHoldFor.party, cast)) {
    return offReference(trigger.onHoldFor.party);
  }
  return null;
}

/** The earliest second a trigger can fire, given the earliest of the step it waits for. */
function earliest(step: ScriptStep, parent: number | null): number {
  const trigger = step.trigger;
  if ('at' in trigger) return trigger.at;
  if ('onHoldFor' in trigger) return trigger.onHoldFor.seconds;
  const after = trigger.after ?? 0;
  return 'afterStep' in trigger ? (parent ?? 0) + after : after;
}

function triggerPath(step: ScriptStep, index: number): PathSegments {
  const trigger = step.trigger;
  const key = Object.keys(trigger).find((k) => k !== 'after') ?? 'at';
  return ['script', index, 'trigger', key];
}

/** Steps that cannot fire: warnings for those that never do, info for those off the reference solution. */
export function checkReachability(scenario: Scenario): ReadonlyArray<Finding> {
  const cast: Cast = {
    joined: partiesThatJoin(scenario),
    kinds: new Map(scenario.parties.map((p) => [p.id, p.kind])),
    limit: participantLimit(scenario.call.mode),
  };
  const indexById = new Map<string, number>();
  scenario.script.forEach((step, index) => {
    if (!indexById.has(step.id)) indexById.set(step.id, index);
  });
  const parentOf = (index: number): number | undefined => {
    const trigger = scenario.script[index]?.trigger;
    return trigger !== undefined && 'afterStep' in trigger ? indexById.get(trigger.afterStep) : undefined;
  };

  // Each step waits for at most one other, so the `afterStep` links form chains; a chain that
  // comes back to a step is a cycle, and every step on it waits forever. Walked iteratively and
  // in linear time, so that a long script cannot overflow the stack.
  const onCycle = new Set<number>();
  const order: number[] = []; // every step after the step it waits for
  const visit = new Array<0 | 1 | 2>(scenario.script.length).fill(0);
  for (let start = 0; start < scenario.script.length; start++) {
    const path: number[] = [];
    let current: number | undefined = start;
    while (current !== undefined && visit[current] === 0) {
      visit[current] = 1;
      path.push(current);
      current = parentOf(current);
    }
    if (current !== undefined && visit[current] === 1) {
      for (const index of path.slice(path.indexOf(current))) onCycle.add(index);
    }
    for (const index of path) visit[index] = 2;
    for (let i = path.length - 1; i >= 0; i--) order.push(path[i] as number);
  }

  const dead = new Map<number, Verdict | 'cycle'>();
  const times = new Map<number, number>();
  for (const index of order) {
    const step = scenario.script[index];
    if (step === undefined) continue;
    if (onCycle.has(index)) {
      dead.set(index, 'cycle');
      continue;
    }
    const parent = parentOf(index);
    const parentStep = parent === undefined ? undefined : scenario.script[parent];
    const inherited = parent === undefined ? undefined : dead.get(parent);
    if (parentStep !== undefined && inherited !== undefined) {
      const kind = inherited === 'cycle' ? 'never' : inherited.kind;
      const how = kind === 'never' ? 'never fires' : 'fires only off the reference solution';
      dead.set(index, { kind, why: `it waits for step ${quote(parentStep.id)}, which ${how}` });
      continue;
    }
    const verdict = triggerVerdict(step, cast);
    if (verdict !== null) {
      dead.set(index, verdict);
      continue;
    }
    times.set(index, earliest(step, parent === undefined ? null : (times.get(parent) ?? 0)));
  }

  const findings: Finding[] = [];
  scenario.script.forEach((step, index) => {
    const verdict = dead.get(index);
    const path = triggerPath(step, index);
    const name = `step ${quote(step.id)}`;
    if (verdict === 'cycle') {
      findings.push(
        finding(
          'warning',
          'step-cycle',
          path,
          `${name} waits for itself through a cycle of afterStep triggers; it never fires`,
        ),
      );
    } else if (verdict?.kind === 'never') {
      findings.push(finding('warning', 'step-never-triggers', path, `${name} never fires: ${verdict.why}`));
    } else if (verdict?.kind === 'off-reference') {
      findings.push(
        finding(
          'info',
          'step-off-reference',
          path,
          `${name} fires only if the trainee strays from the reference solution: ${verdict.why}`,
        ),
      );
    } else {
      const time = times.get(index) ?? 0;
      if (time > scenario.endAfter) {
        findings.push(
          finding(
            'warning',
            'step-after-end',
            path,
            `${name} fires ${time} s into the session at the earliest, after the session ends (endAfter: ${scenario.endAfter} s)`,
          ),
        );
      }
    }
  });
  return findings;
}
