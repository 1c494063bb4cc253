import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before the editor is left with unsaved changes: stay, save and leave, or leave without saving. */
export function EditorLeaveDialog(props: {
  readonly title: string;
  readonly canSave: boolean;
  readonly onStay: () => void;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
}) {
  const { t } = useTranslation('editor');
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div
      className="editor-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="editor-leave-title"
      aria-describedby="editor-leave-message"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onStay();
      }}
    >
      <h2 id="editor-leave-title">{t('leave.title')}</h2>
      <p id="editor-leave-message">{t('leave.message', { title: props.title })}</p>
      <div className="editor-dialog-buttons">
        <button type="button" ref={stay} onClick={props.onStay}>
          {t('leave.stay')}
        </button>
        {props.canSave ? (
          <button type="button" onClick={props.onSave}>
            {t('leave.save')}
          </button>
        ) : null}
        <button type="button" onClick={props.onDiscard}>
          {t('leave.discard')}
        </button>
      </div>
    </div>
  );
}
