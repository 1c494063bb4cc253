import type { Blocker, EffectSummary, RunAction } from '@shared/authoring';
import type { TFunction } from 'i18next';

/** Seconds as written: `20 s`, `20,5 s` in German. */
export function formatSeconds(t: TFunction, value: number, language: string): string {
  const text = String(Math.round(value * 10) / 10);
  return t('authoring:seconds', { value: language === 'de' ? text.replace('.', ',') : text });
}

/** A share (0 to 1) as a percentage. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A timed action in words, with the party's name: "add Helen Brooks (Brooks Mortgage Brokers) at 20 s". */
export function describeAction(t: TFunction, action: RunAction): string {
  const time = String(action.at);
  if (action.answer !== null) return t('authoring:action.answer', { value: action.answer.value, time });
  const name = t(`replay:action.${action.action}`, { defaultValue: action.action });
  if (action.target === null) return t('authoring:action.at', { action: name, time });
  if (action.via === null)
    return t('authoring:action.target', { action: name, target: action.target.name, time });
  return t('authoring:action.via', { action: name, target: action.target.name, via: action.via, time });
}

/** One thing that stands in the way of readiness, in words. */
export function describeBlocker(t: TFunction, blocker: Blocker): string {
  switch (blocker.kind) {
    case 'reference-unplayable':
      return t('authoring:blocker.unplayable', { detail: blocker.detail });
    case 'reference-action-refused':
      return t('authoring:blocker.refused', {
        number: blocker.action.index + 1,
        action: describeAction(t, blocker.action),
        reason: t(`replay:reason.${blocker.reason}`, { defaultValue: blocker.reason }),
        rule: blocker.rule,
      });
    case 'reference-action-not-played':
      return t('authoring:blocker.notPlayed', {
        number: blocker.action.index + 1,
        action: describeAction(t, blocker.action),
      });
    case 'reference-criterion-missed': {
      const base = { title: blocker.criterion.title, status: t(`authoring:status.${blocker.status}`) };
      return blocker.action === null
        ? t('authoring:blocker.criterion', base)
        : t('authoring:blocker.criterionAction', {
            ...base,
            number: blocker.action.index + 1,
            action: describeAction(t, blocker.action),
          });
    }
    case 'reference-fails':
      return t('authoring:blocker.fails', { percent: percent(blocker.scaled) });
    case 'test-verdict': {
      const { id, description } = blocker.test;
      if (blocker.passed === null || blocker.scaled === null) {
        return t('authoring:blocker.testUnplayable', { id, description });
      }
      return t('authoring:blocker.test', {
        id,
        description,
        expected: t(blocker.expected ? 'authoring:verdict.pass' : 'authoring:verdict.fail'),
        got: t(blocker.passed ? 'authoring:verdict.passed' : 'authoring:verdict.failed', {
          percent: percent(blocker.scaled),
        }),
      });
    }
    case 'what-if-passes':
      return t('authoring:blocker.whatIf', { run: blocker.run, percent: percent(blocker.scaled) });
    case 'what-if-exchange-differs':
      return t(blocker.passed ? 'authoring:blocker.exchangePasses' : 'authoring:blocker.exchangeFails', {
        run: blocker.run,
        percent: percent(blocker.scaled),
      });
  }
}

/** What one effect of a scripted step does, in words. */
export function describeEffect(t: TFunction, effect: EffectSummary): string {
  const name = (party: string) => (party === 'trainee' ? t('authoring:previews.trainee') : party);
  switch (effect.kind) {
    case 'say':
      return t('authoring:previews.effect.say', { party: name(effect.party), text: effect.text });
    case 'hang-up':
      return t('authoring:previews.effect.hang-up', { party: name(effect.party) });
    case 'act':
      return t('authoring:previews.effect.act', {
        actor: name(effect.actor),
        action: t(`replay:action.${effect.action}`, { defaultValue: effect.action }),
        target: effect.target === null ? '' : name(effect.target),
      }).trim();
    case 'show-goal':
      return t('authoring:previews.effect.show-goal', { goal: effect.goal });
    case 'ask':
      return t('authoring:previews.effect.ask', { question: effect.question });
  }
}
