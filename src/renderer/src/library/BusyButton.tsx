import { useTranslation } from 'react-i18next';
import type { Busy, LibraryAction } from './useLibrary';

/** A button of an action: shows that it runs, and waits while any other action runs. */
export function BusyButton(props: {
  readonly busy: Busy | null;
  readonly action: LibraryAction;
  readonly busyKey: string;
  readonly className?: string;
  /** The id of what tells this button apart from its likes (`Restore` of which scenario). */
  readonly describedBy?: string;
  readonly onClick: () => void;
  readonly children: string;
}) {
  const { t } = useTranslation('library');
  const running = props.busy?.action === props.action && props.busy.key === props.busyKey;
  return (
    <button
      type="button"
      className={props.className}
      disabled={props.busy !== null}
      aria-busy={running || undefined}
      aria-describedby={props.describedBy}
      onClick={props.onClick}
    >
      {running ? t(`busy.${props.action}`) : props.children}
    </button>
  );
}
