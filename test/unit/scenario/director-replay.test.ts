import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionsToInputs,
  advanceTo,
  applyInput,
  type Cue,
  type DirectorState,
  inputsOf,
  nextDueTime,
  replaySession,
  runSession,
  ScenarioSchema,
  type SessionLog,
  SessionLogSchema,
  type SessionRecord,
  sessionLogOf,
  startDirector,
  type TraineeInput,
} from '../../../src/shared/scenario';
import { act, answer, cast, scenario } from './director-support';

const fixture = join(__dirname, '../../fixtures/replay/warm-transfer.scenario.json');
const warmTransfer = ScenarioSchema.parse(JSON.parse(readFileSync(fixture, 'utf8')));

/** A busy session: random delays, hold tolerance, every trigger kind, a refusal, a question. */
const busy = scenario({
  parties: [
    { ...cast.caller, holdTolerance: { complainAfter: 6, hangUpAfter: 200 } },
    cast.trainee,
    { ...cast.specialist, answer: { after: { min: 1, max: 5 } } },
    cast.broker,
    cast.translator,
  ],
  questions: [{ id: 'branch', kind: 'transfer-branch', text: 'Which branch?', block: 'Pay line' }],
  script: [
    { id: 'hello', trigger: { at: 1.5 }, effects: [{ say: { party: 'caller', text: 'Hello?' } }] },
    { id: 'ask', trigger: { afterStep: 'hello', after: 1 }, effects: [{ ask: 'branch' }] },
    {
      id: 'intro',
      trigger: { on: { event: 'accept', actor: 'specialist' } },
      effects: [{ say: { party: 'specialist', text: 'Specialist here.' } }],
    },
    {
      id: 'crowd',
      trigger: { when: { participants: { atLeast: 4 } }, after: 1 },
      effects: [{ act: { actor: 'specialist', action: 'hold', target: 'caller' } }],
    },
    {
      id: 'waited',
      trigger: { onHoldFor: { party: 'caller', seconds: 4 } },
      effects: [{ showGoal: 'greet' }],
    },
  ],
});

const busyInputs: ReadonlyArray<TraineeInput> = [
  act(1, 'accept'),
  act(2, 'swap'),
  act(4, 'add', { target: 'specialist' }),
  answer(5, 'branch', 'success'),
  act(12, 'join'),
  act(14, 'add', { target: 'translator', via: { numberPad: '+12065550123' } }),
  act(24, 'join'),
  act(26, 'mute', { target: 'trainee' }),
  act(27, 'send-dtmf', { digits: '12' }),
  act(30, 'leave'),
  act(31, 'clear'),
];

describe('replay determinism', () => {
  it('the same scenario, seed and inputs give a byte-identical JSON log', () => {
    const first = JSON.stringify(runSession(busy, 42, busyInputs).log);
    const second = JSON.stringify(runSession(busy, 42, busyInputs).log);
    expect(second).toBe(first);
    expect(runSession(busy, 42, busyInputs).cues).toEqual(runSession(busy, 42, busyInputs).cues);
  });

  it('another seed gives another session', () => {
    const a = JSON.stringify(runSession(busy, 42, busyInputs).log.records);
    const others = [1, 2, 3, 4].map((seed) => JSON.stringify(runSession(busy, seed, busyInputs).log.records));
    expect(others.some((other) => other !== a)).toBe(true);
  });

  it('the log is gapless, in time order, and valid against the stored-log schema', () => {
    const { log } = runSession(busy, 42, busyInputs);
    expect(log.records.map((r) => r.seq)).toEqual(log.records.map((_, i) => i + 1));
    for (let i = 1; i < log.records.length; i++) {
      expect(log.records[i]?.time).toBeGreaterThanOrEqual(log.records[i - 1]?.time ?? 0);
    }
    for (const r of log.records) if (r.kind === 'event') expect(r.entry.seq).toBe(r.seq);
    expect(SessionLogSchema.safeParse(JSON.parse(JSON.stringify(log))).success).toBe(true);
  });

  it('a real clock that advances in small ticks gives the same records and cues as the instant clock', () => {
    const instant = runSession(busy, 42, busyInputs);
    let state: DirectorState = startDirector(busy, 42).state;
    const cues: Cue[] = [...startDirector(busy, 42).cues];
    const records: SessionRecord[] = [];
    const pending = [...busyInputs];
    for (let now = 0; now <= 40_000 && !state.ended; now += 250) {
      while (pending[0] !== undefined && pending[0].time <= now) {
        const input = pending.shift() as TraineeInput;
        const before = advanceTo(state, input.time);
        const after = applyInput(before.state, input);
        records.push(...before.records, ...after.records);
        cues.push(...before.cues, ...after.cues);
        state = after.state;
      }
      const tick = advanceTo(state, now);
      records.push(...tick.records);
      cues.push(...tick.cues);
      state = tick.state;
    }
    expect(records).toEqual(instant.log.records);
    expect(state.records).toEqual(instant.log.records);
    expect(cues).toEqual(instant.cues);
  });

  it('nextDueTime tells a real clock when to wake up, and null once ended', () => {
    const start = startDirector(busy, 42).state;
    expect(nextDueTime(start)).toBe(1500);
    const stopped = applyInput(start, { kind: 'stop', time: 2000 }).state;
    expect(nextDueTime(stopped)).toBeNull();
    expect(applyInput(stopped, act(3, 'accept')).records).toEqual([]);
  });

  it('an input timed before the clock is taken at the clock', () => {
    const later = advanceTo(startDirector(busy, 42).state, 5000).state;
    const { records } = applyInput(later, act(1, 'accept'));
    expect(records[0]).toMatchObject({ kind: 'event', time: 5000 });
  });
});

