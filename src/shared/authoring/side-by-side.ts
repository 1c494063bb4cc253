/**
 * One panel of what trainers get wrong by hand, side by side: each party's hold tolerance next to
 * the hold criteria's limits; the weights and required criteria next to the pass mark ("this run
 * could pass without X"); and the feedback a trainee reads for each way a criterion can go, in
 * the scenario's language, filled in with the facts of runs where it went that way.
 */
import type { Criterion } from '../scenario/format/rubric';
import type { Scenario } from '../scenario/format/schema';
import { fillFeedback } from '../scoring/notes';
import type { CriterionStatus, ScoreResult } from '../scoring/result';
import { dryRun } from './dry-run';
import { type Readiness, testRuns, whatIfResults } from './readiness';

/** One party's hold tolerance (seconds). */
export interface HoldTolerance {
  readonly party: string;
  readonly name: string;
  readonly complainAfter: number | null;
  readonly hangUpAfter: number | null;
}

/** Something about a hold criterion that disagrees with a party's tolerance. */
export type HoldMismatch =
  /** The party hangs up before the criterion's limit is passed: the criterion never fails by it. */
  | {
      readonly kind: 'hangs-up-first';
      readonly name: string;
      readonly limit: number;
      readonly hangUpAfter: number;
    }
  /** The criterion tolerates a longer hold than the party does before complaining. */
  | {
      readonly kind: 'complains-first';
      readonly name: string;
      readonly limit: number;
      readonly complainAfter: number;
    };

/** One hold-discipline criterion with its limits. */
export interface HoldLimit {
  readonly id: string;
  readonly title: string;
  /** The party it watches (name), or null for everyone. */
  readonly party: string | null;
  /** The one-stretch limit: its own, or (for a party) the party's `complainAfter`; null when none. */
  readonly maxStretchSeconds: number | null;
  /**
   * Whether the stretch limit is the watched parties' complaint time rather than the criterion's
   * own (for everyone, `maxStretchSeconds` is then null: each party has its own).
   */
  readonly stretchFromTolerance: boolean;
  readonly maxTotalSeconds: number | null;
  readonly mismatches: ReadonlyArray<HoldMismatch>;
}

/** One criterion's weight and role in passing. */
export interface WeightRow {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly required: boolean;
  /** The share of all weights (0 to 1). */
  readonly share: number;
  /** Whether a run that misses only this criterion still passes: not required, and the others reach the pass mark. */
  readonly canPassWithout: boolean;
}

/** The feedback a trainee reads for one criterion, for each way it can go. */
export interface FeedbackRow {
  readonly id: string;
  readonly title: string;
  readonly required: boolean;
  /** The text for met, not met, not reached; filled in with a run's facts where a run went that way. */
  readonly met: string;
  readonly notMet: string;
  /** Null when the scenario gives none and no run fell short of it: the scorer's default text is shown. */
  readonly notReached: string | null;
  /** Whether each text was filled in from a run (else its placeholders are shown as written). */
  readonly filled: Readonly<Record<CriterionStatus, boolean>>;
}

/** The side-by-side panel. */
export interface SideBySide {
  readonly holds: {
    readonly tolerances: ReadonlyArray<HoldTolerance>;
    readonly limits: ReadonlyArray<HoldLimit>;
  };
  readonly weights: {
    readonly rows: ReadonlyArray<WeightRow>;
    readonly total: number;
    readonly passMark: number;
    /** The points a run needs when every criterion counts: `passMark × total`. */
    readonly passPoints: number;
    /** The titles of the criteria a run could pass without. */
    readonly couldPassWithout: ReadonlyArray<string>;
  };
  readonly feedback: ReadonlyArray<FeedbackRow>;
  readonly language: Scenario['language'];
}

type HoldCriterion = Extract<Criterion, { kind: 'hold-discipline' }>;

