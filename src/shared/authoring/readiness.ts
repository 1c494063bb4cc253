/**
 * Whether a scenario is ready for trainees: its reference solution is accepted by the engine and
 * earns full marks, its recorded test runs get the verdicts the trainer expects, and no automatic
 * what-if run passes. Otherwise, what stands in the way, naming the action, run or criterion.
 */

import type { Scenario, ScenarioTest } from '../scenario/format/schema';
import type { CriterionStatus, ScoreResult } from '../scoring/result';
import { checkScenarioTests, whatIfRuns } from '../scoring/self-tests';
import { type DryRun, dryRun, type PlayedRun, playRun, type RunAction } from './dry-run';

/** One thing that stands between a scenario and being ready. */
export type Blocker =
  /** The reference cannot be played at all (a scripted event among its actions). */
  | { readonly kind: 'reference-unplayable'; readonly detail: string; readonly message: string }
  /** The engine refuses an action of the reference. */
  | {
      readonly kind: 'reference-action-refused';
      readonly action: RunAction;
      readonly reason: string;
      readonly rule: string;
      readonly message: string;
    }
  /** An action of the reference comes after the session has ended. */
  | { readonly kind: 'reference-action-not-played'; readonly action: RunAction; readonly message: string }
  /** A criterion the reference does not meet (so it misses full marks), with the action to blame when one is. */
  | {
      readonly kind: 'reference-criterion-missed';
      readonly criterion: { readonly id: string; readonly title: string; readonly weight: number };
      readonly status: CriterionStatus;
      /** The scorer's notes on the verdict, in the scenario's language. */
      readonly evidence: ReadonlyArray<string>;
      /** The reference action the verdict's evidence points at, when it points at one. */
      readonly action: RunAction | null;
      readonly message: string;
    }
  /** Full marks, yet the reference does not pass (no criterion counts, or a pass mark above them). */
  | { readonly kind: 'reference-fails'; readonly scaled: number; readonly message: string }
  /** A recorded test run that does not get the verdict the trainer expects. */
  | {
      readonly kind: 'test-verdict';
      readonly test: { readonly index: number; readonly id: string; readonly description: string };
      readonly expected: boolean;
      /** Whether it passed; null when it could not be played. */
      readonly passed: boolean | null;
      readonly scaled: number | null;
      /** What the self-test says is wrong, in English. */
      readonly detail: string;
      readonly message: string;
    }
  /** An automatic what-if run (a deviation from the reference) that passes. */
  | {
      readonly kind: 'what-if-passes';
      readonly run: string;
      readonly scaled: number;
      readonly message: string;
    }
  /** An equivalent of the reference (swaps exchanged for hold and resume) with another verdict. */
  | {
      readonly kind: 'what-if-exchange-differs';
      readonly run: string;
      readonly passed: boolean;
      readonly scaled: number;
      readonly message: string;
    };

/** A recorded test run played, with its last result against the verdict expected. */
export interface TestRunResult {
  readonly index: number;
  readonly test: ScenarioTest;
  readonly run: PlayedRun;
  /** Whether it gets the verdict expected (and score range and criteria named). */
  readonly ok: boolean;
  /** What is wrong, in English, when not ok. */
  readonly detail: string | null;
}

/** An automatic what-if run, played and scored. */
export interface WhatIfResult {
  readonly name: string;
  /** `fail` for a deviation; `same-as-reference` for an equivalent of the reference. */
  readonly expect: 'fail' | 'same-as-reference';
  readonly result: ScoreResult | null;
}

/** The readiness of a scenario: whether it is ready, why not, and the runs it rests on. */
export interface Readiness {
  readonly ready: boolean;
  readonly blockers: ReadonlyArray<Blocker>;
  readonly reference: DryRun;
  readonly tests: ReadonlyArray<TestRunResult>;
  readonly whatIfs: ReadonlyArray<WhatIfResult>;
}

const percent = (scaled: number) => `${Math.round(scaled * 100)}%`;

/** The reference action a criterion's evidence points at: the first evidence record the trainee made. */
function blamedAction(run: PlayedRun, evidence: ReadonlyArray<{ readonly seq: number }>): RunAction | null {
  for (const e of evidence) {
    const index = run.actionOfSeq.get(e.seq);
    if (index !== undefined) return run.actions[index] ?? null;
  }
  return null;
}

