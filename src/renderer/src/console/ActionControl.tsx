import { type ActionOption, explainRefusal } from '@shared/conference';
import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayMode } from '../session/play-session';

/**
 * A console button for one action. Whether it is enabled is `check`'s answer (through
 * `actionOptions`); the button only presents it:
 * - allowed: a plain button;
 * - refused in practice: still clickable (the refusal then explains itself);
 * - refused in assessment: disabled as the CCP does, focusable, and its reason shown on hover
 *   and focus and read out through `aria-describedby`.
 */
export const ActionControl = forwardRef<
  HTMLButtonElement,
  {
    readonly option: ActionOption | undefined;
    readonly mode: PlayMode;
    readonly label: string;
    /** The accessible name when it differs from the visible label ("Hold Helen Brooks"). */
    readonly name?: string;
    readonly shortcut?: string;
    readonly onAct: (option: ActionOption) => void;
    readonly className?: string;
  }
>(function ActionControl(props, ref) {
  const { t, i18n } = useTranslation('console');
  const reasonId = useId();
  const { option } = props;
  if (option === undefined) return null;
  const refused = !option.result.ok;
  const disabled = refused && props.mode === 'assessment';
  const language = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const explanation = option.result.ok
    ? null
    : explainRefusal(option.result.reason, option.result.rule, language);
  return (
    <span className="action-control">
      <button
        ref={ref}
        type="button"
        className={['action', refused ? 'refused' : '', props.className ?? ''].join(' ').trim()}
        aria-disabled={disabled || undefined}
        aria-label={props.name}
        aria-describedby={disabled ? reasonId : undefined}
        aria-keyshortcuts={props.shortcut}
        data-refused={refused || undefined}
        onClick={() => {
          if (!disabled) props.onAct(option);
        }}
      >
        {props.label}
      </button>
      {disabled && explanation !== null && (
        <span role="tooltip" id={reasonId} className="action-reason">
          {t('disabledBecause', { reason: explanation.reason, rule: explanation.ruleId })}
        </span>
      )}
    </span>
  );
});
