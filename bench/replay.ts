import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  actionsToInputs,
  replaySession,
  runSession,
  type Scenario,
  ScenarioSchema,
  type SessionLog,
  type TraineeInput,
} from '../src/shared/scenario';
import { createAssessment } from '../src/shared/scoring/grade';
import type { BenchSuite, Figure } from './harness';

const mortgage: Scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '../resources/scenarios/mortgage-closing.json'), 'utf8')),
);

/** Session sizes measured, in records. */
const SIZES = [1_000, 10_000, 100_000] as const;

/**
 * The reference solution with mute/unmute pairs of the trainee between its accept (3 s) and its
 * first add (20 s), enough of them for a log of about `records` records.
 */
function inputsFor(records: number): ReadonlyArray<TraineeInput> {
  const reference = actionsToInputs(mortgage.reference.actions);
  const pairs = Math.max(0, Math.ceil((records - 70) / 2));
  const filler: TraineeInput[] = [];
  for (let i = 0; i < pairs; i++) {
    const time = 5000 + Math.floor((i * 10_000) / Math.max(1, pairs));
    filler.push(
      { kind: 'action', time, action: 'mute', target: 'trainee' },
      { kind: 'action', time, action: 'unmute', target: 'trainee' },
    );
  }
  return [...reference.slice(0, 1), ...filler, ...reference.slice(1)];
}

/** The work of finishing a session in the main process: replay its inputs, then score the replay. */
function finish(log: SessionLog): void {
  const replay = replaySession(mortgage, log);
  if (!replay.identical) throw new Error('the log did not replay to itself');
  createAssessment({
    scenario: mortgage,
    log: replay.replayed.log,
    trainee: { name: 'Bench' },
    attemptId: '00000000-0000-4000-8000-000000000000',
    mode: 'assessment',
    startedAt: '2026-11-21T09:00:00.000Z',
    app: { name: 'bench', version: '0' },
  });
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Replay and grading of one session as it grows from 1k to 100k records (the finish and the
 * recovery of a session): the time per record must stay roughly constant (linear work).
 */
export const replaySuite: BenchSuite = {
  name: 'replay',
  run: () => {
    const figures: Figure[] = [];
    const perRecord: number[] = [];
    for (const size of SIZES) {
      const log = runSession(mortgage, mortgage.reference.seed, inputsFor(size)).log;
      const records = log.records.length;
      finish(log); // warm-up
      const runs = size >= 100_000 ? 1 : 3;
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < runs; i++)
        best = Math.min(
          best,
          timed(() => finish(log)),
        );
      const us = (best * 1000) / records;
      perRecord.push(us);
      figures.push(
        { name: `finish (replay + grade), ${records} records`, value: best, unit: 'ms' },
        { name: `time per record, ${records} records`, value: us, unit: 'µs' },
      );
    }
    const ratio = (perRecord.at(-1) as number) / (perRecord[0] as number);
    figures.push({
      name: `ratio of time per record (${SIZES.at(-1)} / ${SIZES[0]} records)`,
      value: ratio,
      unit: 'x',
      budget: { limit: 2, within: ratio < 2, text: 'linear: < 2x' },
    });
    return figures;
  },
};