function referenceBlockers(reference: DryRun): Blocker[] {
  if (reference.error !== null) {
    return [
      {
        kind: 'reference-unplayable',
        detail: reference.error,
        message: `the reference solution cannot be played: ${reference.error}`,
      },
    ];
  }
  const blockers: Blocker[] = [];
  for (const refusal of reference.refusals) {
    blockers.push({
      kind: 'reference-action-refused',
      action: refusal.action,
      reason: refusal.reason,
      rule: refusal.rule,
      message: `reference action ${refusal.action.index + 1} (${refusal.action.text}) is refused: ${refusal.reason} (${refusal.rule})`,
    });
  }
  for (const action of reference.notPlayed) {
    blockers.push({
      kind: 'reference-action-not-played',
      action,
      message: `reference action ${action.index + 1} (${action.text}) is never played: the session has ended by then`,
    });
  }
  const result = reference.result;
  if (result === null) return blockers;
  for (const c of result.criteria) {
    if (c.status === 'met' || !(c.counted ?? true)) continue;
    const action = blamedAction(reference, c.evidence);
    const status = c.status ?? (c.met ? 'met' : 'not-met');
    blockers.push({
      kind: 'reference-criterion-missed',
      criterion: { id: c.id, title: c.title, weight: c.weight },
      status,
      evidence: c.evidence.map((e) => e.note),
      action,
      message: `the reference does not meet "${c.title}" (${c.id}, ${status})${action === null ? '' : `: see action ${action.index + 1} (${action.text})`}`,
    });
  }
  if (reference.fullMarks && !result.passed) {
    blockers.push({
      kind: 'reference-fails',
      scaled: result.scaled,
      message: `the reference earns ${percent(result.scaled)} but does not pass`,
    });
  }
  return blockers;
}

/** Plays every recorded test run; `ok` as the self-tests judge it (`checkScenarioTests`). */
export function testRuns(scenario: Scenario): ReadonlyArray<TestRunResult> {
  return scenario.tests.map((test, index) => {
    const run = playRun(scenario, test.actions, test.seed ?? scenario.reference.seed);
    let detail: string | null = run.error;
    if (detail === null) {
      // One test at a time, so that each problem is its own.
      const found = checkScenarioTests({ ...scenario, tests: [test] });
      detail = found.length === 0 ? null : found.map((f) => f.message).join('; ');
    }
    return { index, test, run, ok: detail === null, detail };
  });
}

/** Plays the automatic what-if runs (`whatIfRuns`) and scores each. */
export function whatIfResults(scenario: Scenario): ReadonlyArray<WhatIfResult> {
  return whatIfRuns(scenario).map((w) => ({
    name: w.name,
    expect: w.expect,
    result: playRun(scenario, w.actions, scenario.reference.seed).result,
  }));
}

/** Whether a scenario is ready for trainees, and what stands in the way (see the module comment). */
export function readiness(scenario: Scenario): Readiness {
  const reference = dryRun(scenario);
  const blockers = referenceBlockers(reference);
  const tests = testRuns(scenario);
  for (const t of tests) {
    if (t.ok) continue;
    const result = t.run.result;
    blockers.push({
      kind: 'test-verdict',
      test: { index: t.index, id: t.test.id, description: t.test.description },
      expected: t.test.expect.passed,
      passed: result?.passed ?? null,
      scaled: result?.scaled ?? null,
      detail: t.detail ?? '',
      message: `test run ${t.test.id} (${t.test.description}) does not get the verdict expected: ${t.detail}`,
    });
  }
  // A what-if run of a reference that cannot be played says nothing.
  const whatIfs = reference.error === null ? whatIfResults(scenario) : [];
  for (const w of whatIfs) {
    if (w.expect === 'same-as-reference') {
      // An equivalent of the reference must get its verdict, pass or fail alike.
      const expected = reference.result?.passed;
      if (w.result === null || expected === undefined || w.result.passed === expected) continue;
      blockers.push({
        kind: 'what-if-exchange-differs',
        run: w.name,
        passed: w.result.passed,
        scaled: w.result.scaled,
        message: `a trainee who ${w.name} ${w.result.passed ? 'passes' : 'fails'} with ${percent(w.result.scaled)}; equivalent moves should get the reference's verdict`,
      });
      continue;
    }
    if (w.result?.passed !== true) continue;
    blockers.push({
      kind: 'what-if-passes',
      run: w.name,
      scaled: w.result.scaled,
      message: `a trainee who ${w.name} passes with ${percent(w.result.scaled)}; the rubric should fail this run`,
    });
  }
  return { ready: blockers.length === 0, blockers, reference, tests, whatIfs };
}
