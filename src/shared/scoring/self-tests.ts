/**
 * Scenarios that test themselves: the recorded runs of a scenario's `tests` must get the verdict
 * the trainer expects, and the automatic what-if runs (deviations from the reference a trainee
 * would make) must not pass. Each problem is a finding of `validate`.
 */

import { runSession } from '../scenario/director/director';
import { actionsToInputs } from '../scenario/director/replay';
import { type Finding, finding } from '../scenario/format/findings';
import type { Scenario, TimedAction } from '../scenario/format/schema';
import { scoreSession } from './scorer';

/** Seconds: the trainee's timed actions of a run. */
type Actions = ReadonlyArray<TimedAction>;

function grade(scenario: Scenario, actions: Actions, seed = scenario.reference.seed) {
  const outcome = runSession(scenario, seed, actionsToInputs(actions));
  return scoreSession(scenario, outcome.log).result;
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

/** A deviation from the reference that a trainer expects to fail. */
export interface WhatIf {
  readonly name: string;
  readonly actions: Actions;
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
 * their hang-up tolerance; a masher of random actions (a fixed seed) mostly refused; and the
 * reference with each swap exchanged for hold and resume.
 */
export function whatIfRuns(scenario: Scenario): ReadonlyArray<WhatIf> {
  const reference = scenario.reference.actions;
  const runs: WhatIf[] = [];
  const accept = reference.find((a) => isAction(a) && a.action === 'accept');
  const start = accept?.at ?? 0;
  const first = accept === undefined ? [] : [accept];
  runs.push({ name: 'does nothing after accepting', actions: [...first] });
  runs.push({
    name: 'hangs up at once',
    actions: [...first, { at: start + 2, action: 'leave' }, { at: start + 4, action: 'clear' }],
  });
  const last = reference.at(-1)?.at ?? start;
  const half = (start + last) / 2;
  runs.push({
    name: 'leaves at the half',
    actions: [
      ...reference.filter((a) => a.at < half),
      { at: half, action: 'leave' },
      { at: half + 4, action: 'clear' },
    ],
  });
  const added = [
    ...new Set(reference.flatMap((a) => (isAction(a) && a.action === 'add' && a.target ? [a.target] : []))),
  ];
  for (const party of added) {
    const index = reference.findIndex((a) => isAction(a) && a.action === 'add' && a.target === party);
    const next = reference.findIndex((a, i) => i > index && isAction(a) && a.action === 'join');
    runs.push({
      name: `skips ${party}`,
      actions: reference.filter((_, i) => i !== index && i !== next),
    });
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
    runs.push({ name: 'joins without consulting', actions: joinsEarly });
  }
  const caller = scenario.parties.find((p) => p.kind === 'caller');
  const tolerance = caller?.holdTolerance?.hangUpAfter;
  const firstAdd = reference.find((a) => isAction(a) && (a.action === 'add' || a.action === 'hold'));
  if (tolerance !== undefined && firstAdd !== undefined) {
    const shift = tolerance + 5;
    runs.push({
      name: 'holds the caller past their tolerance',
      actions: reference.map((a) => (a.at > firstAdd.at ? { ...a, at: a.at + shift } : a)),
    });
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
  runs.push({ name: 'mashes buttons', actions: mashed.sort((a, b) => a.at - b.at) });
  return runs;
}

function answerDelay(scenario: Scenario, dial: TimedAction): number {
  const party = scenario.parties.find((p) => isAction(dial) && p.id === dial.target);
  const answer = party !== undefined && party.kind !== 'caller' ? [party.answer ?? []].flat()[0] : undefined;
  const after = answer?.after ?? 3;
  return typeof after === 'number' ? after : after.max;
}

/** Plays the what-if runs and reports each that passes. */
export function checkWhatIfRuns(scenario: Scenario): ReadonlyArray<Finding> {
  return whatIfRuns(scenario).flatMap((run) => {
    const result = grade(scenario, run.actions);
    return result.passed
      ? [
          finding(
            'warning',
            'what-if-passes',
            ['rubric'],
            `a trainee who ${run.name} passes with ${percent(result.scaled)}; the rubric should fail this run`,
          ),
        ]
      : [];
  });
}
