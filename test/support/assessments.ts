import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionsToInputs,
  runSession,
  type Scenario,
  ScenarioSchema,
  type TimedAction,
} from '@shared/scenario';
import type { Assessment } from '@shared/scoring/assessment';
import { createAssessment } from '@shared/scoring/grade';

const root = join(__dirname, '../..');

/** A bundled scenario, parsed as the library loads it. */
export function bundledScenario(id: string): Scenario {
  return ScenarioSchema.parse(
    JSON.parse(readFileSync(join(root, 'resources/scenarios', `${id}.json`), 'utf8')),
  );
}

/**
 * The mortgage closing with mistakes: Join pressed while the broker is still being dialled
 * (refused, CONF-5), the interpreter joined in without a private briefing, and the interpreter
 * never released before the trainee leaves.
 */
export const MORTGAGE_MISTAKES: ReadonlyArray<TimedAction> = [
  { at: 3, action: 'accept' },
  { at: 20, action: 'add', target: 'broker', via: { quickConnect: 'Brooks Mortgage Brokers' } },
  { at: 21, action: 'join' },
  { at: 40, action: 'join' },
  { at: 62, action: 'add', target: 'spouse', via: { numberPad: '+13125550163' } },
  { at: 84, action: 'join' },
  { at: 104, action: 'add', target: 'translator', via: { quickConnect: 'Spanish interpreter line' } },
  { at: 113, action: 'join' },
  { at: 146, action: 'add', target: 'manager', via: { quickConnect: 'Priya Nair (Lending manager)' } },
  { at: 172, action: 'join' },
  { at: 214, action: 'leave' },
  { at: 218, action: 'clear' },
];

let counter = 0;

/** An assessment graded by the real scorer from a run of timed actions (the reference when none are given). */
export function gradedAssessment(
  scenario: Scenario,
  options: {
    readonly actions?: ReadonlyArray<TimedAction>;
    readonly trainee?: string;
    readonly attemptId?: string;
    readonly startedAt?: string;
  } = {},
): Assessment {
  counter++;
  const log = runSession(
    scenario,
    scenario.reference.seed,
    actionsToInputs(options.actions ?? scenario.reference.actions),
  ).log;
  return createAssessment({
    scenario,
    log,
    trainee: { name: options.trainee ?? 'Alex Example' },
    attemptId: options.attemptId ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    mode: 'assessment',
    startedAt: options.startedAt ?? `2026-11-21T09:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    app: { name: 'conference-call-trainer', version: '0.1.0' },
  });
}
