/**
 * Scenarios that test themselves: the recorded runs of a scenario's `tests` must get the verdict
 * the trainer expects, and the automatic what-if runs (deviations from the reference a trainee
 * would make) must not pass, while the reference with every swap exchanged for hold and resume
 * (and back) must get the reference's verdict. In the what-if runs, as in the reference's replay,
 * no line may be said and no goal shown for a speaker who is not on the call or is muted. Each
 * problem is a finding of `validate`.
 */

import { type ConferenceState, check } from '../conference';
import { runSession } from '../scenario/director/director';
import { actionsToInputs } from '../scenario/director/replay';
import type { SessionLog } from '../scenario/director/session-types';
import { conferenceConfigOf } from '../scenario/format/conference-config';
import { type Finding, finding } from '../scenario/format/findings';
import type { Scenario, TimedAction } from '../scenario/format/schema';
import { checkSpeakers } from '../scenario/validation/speakers';
import { scoreSession } from './scorer';
import { buildTimeline } from './timeline';

/** Seconds: the trainee's timed actions of a run. */
type Actions = ReadonlyArray<TimedAction>;

function play(scenario: Scenario, actions: Actions, seed = scenario.reference.seed): SessionLog {
  return runSession(scenario, seed, actionsToInputs(actions)).log;
}

function grade(scenario: Scenario, actions: Actions, seed = scenario.reference.seed) {
  return scoreSession(scenario, play(scenario, actions, seed)).result;
}

const percent = (scaled: number) => `${Math.round(scaled * 100)}%`;

/** Plays every recorded test of a scenario and reports each that does not get its expected verdict. */
export function checkScenarioTests(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  scenario.tests.forEach((test, index) => {
    const result = grade(scenario, test.actions, test.seed);
    const problems: string[] = [];
    const { expect } = test;
    if (result.passed !== expect.passed) {
      problems.push(
        `${result.passed ? 'passed' : 'failed'} with ${percent(result.scaled)}, expected to ${expect.passed ? 'pass' : 'fail'}`,
      );
    }
    if (expect.score?.min !== undefined && result.scaled < expect.score.min - 1e-9) {
      problems.push(`scored ${percent(result.scaled)}, below ${percent(expect.score.min)}`);
    }
    if (expect.score?.max !== undefined && result.scaled > expect.score.max + 1e-9) {
      problems.push(`scored ${percent(result.scaled)}, above ${percent(expect.score.max)}`);
    }
    const status = (id: string) => result.criteria.find((c) => c.id === id)?.status;
    for (const id of expect.met ?? []) {
      if (status(id) !== 'met') problems.push(`${id} is ${status(id) ?? 'unknown'}, expected met`);
    }
    for (const id of expect.missed ?? []) {
      if (status(id) === 'met' || status(id) === undefined) {
        problems.push(`${id} is ${status(id) ?? 'unknown'}, expected missed`);
      }
    }
    if (problems.length > 0) {
      findings.push(
        finding(
          'error',
          'scenario-test-failed',
          ['tests', index],
          `test ${test.id} (${test.description}): ${problems.join('; ')}`,
        ),
      );
    }
  });
  return findings;
}

/**
 * A run derived from the reference: a deviation the trainer expects to fail (`fail`), or an
 * equivalent alternative that must get the reference's verdict (`same-as-reference`).
 */
export interface WhatIf {
  readonly name: string;
  readonly actions: Actions;
  readonly expect: 'fail' | 'same-as-reference';
}

const isAction = (a: TimedAction): a is Extract<TimedAction, { action: string }> => 'action' in a;

/** A tiny deterministic generator (mulberry32) for the masher. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The what-if runs of a scenario, built from its reference: do nothing after accepting; hang up at
 * once; leave at the half; skip each party added; join without consulting; hold the caller past
 * their hang-up tolerance; a masher of random actions (a fixed seed) mostly refused; all of which
 * must fail; and the reference with every swap exchanged for hold and resume and every hold of one
 * party with a resume of the other exchanged for a swap, which must get the reference's verdict.
 */
