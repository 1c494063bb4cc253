import { type ActionOption, explainRefusal } from '@shared/conference';
import { forwardRef, memo, useId } from 'react';
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
interface ActionControlProps {
  readonly option: ActionOption | undefined;
  readonly mode: PlayMode;
  readonly label: string;
  /** The accessible name when it differs from the visible label ("Hold Helen Brooks"). */
  readonly name?: string;
  readonly shortcut?: string;
  readonly onAct: (option: ActionOption) => void;
  readonly className?: string;
}

const Control = forwardRef<HTMLButtonElement, ActionControlProps>(function ActionControl(props, ref) {
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

/** The same option to show: the same action, target, route and verdict (`actionOptions` makes new objects each time). */
function sameOption(a: ActionOption | undefined, b: ActionOption | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.action !== b.action || a.target !== b.target) return false;
  if (a.via !== b.via && JSON.stringify(a.via) !== JSON.stringify(b.via)) return false;
  const x = a.result;
  const y = b.result;
  if (x.ok || y.ok) return x.ok === y.ok;
  return x.reason === y.reason && x.rule === y.rule;
}

/**
 * Rendered again only when what it shows changes: a change of the call gives every control a new
 * option object, but most of them say the same as before.
 */
export const ActionControl = memo(
  Control,
  (before, after) =>
    sameOption(before.option, after.option) &&
    before.mode === after.mode &&
    before.label === after.label &&
    before.name === after.name &&
    before.shortcut === after.shortcut &&
    before.onAct === after.onAct &&
    before.className === after.className,
);