function holdLimit(
  scenario: Scenario,
  criterion: HoldCriterion,
  tolerances: ReadonlyArray<HoldTolerance>,
): HoldLimit {
  const watched =
    criterion.party === undefined ? tolerances : tolerances.filter((t) => t.party === criterion.party);
  const own = criterion.maxStretchSeconds ?? null;
  const single = criterion.party === undefined ? undefined : watched[0];
  const stretch = own ?? single?.complainAfter ?? null;
  const mismatches: HoldMismatch[] = [];
  for (const t of watched) {
    // Without its own limit, the criterion holds each party to its own complaint time.
    const limit = own ?? t.complainAfter;
    if (limit === null) continue;
    if (t.hangUpAfter !== null && t.hangUpAfter <= limit) {
      mismatches.push({ kind: 'hangs-up-first', name: t.name, limit, hangUpAfter: t.hangUpAfter });
    } else if (own !== null && t.complainAfter !== null && t.complainAfter < own) {
      mismatches.push({ kind: 'complains-first', name: t.name, limit: own, complainAfter: t.complainAfter });
    }
  }
  return {
    id: criterion.id,
    title: criterion.title,
    party:
      criterion.party === undefined
        ? null
        : (scenario.parties.find((p) => p.id === criterion.party)?.name ?? criterion.party),
    maxStretchSeconds: stretch,
    stretchFromTolerance: own === null && watched.some((t) => t.complainAfter !== null),
    maxTotalSeconds: criterion.maxTotalSeconds ?? null,
    mismatches,
  };
}

/** Whether `points` of `total` reach the pass mark, compared in thousandths as the scorer does. */
function reaches(points: number, total: number, passMark: number): boolean {
  return total > 0 && Math.round((points / total) * 1000) >= Math.round(passMark * 1000);
}

/**
 * The side-by-side panel of a scenario. The feedback is filled in from the runs the checks play
 * (the reference, the recorded tests, the what-if runs): pass `readiness` when already computed.
 */
export function sideBySide(scenario: Scenario, checked?: Readiness): SideBySide {
  const tolerances: HoldTolerance[] = scenario.parties.flatMap((p) =>
    p.holdTolerance === undefined || p.id === scenario.call.trainee
      ? []
      : [
          {
            party: p.id,
            name: p.name,
            complainAfter: p.holdTolerance.complainAfter ?? null,
            hangUpAfter: p.holdTolerance.hangUpAfter ?? null,
          },
        ],
  );
  const criteria = scenario.rubric.criteria;
  const limits = criteria.flatMap((c) =>
    c.kind === 'hold-discipline' ? [holdLimit(scenario, c, tolerances)] : [],
  );
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  const passMark = scenario.rubric.passMark;
  const rows: WeightRow[] = criteria.map((c) => ({
    id: c.id,
    title: c.title,
    weight: c.weight,
    required: c.required,
    share: total === 0 ? 0 : c.weight / total,
    canPassWithout: !c.required && reaches(total - c.weight, total, passMark),
  }));

  const results: ScoreResult[] = [];
  const reference = checked?.reference ?? dryRun(scenario);
  if (reference.result !== null) results.push(reference.result);
  for (const t of checked?.tests ?? testRuns(scenario)) if (t.run.result !== null) results.push(t.run.result);
  for (const w of checked?.whatIfs ?? whatIfResults(scenario)) if (w.result !== null) results.push(w.result);
  const feedback: FeedbackRow[] = criteria.map((c) => {
    // The shortest text a run gave for the status: the clearest example of the facts filled in.
    const seen = (status: CriterionStatus) =>
      results
        .flatMap((r) => r.criteria)
        .filter((r) => r.id === c.id && r.status === status)
        .map((r) => r.feedback)
        .sort((a, b) => a.length - b.length)[0];
    const met = seen('met');
    const notMet = seen('not-met');
    const notReached = seen('not-reached');
    // Placeholders no run could fill stay visible, so the trainer sees where facts go.
    const asWritten = (text: string) => fillFeedback(text, {});
    return {
      id: c.id,
      title: c.title,
      required: c.required,
      met: met ?? asWritten(c.feedback.met),
      notMet: notMet ?? asWritten(c.feedback.notMet),
      notReached: notReached ?? c.feedback.notReached ?? null,
      filled: {
        met: met !== undefined,
        'not-met': notMet !== undefined,
        'not-reached': notReached !== undefined,
      },
    };
  });
  return {
    holds: { tolerances, limits },
    weights: {
      rows,
      total,
      passMark,
      passPoints: Math.round(passMark * total * 100) / 100,
      couldPassWithout: rows.filter((r) => r.canPassWithout).map((r) => r.title),
    },
    feedback,
    language: scenario.language,
  };
}