export function whatIfRuns(scenario: Scenario): ReadonlyArray<WhatIf> {
  const reference = scenario.reference.actions;
  const runs: WhatIf[] = [];
  const fails = (name: string, actions: Actions) => runs.push({ name, actions, expect: 'fail' });
  const accept = reference.find((a) => isAction(a) && a.action === 'accept');
  const start = accept?.at ?? 0;
  const first = accept === undefined ? [] : [accept];
  fails('does nothing after accepting', [...first]);
  fails('hangs up at once', [
    ...first,
    { at: start + 2, action: 'leave' },
    { at: start + 4, action: 'clear' },
  ]);
  const last = reference.at(-1)?.at ?? start;
  const half = (start + last) / 2;
  fails('leaves at the half', [
    ...reference.filter((a) => a.at < half),
    { at: half, action: 'leave' },
    { at: half + 4, action: 'clear' },
  ]);
  const added = [
    ...new Set(reference.flatMap((a) => (isAction(a) && a.action === 'add' && a.target ? [a.target] : []))),
  ];
  for (const party of added) {
    const index = reference.findIndex((a) => isAction(a) && a.action === 'add' && a.target === party);
    const next = reference.findIndex((a, i) => i > index && isAction(a) && a.action === 'join');
    fails(
      `skips ${party}`,
      reference.filter((_, i) => i !== index && i !== next),
    );
  }
  if (reference.some((a) => isAction(a) && a.action === 'join')) {
    // Each join as soon as the dial can have been answered: no private consultation.
    const joinsEarly = reference.map((a, i) => {
      if (!isAction(a) || a.action !== 'join') return a;
      const dial = [...reference.slice(0, i)].reverse().find((b) => isAction(b) && b.action === 'add');
      return dial === undefined
        ? a
        : { ...a, at: Math.min(a.at, dial.at + answerDelay(scenario, dial) + 0.5) };
    });
    fails('joins without consulting', joinsEarly);
  }
  const caller = scenario.parties.find((p) => p.kind === 'caller');
  const tolerance = caller?.holdTolerance?.hangUpAfter;
  const firstAdd = reference.find((a) => isAction(a) && (a.action === 'add' || a.action === 'hold'));
  if (tolerance !== undefined && firstAdd !== undefined) {
    const shift = tolerance + 5;
    fails(
      'holds the caller past their tolerance',
      reference.map((a) => (a.at > firstAdd.at ? { ...a, at: a.at + shift } : a)),
    );
  }
  const random = generator(scenario.reference.seed ^ 0x5eed);
  const buttons = ['join', 'swap', 'hold-all', 'clear', 'resume', 'mute', 'unmute', 'hold'] as const;
  const targets = scenario.parties.map((p) => p.id);
  const mashed: TimedAction[] = [...reference];
  for (let i = 0; i < 25; i++) {
    const action = buttons[Math.floor(random() * buttons.length)] ?? 'join';
    const target = targets[Math.floor(random() * targets.length)];
    const at = Math.round((start + random() * (last - start)) * 10) / 10;
    const needsTarget = action === 'resume' || action === 'mute' || action === 'unmute' || action === 'hold';
    mashed.push(needsTarget && target !== undefined ? { at, action, target } : { at, action });
  }
  fails(
    'mashes buttons',
    mashed.sort((a, b) => a.at - b.at),
  );
  const exchange = exchanged(scenario);
  if (exchange !== null) {
    runs.push({
      name: 'exchanges every swap for hold and resume (and back)',
      actions: exchange,
      expect: 'same-as-reference',
    });
  }
  return runs;
}

/** Seconds within which a hold of one party and a resume of the other count as one swap. */
const SWAP_PAIR_SECONDS = 5;

/**
 * The reference with every swap exchanged for a hold of the party the trainee talks to and a
 * resume of the party on hold, and every hold of one party next to a resume of the other (within
 * five seconds, either order) exchanged for a swap where the engine accepts one; null when the
 * reference has neither.
 */
