import type { Criterion } from '@shared/scenario';
import { scoreSession } from '@shared/scoring/scorer';
import { describe, expect, it } from 'vitest';
import { editActions, loadScenarioFile, play } from './helpers';

const warm = loadScenarioFile('test/fixtures/replay/warm-transfer.scenario.json');
const quiz = loadScenarioFile('resources/scenarios/caller-id-quiz.json');
const feedback = { met: 'met', notMet: 'not met' };

/** A criterion without its weight, title and feedback (distributed over the kinds). */
type Bare = Criterion extends infer C
  ? C extends Criterion
    ? Omit<C, 'weight' | 'title' | 'feedback' | 'required' | 'ifNotReached'> &
        Partial<Pick<C, 'required' | 'ifNotReached'>>
    : never
  : never;

/** Scores a run of the warm-transfer fixture against one criterion. */
function verdict(criterion: Bare, actions = warm.reference.actions) {
  const scenario = {
    ...warm,
    rubric: {
      passMark: 1,
      criteria: [
        {
          required: false,
          ifNotReached: 'exclude',
          ...criterion,
          weight: 1,
          title: 't',
          feedback,
        } as Criterion,
      ],
    },
  };
  const { result } = scoreSession(scenario, play(scenario, actions));
  const only = result.criteria[0];
  if (!only) throw new Error('no criterion result');
  return only;
}

const reference = warm.reference.actions;
const withoutJoin = editActions(reference, (a) => ('action' in a && a.action === 'join' ? null : a));

describe('each criterion kind is judged met and not met', () => {
  it('action-used: at least / at most, on a party', () => {
    expect(verdict({ id: 'c', kind: 'action-used', action: 'join' }).met).toBe(true);
    expect(verdict({ id: 'c', kind: 'action-used', action: 'join' }, withoutJoin).met).toBe(false);
    expect(
      verdict({ id: 'c', kind: 'action-used', action: 'add', target: 'specialist', atMost: 1 }).met,
    ).toBe(true);
    expect(verdict({ id: 'c', kind: 'action-used', action: 'swap', atMost: 0 }).met).toBe(true);
    expect(verdict({ id: 'c', kind: 'action-used', action: 'join', atMost: 0 }).met).toBe(false);
  });

  it('order: A before B', () => {
    const add = { event: 'add', actor: 'trainee' } as const;
    const join = { event: 'join', actor: 'trainee' } as const;
    expect(verdict({ id: 'c', kind: 'order', before: add, after: join }).met).toBe(true);
    expect(verdict({ id: 'c', kind: 'order', before: join, after: add }).met).toBe(false);
    expect(verdict({ id: 'c', kind: 'order', before: add, after: join }, withoutJoin).met).toBe(false);
  });

  it('consulted-before-join: a private talk of the required length before the join', () => {
    expect(verdict({ id: 'c', kind: 'consulted-before-join', party: 'specialist', seconds: 3 }).met).toBe(
      true,
    );
    expect(verdict({ id: 'c', kind: 'consulted-before-join', party: 'specialist', seconds: 60 }).met).toBe(
      false,
    );
    expect(
      verdict({ id: 'c', kind: 'consulted-before-join', party: 'specialist', seconds: 0 }, withoutJoin).met,
    ).toBe(false);
  });

  it('hold-discipline: longest stretch and total on hold', () => {
    // The caller is on hold from the add at 8 s to the join at 20 s: 12 s.
    expect(verdict({ id: 'c', kind: 'hold-discipline', party: 'caller', maxStretchSeconds: 12 }).met).toBe(
      true,
    );
    const tooLong = verdict({ id: 'c', kind: 'hold-discipline', party: 'caller', maxStretchSeconds: 11 });
    expect(tooLong.met).toBe(false);
    expect(tooLong.evidence[0]?.note).toBe(
      'Alex Doe waited on hold for 12.0 s in one stretch (limit 11.0 s)',
    );
    expect(verdict({ id: 'c', kind: 'hold-discipline', maxTotalSeconds: 5 }).met).toBe(false);
  });

  it('privacy: the caller never heard the consultation', () => {
    const criterion = { id: 'c', kind: 'privacy', listener: 'caller', speaker: 'specialist' } as const;
    // With the join the caller hears the specialist, so the privacy criterion is not met.
    const joined = verdict(criterion);
    expect(joined.met).toBe(false);
    expect(joined.evidence[0]?.note).toBe('Alex Doe heard Sam Rivera');
    expect(verdict(criterion, withoutJoin).met).toBe(true);
  });

  it('state-reached: by a time, or before an event', () => {
    const all = {
      all: [
        { leg: { party: 'caller', state: 'connected' } },
        { leg: { party: 'specialist', state: 'connected' } },
        { leg: { party: 'trainee', state: 'connected' } },
      ],
    } as const;
    expect(verdict({ id: 'c', kind: 'state-reached', condition: all }).met).toBe(true);
    expect(verdict({ id: 'c', kind: 'state-reached', condition: all, bySeconds: 19 }).met).toBe(false);
    const beforeLeave = { event: 'leave', actor: 'trainee' } as const;
    expect(verdict({ id: 'c', kind: 'state-reached', condition: all, before: beforeLeave }).met).toBe(true);
    expect(
      verdict({ id: 'c', kind: 'state-reached', condition: all, before: beforeLeave }, withoutJoin).met,
    ).toBe(false);
  });

  it('final-state: who remained when the trainee left', () => {
    const handover = {
      all: [
        { leg: { party: 'caller', state: 'connected' } },
        { leg: { party: 'specialist', state: 'connected' } },
      ],
    } as const;
    expect(verdict({ id: 'c', kind: 'final-state', condition: handover }).met).toBe(true);
    const hangsUpFirst = editActions(reference, (a) =>
      'action' in a && a.action === 'leave'
        ? [{ at: a.at - 1, action: 'disconnect', target: 'specialist' }, a]
        : a,
    );
    expect(verdict({ id: 'c', kind: 'final-state', condition: handover }, hangsUpFirst).met).toBe(false);
  });

  it('refused-attempts: at most N refused actions', () => {
    const withRefusal = editActions(reference, (a, index) =>
      index === 1 ? [{ at: a.at - 1, action: 'swap' }, a] : a,
    );
    expect(verdict({ id: 'c', kind: 'refused-attempts', max: 0 }).met).toBe(true);
    const refused = verdict({ id: 'c', kind: 'refused-attempts', max: 0 }, withRefusal);
    expect(refused.met).toBe(false);
    expect(refused.evidence[0]?.note).toBe(
      'You swapped (refused: swap needs exactly three participants, CONF-4)',
    );
    expect(verdict({ id: 'c', kind: 'refused-attempts', max: 1 }, withRefusal).met).toBe(true);
  });

  it('time-limit: the session ended in time', () => {
    expect(verdict({ id: 'c', kind: 'time-limit', seconds: 60, until: 'session-end' }).met).toBe(true);
    expect(verdict({ id: 'c', kind: 'time-limit', seconds: 30, until: 'session-end' }).met).toBe(false);
  });
});

