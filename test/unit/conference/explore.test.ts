import type { ConferenceMode } from '@shared/conference';
import { explorationConfig, explore, step } from '@shared/conference';
import { describe, expect, it } from 'vitest';
import { stateViolations, transitionViolations } from './helpers';

/**
 * Exhaustive exploration: every reachable state of a call with the caller, the trainee, two more
 * agents and four external numbers (up to 6 participants in multiparty, 3 in three-party), every
 * action of every agent and every scripted event, with the invariants checked everywhere.
 */
describe.each<ConferenceMode>(['three-party', 'multiparty'])('exhaustive exploration (%s)', (mode) => {
  it(`CONF-1, CONF-9, CONF-10, CONF-11, CONF-14, CCP-9, CCP-10, CCP-12: invariants hold in every reachable state (${mode})`, () => {
    const problems = new Map<string, number>();
    const note = (list: ReadonlyArray<string>) => {
      for (const problem of list) problems.set(problem, (problems.get(problem) ?? 0) + 1);
    };
    let maxParticipants = 0;
    let refusedThroughStep = 0;
    const started = performance.now();
    const result = explore(explorationConfig(mode), {
      onState: (state) => {
        note(stateViolations(state));
        const live = state.legs.filter((leg) => leg.state !== 'disconnected').length;
        if (live > maxParticipants) maxParticipants = live;
      },
      onTransition: ({ from, event, to, verdict }) => {
        note(transitionViolations(from, event, to, verdict));
        // The pure `step` (with its log entry) leaves the state object untouched when it refuses.
        if (!verdict.ok && (mode === 'three-party' || refusedThroughStep % 16 === 0)) {
          const stepped = step(from, event);
          if (stepped.state !== from || stepped.entry.result.status !== 'refused')
            note(['CCP-9: step changed state']);
        }
        if (!verdict.ok) refusedThroughStep++;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `conference exploration (${mode}): ${result.states} reachable states, ${result.transitions} transitions, ` +
        `${result.refusals} refused events, at most ${maxParticipants} participants, ${seconds.toFixed(2)} s`,
    );
    expect(result.truncated).toBe(false);
    expect(maxParticipants).toBe(mode === 'multiparty' ? 6 : 3);
    expect([...problems.entries()].slice(0, 10)).toEqual([]);
  }, 120_000);
});