function exchanged(scenario: Scenario): Actions | null {
  const reference = scenario.reference.actions;
  const trainee = scenario.call.trainee;
  const timeline = buildTimeline(conferenceConfigOf(scenario), play(scenario, reference));
  // The director plays the actions in time order (equal times in the order given) and records
  // one trainee event for each: the state before the k-th action is the point before its entry.
  const ordered = reference
    .map((action, index) => ({ action, index }))
    .sort((a, b) => a.action.at - b.action.at || a.index - b.index)
    .flatMap(({ action }) => (isAction(action) ? [action] : []));
  const before: ConferenceState[] = [];
  timeline.points.forEach((point, i) => {
    const previous = timeline.points[i - 1];
    if (point.entry?.actor === trainee && previous !== undefined) before.push(previous.state);
  });
  const others = (state: ConferenceState, legState: 'connected' | 'hold') =>
    state.legs.filter((leg) => leg.party !== trainee && leg.state === legState).map((leg) => leg.party);
  const result: TimedAction[] = reference.filter((a) => !isAction(a));
  let changed = false;
  for (let k = 0; k < ordered.length; k++) {
    const action = ordered[k] as Extract<TimedAction, { action: string }>;
    const state = before[k];
    const next = ordered[k + 1];
    if (state !== undefined && action.action === 'swap' && check(state, trainee, 'swap').ok) {
      const talking = others(state, 'connected');
      const held = others(state, 'hold');
      result.push(
        ...talking.map((target) => ({ at: action.at, action: 'hold', target })),
        ...held.map((target) => ({ at: action.at, action: 'resume', target })),
      );
      changed = true;
      continue;
    }
    const pair =
      next !== undefined &&
      next.at - action.at <= SWAP_PAIR_SECONDS &&
      ((action.action === 'hold' && next.action === 'resume') ||
        (action.action === 'resume' && next.action === 'hold'));
    if (state !== undefined && pair && action.target !== next.target && check(state, trainee, 'swap').ok) {
      const hold = action.action === 'hold' ? action : next;
      const resume = action.action === 'resume' ? action : next;
      const target = (t: string | undefined) => t !== undefined && t !== trainee;
      if (
        target(hold.target) &&
        target(resume.target) &&
        others(state, 'connected').includes(hold.target as string) &&
        others(state, 'hold').includes(resume.target as string)
      ) {
        result.push({ at: action.at, action: 'swap' });
        changed = true;
        k++;
        continue;
      }
    }
    result.push(action);
  }
  return changed ? result.sort((a, b) => a.at - b.at) : null;
}

function answerDelay(scenario: Scenario, dial: TimedAction): number {
  const party = scenario.parties.find((p) => isAction(dial) && p.id === dial.target);
  const answer = party !== undefined && party.kind !== 'caller' ? [party.answer ?? []].flat()[0] : undefined;
  const after = answer?.after ?? 3;
  return typeof after === 'number' ? after : after.max;
}

/**
 * Plays the what-if runs and reports each deviation that passes, an exchanged reference whose
 * verdict differs from the reference's, and (once per step and kind) a line or goal of a run
 * that fires for a speaker who is not on the call or is muted.
 */
export function checkWhatIfRuns(scenario: Scenario): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  const reference = grade(scenario, scenario.reference.actions);
  const speakers = new Map<string, Finding>();
  for (const run of whatIfRuns(scenario)) {
    const log = play(scenario, run.actions);
    const result = scoreSession(scenario, log).result;
    if (run.expect === 'fail' && result.passed) {
      findings.push(
        finding(
          'warning',
          'what-if-passes',
          ['rubric'],
          `a trainee who ${run.name} passes with ${percent(result.scaled)}; the rubric should fail this run`,
        ),
      );
    }
    if (run.expect === 'same-as-reference' && result.passed !== reference.passed) {
      findings.push(
        finding(
          'warning',
          'what-if-exchange-differs',
          ['rubric'],
          `a trainee who ${run.name} ${result.passed ? 'passes' : 'fails'} with ${percent(result.scaled)}, the reference ${reference.passed ? 'passes' : 'fails'} with ${percent(reference.scaled)}; equivalent moves should get the same verdict`,
        ),
      );
    }
    for (const f of checkSpeakers(scenario, log.records, `the run of a trainee who ${run.name}`)) {
      const key = `${f.code} ${f.path}`;
      if (!speakers.has(key)) speakers.set(key, f);
    }
  }
  return [...findings, ...speakers.values()];
}