describe('replaySession', () => {
  const recorded = runSession(busy, 42, busyInputs).log;

  it("recovers the trainee's inputs from the log, refused attempts and answers included", () => {
    const inputs = inputsOf(recorded, 'trainee');
    expect(inputs).toEqual(busyInputs);
  });

  it('a log replays to identical records', () => {
    const result = replaySession(busy, JSON.parse(JSON.stringify(recorded)) as SessionLog);
    expect(result.divergence).toBeNull();
    expect(result.identical).toBe(true);
  });

  it('detects an edited log: a refusal turned into an acceptance', () => {
    const edited = JSON.parse(JSON.stringify(recorded)) as { records: Array<Record<string, unknown>> };
    const swap = edited.records.findIndex(
      (r) => r.kind === 'event' && (r.entry as { type: string }).type === 'swap',
    );
    (edited.records[swap]?.entry as { result: unknown }).result = { status: 'accepted' };
    const result = replaySession(busy, edited as unknown as SessionLog);
    expect(result.identical).toBe(false);
    expect(result.divergence).toMatchObject({ kind: 'record', seq: swap + 1 });
  });

  it('detects an edited log: a scripted answer moved, a record removed, another seed', () => {
    const moved = JSON.parse(JSON.stringify(recorded)) as SessionLog;
    const accept = moved.records.find((r) => r.kind === 'event' && r.entry.actor === 'specialist');
    (accept as { time: number }).time += 1;
    expect(replaySession(busy, moved).divergence).toMatchObject({ kind: 'record', seq: accept?.seq });

    const removed = { ...recorded, records: recorded.records.filter((r) => r.kind !== 'goal') };
    expect(replaySession(busy, removed).identical).toBe(false);

    const reseeded = { ...recorded, seed: 43 };
    expect(replaySession(busy, reseeded).identical).toBe(false);
  });

  it('detects a log of another scenario version', () => {
    const result = replaySession(busy, { ...recorded, scenarioVersion: '2.0.0' });
    expect(result.divergence).toEqual({
      kind: 'scenario',
      recorded: { id: 'director-test', version: '2.0.0' },
      replayed: { id: 'director-test', version: '1.0.0' },
    });
  });

  it('an interrupted log replays up to its last record', () => {
    let state = startDirector(busy, 42).state;
    for (const input of busyInputs.slice(0, 5)) state = applyInput(state, input).state;
    state = advanceTo(state, 13_000).state;
    const partial = sessionLogOf(state);
    expect(partial.records.at(-1)?.kind).not.toBe('end');
    expect(replaySession(busy, partial).identical).toBe(true);
  });
});

describe('actionsToInputs', () => {
  it('turns seconds into milliseconds and keeps target, via, digits and answers', () => {
    expect(
      actionsToInputs([
        { at: 1.25, action: 'accept' },
        { at: 8, action: 'add', target: 'broker', via: { quickConnect: 'Broker' } },
        { at: 9, action: 'send-dtmf', digits: '1#' },
        { at: 10, answer: { question: 'q', value: '+12025550100' } },
      ]),
    ).toEqual([
      { kind: 'action', time: 1250, action: 'accept' },
      { kind: 'action', time: 8000, action: 'add', target: 'broker', via: { quickConnect: 'Broker' } },
      { kind: 'action', time: 9000, action: 'send-dtmf', digits: '1#' },
      { kind: 'answer', time: 10_000, question: 'q', value: '+12025550100' },
    ]);
  });

  it("refuses another party's scripted event, naming its index", () => {
    expect(() =>
      actionsToInputs([
        { at: 1, action: 'accept' },
        { at: 2, action: 'hang-up' },
      ]),
    ).toThrow('actions[1].action: "hang-up" is a scripted event, not a trainee action');
  });

  it("the fixture's reference solution replays with no refused action and the trainee finishes", () => {
    const outcome = runSession(
      warmTransfer,
      warmTransfer.reference.seed,
      actionsToInputs(warmTransfer.reference.actions),
    );
    const refused = outcome.log.records.filter(
      (r) => r.kind === 'event' && r.entry.result.status === 'refused',
    );
    expect(refused).toEqual([]);
    expect(outcome.log.records.at(-1)).toMatchObject({ kind: 'end', reason: 'trainee-finished' });
    expect(replaySession(warmTransfer, outcome.log).identical).toBe(true);
  });
});
