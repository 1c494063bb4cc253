/**
 * A small cast and helpers for the director's tests: a caller, the trainee, a scripted
 * specialist (agent), a broker (external with a quick connect) and a translator (external,
 * reached by number, answering after 3 to 8 s).
 */
import type { AgentActionName } from '../../../src/shared/conference';
import {
  type Scenario,
  type ScenarioInput,
  ScenarioSchema,
  type SessionOutcome,
  type SessionRecord,
  type TraineeInput,
} from '../../../src/shared/scenario';

type Call = ScenarioInput['call'];
type Party = ScenarioInput['parties'][number];

/** The parties of the test scenario, by id. */
export const cast = {
  caller: {
    id: 'caller',
    kind: 'caller',
    name: 'Alex Doe',
    role: 'customer',
    number: '+12025550142',
  },
  trainee: { id: 'trainee', kind: 'agent', name: 'You', role: 'agent', quickConnect: 'Trainee' },
  specialist: {
    id: 'specialist',
    kind: 'agent',
    name: 'Sam Rivera',
    role: 'billing specialist',
    quickConnect: 'Billing specialist',
    answer: { outcome: 'answer', after: 4 },
  },
  broker: {
    id: 'broker',
    kind: 'external',
    name: 'Pat Broker',
    role: 'mortgage broker',
    number: '+12025550177',
    quickConnect: 'Broker',
    answer: { outcome: 'answer', after: 5 },
  },
  translator: {
    id: 'translator',
    kind: 'external',
    name: 'Kim Lee',
    role: 'translator',
    number: '+12065550123',
    answer: { outcome: 'answer', after: { min: 3, max: 8 } },
  },
} satisfies Record<string, Party>;

/** What a test changes in the base scenario. */
export interface ScenarioPatch {
  readonly call?: Partial<Call>;
  readonly parties?: ReadonlyArray<Party>;
  readonly script?: ScenarioInput['script'];
  readonly goals?: ScenarioInput['goals'];
  readonly questions?: ScenarioInput['questions'];
  readonly endAfter?: number;
}

/** The base scenario (multiparty, the trainee primary) with a patch, checked by the schema. */
export function scenario(patch: ScenarioPatch = {}): Scenario {
  const input: ScenarioInput = {
    type: 'conference-call-trainer/scenario',
    formatVersion: 2,
    id: 'director-test',
    version: '1.0.0',
    language: 'en',
    title: 'Director test',
    briefing: 'A scenario for the director tests.',
    difficulty: 'beginner',
    estimatedMinutes: 2,
    author: 'tests',
    call: {
      mode: 'multiparty',
      traineeRole: 'primary',
      trainee: 'trainee',
      primaryAgent: 'trainee',
      queue: 'Billing',
      instance: {
        country: 'US',
        claimedNumbers: [{ number: '+12025550100', type: 'did' }],
        outboundCountries: ['US'],
        queues: [{ name: 'Billing', outboundCallerId: { number: '+12025550100' } }],
      },
      ...patch.call,
    },
    parties: [...(patch.parties ?? Object.values(cast))],
    script: patch.script ?? [],
    goals: patch.goals ?? [{ id: 'greet', text: 'Greet the caller.' }],
    questions: patch.questions ?? [],
    rubric: {
      passMark: 0.5,
      criteria: [
        {
          id: 'joined',
          kind: 'action-used',
          weight: 1,
          title: 'Joined',
          feedback: { met: 'yes', notMet: 'no' },
          action: 'join',
          atLeast: 1,
        },
      ],
    },
    reference: { seed: 1, actions: [{ at: 1, action: 'accept' }] },
    endAfter: patch.endAfter ?? 120,
  };
  return ScenarioSchema.parse(input);
}

/** A trainee action at a time in seconds. */
export function act(
  seconds: number,
  action: AgentActionName,
  details: Omit<Extract<TraineeInput, { kind: 'action' }>, 'kind' | 'time' | 'action'> = {},
): TraineeInput {
  return { kind: 'action', time: seconds * 1000, action, ...details };
}

/** An answer of the trainee at a time in seconds. */
export function answer(seconds: number, question: string, value: string): TraineeInput {
  return { kind: 'answer', time: seconds * 1000, question, value };
}

/** The event records as `time actor type status[:reason:rule]` lines. */
export function events(outcome: SessionOutcome | ReadonlyArray<SessionRecord>): string[] {
  const records = 'log' in outcome ? outcome.log.records : outcome;
  const lines: string[] = [];
  for (const r of records) {
    if (r.kind !== 'event') continue;
    const { entry } = r;
    const result =
      entry.result.status === 'accepted' ? '' : ` refused:${entry.result.reason}:${entry.result.rule}`;
    lines.push(`${r.time} ${entry.actor} ${entry.type}${entry.target ? ` ${entry.target}` : ''}${result}`);
  }
  return lines;
}

/** The records of a kind. */
export function recordsOf<K extends SessionRecord['kind']>(
  outcome: SessionOutcome,
  kind: K,
): ReadonlyArray<Extract<SessionRecord, { kind: K }>> {
  return outcome.log.records.filter((r): r is Extract<SessionRecord, { kind: K }> => r.kind === kind);
}

/** The last record (the `end` record of a finished session). */
export function lastRecord(outcome: SessionOutcome): SessionRecord | undefined {
  return outcome.log.records.at(-1);
}
