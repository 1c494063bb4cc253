import { explainRefusal, type RefusalReason, type RuleId } from '@shared/conference';
import { useTranslation } from 'react-i18next';

/**
 * A refused action of the trainee explained in practice: the reason and the rule behind it (the
 * rule's summary only where it says more than the reason).
 */
export function RefusalPanel(props: {
  /** The id of the panel's heading. */
  readonly headingId: string;
  /** The action refused (the log entry's type). */
  readonly action: string;
  readonly reason: RefusalReason;
  readonly rule: RuleId;
  readonly onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation('console');
  const explanation = explainRefusal(props.reason, props.rule, i18n.resolvedLanguage === 'de' ? 'de' : 'en');
  return (
    <section className="panel refusal" role="alert" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>
        {t('refusedTitle', { action: t(`action.${props.action}`, { defaultValue: props.action }) })}
      </h2>
      <p>{explanation.reason}</p>
      <p>
        {explanation.rule === explanation.reason
          ? t('refusedRuleOnly', { rule: explanation.ruleId })
          : t('refusedRule', { rule: explanation.ruleId, text: explanation.rule })}{' '}
        <code>{props.reason}</code>
      </p>
      <button type="button" onClick={props.onDismiss}>
        {t('dismiss')}
      </button>
    </section>
  );
}
