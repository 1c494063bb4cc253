import { explainRefusal, type RefusalReason, type RuleId } from '@shared/conference';
import type { SessionRecord } from '@shared/scenario';
import { useMemo, useState } from 'react';
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

/**
 * In practice, the trainee's last action if the rules refused it, explained until dismissed (a
 * later action that is allowed takes the explanation away).
 */
export function PracticeRefusal(props: {
  /** The id of the panel's heading. */
  readonly headingId: string;
  readonly records: ReadonlyArray<SessionRecord>;
  readonly trainee: string;
}) {
  const [dismissed, setDismissed] = useState(0);
  const last = useMemo(() => {
    for (let i = props.records.length - 1; i >= 0; i--) {
      const record = props.records[i];
      if (record?.kind !== 'event' || record.entry.actor !== props.trainee) continue;
      return record.entry.result.status === 'refused' ? { record, result: record.entry.result } : null;
    }
    return null;
  }, [props.records, props.trainee]);
  if (last === null || last.record.seq <= dismissed) return null;
  return (
    <RefusalPanel
      headingId={props.headingId}
      action={last.record.entry.type}
      reason={last.result.reason}
      rule={last.result.rule}
      onDismiss={() => setDismissed(last.record.seq)}
    />
  );
}
