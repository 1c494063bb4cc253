import { performance } from 'node:perf_hooks';

/** One figure a benchmark reports. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The budget, when there is one; `within` says whether the figure meets it. */
  readonly budget?: { readonly limit: number; readonly within: boolean; readonly text: string };
}

/** A benchmark suite: a name and a function that measures and returns figures. */
export interface BenchSuite {
  readonly name: string;
  readonly run: () => Promise<ReadonlyArray<Figure>> | ReadonlyArray<Figure>;
}

/** Runs `fn` `iterations` times after `warmup` runs and returns the milliseconds of each run. */
export function timeRuns(fn: () => void, iterations: number, warmup = 3): ReadonlyArray<number> {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values: ReadonlyArray<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Formats a figure as one line: name, value, unit, and the budget verdict. */
export function formatFigure(figure: Figure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
  const budget = figure.budget
    ? `  [budget ${figure.budget.text}: ${figure.budget.within ? 'met' : 'MISSED'}]`
    : '';
  return `  ${figure.name}: ${value} ${figure.unit}${budget}`;
}