describe('answer-correct: the computed answer to a caller-ID question', () => {
  const wrong = editActions(quiz.reference.actions, (a) =>
    'answer' in a && a.answer.question === 'number-pad'
      ? { ...a, answer: { ...a.answer, value: '+18005550100' } }
      : a,
  );

  it('accepts the resolver’s number written in any format and refuses another number', () => {
    const { result, answers } = scoreSession(quiz, play(quiz, wrong));
    expect(result.criteria.filter((c) => !c.met).map((c) => c.id)).toEqual(['answer-number-pad']);
    const judged = answers.find((a) => a.question === 'number-pad');
    expect(judged).toMatchObject({ given: '+18005550100', correct: false });
    expect(judged?.correctAnswer).toMatch(/^\+1/);
    const national = editActions(quiz.reference.actions, (a) =>
      'answer' in a && a.answer.question === 'number-pad'
        ? { ...a, answer: { ...a.answer, value: '(206) 555-0100' } }
        : a,
    );
    expect(scoreSession(quiz, play(quiz, national)).result.raw).toBe(
      scoreSession(quiz, play(quiz, quiz.reference.actions)).result.max,
    );
  });

  it('scores nothing for an answer to a question never asked: the criterion is not reached', () => {
    // Without the title company nobody asks about the number pad; an answer in the log scores nothing.
    const withoutTitle = editActions(quiz.reference.actions, (a) =>
      'action' in a && (a.action === 'add' || a.action === 'join') ? null : a,
    );
    const { result } = scoreSession(quiz, play(quiz, withoutTitle));
    const status = (id: string) => result.criteria.find((c) => c.id === id)?.status;
    expect(status('answer-qc-on-call')).toBe('met');
    expect(status('answer-number-pad')).toBe('not-reached');
    expect(result.criteria.find((c) => c.id === 'answer-number-pad')?.points).toBe(0);
  });

  it('counts an unanswered question as not met', () => {
    const unanswered = editActions(quiz.reference.actions, (a) =>
      'answer' in a && a.answer.question === 'callback-idle' ? null : a,
    );
    const { result } = scoreSession(quiz, play(quiz, unanswered));
    expect(result.criteria.filter((c) => !c.met).map((c) => c.id)).toEqual(['answer-callback-idle']);
  });
});
