/**
 * Recording runs in the console for a scenario: the trainee's inputs of a played session become
 * timed actions, and those become the scenario's reference solution or a new recorded test run.
 * The functions change a scenario file's value (as the library opens it), never a file.
 */
import { isAgentActionName } from '../scenario/director/director-events';
import { inputsOf } from '../scenario/director/replay';
import type { SessionLog } from '../scenario/director/session-types';
import type { Scenario, TimedAction } from '../scenario/format/schema';

/** Seconds, to the tenth: what a trainer reads and a file keeps. */
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The trainee's inputs of a played session as timed actions; `acceptedOnly` drops refused attempts. */
export function recordedActions(
  scenario: Scenario,
  log: SessionLog,
  options: { readonly acceptedOnly?: boolean } = {},
): ReadonlyArray<TimedAction> {
  const actions: TimedAction[] = [];
  // `inputsOf` yields one action per event the trainee acted, in log order: pair them to see refusals.
  const traineeEvents = log.records.flatMap((r) =>
    r.kind === 'event' && r.entry.actor === scenario.call.trainee && isAgentActionName(r.entry.type)
      ? [r.entry]
      : [],
  );
  let event = 0;
  for (const input of inputsOf(log, scenario.call.trainee)) {
    if (input.kind === 'stop') continue;
    if (input.kind === 'answer') {
      actions.push({ at: seconds(input.time), answer: { question: input.question, value: input.value } });
      continue;
    }
    const record = traineeEvents[event++];
    if (options.acceptedOnly === true && record?.result.status === 'refused') continue;
    actions.push({
      at: seconds(input.time),
      action: input.action,
      ...(input.target === undefined ? {} : { target: input.target }),
      ...(input.via === undefined ? {} : { via: input.via }),
      ...(input.digits === undefined ? {} : { digits: input.digits }),
    });
  }
  return actions;
}

type FileValue = Readonly<Record<string, unknown>>;

/** A scenario file's value with a new reference solution (actions and seed). */
export function withReference(
  value: FileValue,
  actions: ReadonlyArray<TimedAction>,
  seed: number,
): FileValue {
  return { ...value, reference: { seed, actions: [...actions] } };
}

/** A new recorded test run: its actions, seed and the verdict the trainer expects. */
export interface RecordedTest {
  readonly actions: ReadonlyArray<TimedAction>;
  readonly seed: number;
  readonly passed: boolean;
  readonly description: string;
}

/** An id for a new test that the file's tests do not use: `recorded-1`, `recorded-2`... */
export function newTestId(value: FileValue): string {
  const tests = Array.isArray(value.tests) ? (value.tests as ReadonlyArray<unknown>) : [];
  const taken = new Set(
    tests.flatMap((t) => (typeof t === 'object' && t !== null && 'id' in t ? [String(t.id)] : [])),
  );
  let n = 1;
  while (taken.has(`recorded-${n}`)) n++;
  return `recorded-${n}`;
}

/** A scenario file's value with one more recorded test run at the end of its `tests`. */
export function withTest(value: FileValue, test: RecordedTest): FileValue {
  const tests = Array.isArray(value.tests) ? (value.tests as ReadonlyArray<unknown>) : [];
  const description =
    test.description.trim() === ''
      ? test.passed
        ? 'a recorded run that passes'
        : 'a recorded run that fails'
      : test.description.trim();
  return {
    ...value,
    tests: [
      ...tests,
      {
        id: newTestId(value),
        description,
        seed: test.seed,
        actions: [...test.actions],
        expect: { passed: test.passed },
      },
    ],
  };
}
