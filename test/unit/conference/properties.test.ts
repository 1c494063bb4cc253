/**
 * Property tests over random event sequences (fast-check): the invariants hold after every
 * event, replaying the log reproduces every state, and the xstate machine agrees with the pure
 * `step` on the same sequence. `npm test` runs 200 sequences per property; the benchmark 10,000.
 */
import type {
  ConferenceEvent,
  ConferenceMode,
  ConferenceSession,
  EventPool,
  LogEntry,
} from '@shared/conference';
import { advance, conferenceMachine, pickEvent, replay, startSession, transition } from '@shared/conference';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { makeConfig, stateViolations, transitionViolations } from './helpers';

const RUNS = 200;

/** One random choice: which pool of events to pick from, which one, and how much time passes. */
const choice = fc.tuple(
  fc.constantFrom<EventPool>('forward', 'forward', 'forward', 'forward', 'accepted', 'any'),
  fc.nat(),
  fc.nat({ max: 20_000 }),
);
const sequence = fc.record({
  mode: fc.constantFrom<ConferenceMode>('three-party', 'multiparty'),
  contactLens: fc.boolean(),
  choices: fc.array(choice, { minLength: 5, maxLength: 80, size: 'max' }),
});

type Choices = ReadonlyArray<readonly [EventPool, number, number]>;

/** Plays the choices on a new session, calling `visit` for every event. */
function play(
  mode: ConferenceMode,
  contactLens: boolean,
  choices: Choices,
  visit: (before: ConferenceSession, event: ConferenceEvent, after: ConferenceSession) => void = () => {},
): { readonly session: ConferenceSession; readonly events: ReadonlyArray<ConferenceEvent> } {
  let session = startSession(makeConfig(mode, { contactLens }));
  let time = 0;
  const events: ConferenceEvent[] = [];
  for (const [pool, index, elapsed] of choices) {
    time += elapsed;
    const event = pickEvent(session.state, index, pool, time);
    const next = advance(session, event);
    visit(session, event, next);
    events.push(event);
    session = next;
  }
  return { session, events };
}

describe('random event sequences', () => {
  it('CONF-1, CONF-14, CCP-9: invariants hold after every event', () => {
    fc.assert(
      fc.property(sequence, ({ mode, contactLens, choices }) => {
        const problems: string[] = [];
        play(mode, contactLens, choices, (before, event, after) => {
          const entry = after.log[after.log.length - 1] as LogEntry;
          const verdict =
            entry.result.status === 'accepted'
              ? ({ ok: true } as const)
              : ({ ok: false, reason: entry.result.reason, rule: entry.result.rule } as const);
          problems.push(...transitionViolations(before.state, event, after.state, verdict));
          problems.push(...stateViolations(after.state));
          // `transition` (the log-free path the exploration uses) agrees with `step`.
          if (JSON.stringify(transition(before.state, event).state) !== JSON.stringify(after.state)) {
            problems.push('transition and step disagree');
          }
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('replaying the log reproduces every state exactly, also after a JSON round trip', () => {
    fc.assert(
      fc.property(sequence, ({ mode, contactLens, choices }) => {
        const states: unknown[] = [];
        const { session } = play(mode, contactLens, choices, (_before, _event, after) =>
          states.push(after.state),
        );
        const replayed = replay(
          session.config,
          JSON.parse(JSON.stringify(session.log)) as ReadonlyArray<LogEntry>,
        );
        expect(replayed.divergence).toBeNull();
        expect(replayed.entries).toEqual(session.log);
        expect(replayed.states).toEqual(states);
        expect(replayed.state).toEqual(session.state);
      }),
      { numRuns: RUNS },
    );
  });

  it('the xstate machine and the pure step agree on the same sequence', () => {
    fc.assert(
      fc.property(sequence, ({ mode, contactLens, choices }) => {
        const { session, events } = play(mode, contactLens, choices);
        const actor = createActor(conferenceMachine, { input: session.config }).start();
        for (const event of events) actor.send(event);
        const snapshot = actor.getSnapshot();
        actor.stop();
        expect(snapshot.context.log).toEqual(session.log);
        expect(snapshot.context.state).toEqual(session.state);
        expect(snapshot.value).toBe(session.state.phase);
      }),
      { numRuns: RUNS },
    );
  });
});
