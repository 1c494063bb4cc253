/**
 * Every place a scenario names a party, with what that place needs the party to be: the call's
 * trainee and primary agent, the script's triggers and effects, the rubric's criteria and the
 * reference solution's targets.
 */

import type { PathSegments } from '../format/findings';
import type { Criterion } from '../format/rubric';
import type { Scenario } from '../format/schema';
import type { Condition, EventPattern } from '../format/vocabulary';

/**
 * What a reference needs its party to be.
 * - `any`: any party.
 * - `agent`: an agent (the trainee, the primary agent).
 * - `scripted-agent`: an agent other than the trainee (a step's `act.actor`).
 * - `not-trainee`: any party but the trainee (a step's `hangUp.party`).
 */
export type PartyUse = 'any' | 'agent' | 'scripted-agent' | 'not-trainee';

/** One mention of a party id. */
export interface PartyReference {
  readonly path: PathSegments;
  readonly id: string;
  readonly use: PartyUse;
}

/** The parties a condition names, at any depth of `all`, `any` and `not`. */
export function conditionReferences(condition: Condition, path: PathSegments): PartyReference[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionReferences(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionReferences(c, [...path, 'any', i]));
  if ('not' in condition) return conditionReferences(condition.not, [...path, 'not']);
  if ('leg' in condition) return [{ path: [...path, 'leg', 'party'], id: condition.leg.party, use: 'any' }];
  if ('hears' in condition) {
    return [
      { path: [...path, 'hears', 'listener'], id: condition.hears.listener, use: 'any' },
      { path: [...path, 'hears', 'speaker'], id: condition.hears.speaker, use: 'any' },
    ];
  }
  return [];
}

/** The parties an event pattern names (its actor and target). */
export function patternReferences(pattern: EventPattern, path: PathSegments): PartyReference[] {
  const refs: PartyReference[] = [];
  if (pattern.actor !== undefined) refs.push({ path: [...path, 'actor'], id: pattern.actor, use: 'any' });
  if (pattern.target !== undefined) refs.push({ path: [...path, 'target'], id: pattern.target, use: 'any' });
  return refs;
}

function criterionReferences(criterion: Criterion, path: PathSegments): PartyReference[] {
  const applies = criterion.appliesWhen;
  const applicability = [
    ...(applies?.reached === undefined
      ? []
      : conditionReferences(applies.reached, [...path, 'appliesWhen', 'reached'])),
    ...(applies?.event === undefined
      ? []
      : patternReferences(applies.event, [...path, 'appliesWhen', 'event'])),
  ];
  return [...applicability, ...kindReferences(criterion, path)];
}

function kindReferences(criterion: Criterion, path: PathSegments): PartyReference[] {
  const optional = (key: string, id: string | undefined): PartyReference[] =>
    id === undefined ? [] : [{ path: [...path, key], id, use: 'any' }];
  switch (criterion.kind) {
    case 'action-used':
      return [...optional('actor', criterion.actor), ...optional('target', criterion.target)];
    case 'order':
      return [
        ...patternReferences(criterion.before, [...path, 'before']),
        ...patternReferences(criterion.after, [...path, 'after']),
      ];
    case 'consulted-before-join':
      return optional('party', criterion.party);
    case 'hold-discipline':
    case 'party-kept':
      return optional('party', criterion.party);
    case 'privacy':
      return [...optional('listener', criterion.listener), ...optional('speaker', criterion.speaker)];
    case 'state-reached':
      return [
        ...conditionReferences(criterion.condition, [...path, 'condition']),
        ...(criterion.before === undefined ? [] : patternReferences(criterion.before, [...path, 'before'])),
        ...(criterion.after === undefined ? [] : patternReferences(criterion.after, [...path, 'after'])),
      ];
    case 'final-state':
      return conditionReferences(criterion.condition, [...path, 'condition']);
    case 'answer-correct':
    case 'refused-attempts':
    case 'time-limit':
      return [];
  }
}

/** The parties the script's triggers and effects name. */
export function scriptReferences(scenario: Scenario): PartyReference[] {
  const refs: PartyReference[] = [];
  scenario.script.forEach((step, s) => {
    const trigger = step.trigger;
    const at: PathSegments = ['script', s, 'trigger'];
    if ('on' in trigger) refs.push(...patternReferences(trigger.on, [...at, 'on']));
    if ('onHoldFor' in trigger)
      refs.push({ path: [...at, 'onHoldFor', 'party'], id: trigger.onHoldFor.party, use: 'any' });
    if ('when' in trigger) refs.push(...conditionReferences(trigger.when, [...at, 'when']));
    const requires = step.requires;
    if (requires?.condition !== undefined) {
      refs.push(...conditionReferences(requires.condition, ['script', s, 'requires', 'condition']));
    }
    (requires?.consulted ?? []).forEach((id, c) => {
      refs.push({ path: ['script', s, 'requires', 'consulted', c], id, use: 'any' });
    });
    step.effects.forEach((effect, e) => {
      const path: PathSegments = ['script', s, 'effects', e];
      if ('say' in effect) refs.push({ path: [...path, 'say', 'party'], id: effect.say.party, use: 'any' });
      if ('hangUp' in effect)
        refs.push({ path: [...path, 'hangUp', 'party'], id: effect.hangUp.party, use: 'not-trainee' });
      if ('act' in effect) {
        refs.push({ path: [...path, 'act', 'actor'], id: effect.act.actor, use: 'scripted-agent' });
        if (effect.act.target !== undefined) {
          refs.push({ path: [...path, 'act', 'target'], id: effect.act.target, use: 'any' });
        }
      }
    });
  });
  return refs;
}

/** Every party reference of a scenario, in document order. */
export function partyReferences(scenario: Scenario): ReadonlyArray<PartyReference> {
  const refs: PartyReference[] = [
    { path: ['call', 'trainee'], id: scenario.call.trainee, use: 'agent' },
    { path: ['call', 'primaryAgent'], id: scenario.call.primaryAgent, use: 'agent' },
    ...scriptReferences(scenario),
  ];
  scenario.rubric.criteria.forEach((criterion, c) => {
    refs.push(...criterionReferences(criterion, ['rubric', 'criteria', c]));
  });
  scenario.reference.actions.forEach((action, a) => {
    if ('action' in action && action.target !== undefined) {
      refs.push({ path: ['reference', 'actions', a, 'target'], id: action.target, use: 'any' });
    }
  });
  return refs;
}

/**
 * The parties that ever join the call as the scenario is written: the caller, the primary agent,
 * the trainee, and every party an `add` of the reference solution or of a scripted agent targets.
 * A party outside this set can still be added by a trainee who strays from the reference, but
 * nothing the author wrote brings it in.
 */
export function partiesThatJoin(scenario: Scenario): ReadonlySet<string> {
  const joined = new Set<string>([scenario.call.primaryAgent, scenario.call.trainee]);
  for (const party of scenario.parties) if (party.kind === 'caller') joined.add(party.id);
  for (const action of scenario.reference.actions) {
    if ('action' in action && action.action === 'add' && action.target !== undefined)
      joined.add(action.target);
  }
  for (const step of scenario.script) {
    for (const effect of step.effects) {
      if ('act' in effect && effect.act.action === 'add' && effect.act.target !== undefined)
        joined.add(effect.act.target);
    }
  }
  return joined;
}
