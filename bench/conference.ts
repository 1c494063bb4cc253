import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { ConferenceEvent, ConferenceMode, ConferenceSession, EventPool } from '../src/shared/conference';
import {
  advance,
  explorationConfig,
  explore,
  isContactUp,
  participantCount,
  participantLimit,
  pickEvent,
  replay,
  startSession,
  step,
} from '../src/shared/conference';
import type { BenchSuite, Figure } from './harness';

/** Random sequences the property runs (the tests run 200). */
const PROPERTY_RUNS = 10_000;
/** The budget of the design: both modes' state spaces enumerated in under 10 s. */
const EXPLORATION_BUDGET_MS = 10_000;

const choice = fc.tuple(
  fc.constantFrom<EventPool>('forward', 'forward', 'forward', 'forward', 'accepted', 'any'),
  fc.nat(),
  fc.nat({ max: 20_000 }),
);
const sequence = fc.record({
  mode: fc.constantFrom<ConferenceMode>('three-party', 'multiparty'),
  choices: fc.array(choice, { minLength: 5, maxLength: 80, size: 'max' }),
});

/**
 * The property of the tests at benchmark scale: along a random sequence the participant limit
 * holds, a refused event leaves the state untouched, the contact is up exactly until it ends,
 * and replaying the log reproduces the final state. Returns the events played and the events
 * collected for the throughput run.
 */
function runProperty(): {
  readonly events: number;
  readonly sequences: Array<ReadonlyArray<ConferenceEvent>>;
} {
  let events = 0;
  const sequences: Array<ReadonlyArray<ConferenceEvent>> = [];
  fc.assert(
    fc.property(sequence, ({ mode, choices }) => {
      let session: ConferenceSession = startSession(explorationConfig(mode));
      let time = 0;
      const played: ConferenceEvent[] = [];
      for (const [pool, index, elapsed] of choices) {
        time += elapsed;
        const event = pickEvent(session.state, index, pool, time);
        const next = advance(session, event);
        const refused = next.log[next.log.length - 1]?.result.status === 'refused';
        if (refused && next.state !== session.state)
          throw new Error('CCP-9: a refused event changed the state');
        if (participantCount(next.state) > participantLimit(mode))
          throw new Error('CONF-1: participant limit');
        const ended = next.state.phase === 'ended' || next.state.phase === 'cleared';
        if (ended === isContactUp(next.state)) throw new Error('CONF-14: contact up and ended disagree');
        played.push(event);
        session = next;
      }
      if (JSON.stringify(replay(session.config, session.log).state) !== JSON.stringify(session.state)) {
        throw new Error('replay did not reproduce the final state');
      }
      events += played.length;
      if (sequences.length < 2_000) sequences.push(played);
    }),
    { numRuns: PROPERTY_RUNS },
  );
  return { events, sequences };
}

/** Plain `step` throughput over recorded sequences, without fast-check or event picking. */
function stepThroughput(sequences: ReadonlyArray<ReadonlyArray<ConferenceEvent>>): number {
  const configs = {
    'three-party': explorationConfig('three-party'),
    multiparty: explorationConfig('multiparty'),
  };
  let steps = 0;
  const started = performance.now();
  for (let round = 0; round < 5; round++) {
    sequences.forEach((events, index) => {
      let state = startSession(index % 2 === 0 ? configs['three-party'] : configs.multiparty).state;
      for (const event of events) {
        state = step(state, event, steps).state;
        steps++;
      }
    });
  }
  return steps / ((performance.now() - started) / 1000);
}

/** The conference engine: random-sequence throughput and the exhaustive exploration per mode. */
export const conferenceSuite: BenchSuite = {
  name: 'conference',
  run: () => {
    const figures: Figure[] = [];
    const propertyStart = performance.now();
    const { events, sequences } = runProperty();
    const propertySeconds = (performance.now() - propertyStart) / 1000;
    figures.push({
      name: `random sequences checked (fast-check, ${PROPERTY_RUNS} runs)`,
      value: events,
      unit: 'events',
    });
    figures.push({
      name: 'random sequences with invariants and replay, throughput',
      value: Math.round(events / propertySeconds),
      unit: 'transitions/s',
    });
    figures.push({
      name: 'step() on recorded random sequences, throughput',
      value: Math.round(stepThroughput(sequences)),
      unit: 'transitions/s',
    });
    let total = 0;
    for (const mode of ['three-party', 'multiparty'] as const) {
      const started = performance.now();
      const result = explore(explorationConfig(mode));
      const ms = performance.now() - started;
      total += ms;
      figures.push({ name: `exploration ${mode}: reachable states`, value: result.states, unit: 'states' });
      figures.push({
        name: `exploration ${mode}: transitions`,
        value: result.transitions,
        unit: 'transitions',
      });
      figures.push({
        name: `exploration ${mode}: refused events tried`,
        value: result.refusals,
        unit: 'events',
      });
      figures.push({ name: `exploration ${mode}: time`, value: ms, unit: 'ms' });
    }
    figures.push({
      name: 'exploration, both modes: time',
      value: total,
      unit: 'ms',
      budget: { limit: EXPLORATION_BUDGET_MS, within: total < EXPLORATION_BUDGET_MS, text: '< 10 s' },
    });
    return figures;
  },
};
