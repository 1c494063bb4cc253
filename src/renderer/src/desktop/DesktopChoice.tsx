import type { DesktopInfo } from '@shared/ipc';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';

/** Where a session is played: the built-in console, or the user's own agent desktop. */
export type PlaySurface = 'console' | 'desktop';

/**
 * The briefing's choice of where to play, with the agent desktop's folder (remembered in main)
 * and the button that opens the folder dialog. `ready` says whether the desktop can be played.
 */
export function DesktopChoice(props: {
  readonly surface: PlaySurface;
  readonly onChange: (surface: PlaySurface, ready: boolean) => void;
}) {
  const { t } = useTranslation('desktop');
  const [info, setInfo] = useState<DesktopInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ready = info !== null && info.folder !== null && info.problem === null;
  useEffect(() => {
    let current = true;
    callApi('desktop:get').then(
      (value) => current && setInfo(value),
      (cause: unknown) => current && setError(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => {
      current = false;
    };
  }, []);
  const { onChange, surface } = props;
  useEffect(() => {
    onChange(surface, ready);
  }, [onChange, surface, ready]);
  const choose = async () => {
    setError(null);
    try {
      const answer = await callApi('desktop:choose');
      if (answer.status === 'chosen') {
        setInfo(answer.desktop);
        props.onChange('desktop', answer.desktop.problem === null);
      }
    } catch (cause) {
      setError(t('choice.chooseFailed', { message: cause instanceof Error ? cause.message : String(cause) }));
    }
  };
  return (
    <fieldset className="desktop-choice">
      <legend>{t('choice.legend')}</legend>
      <label>
        <input
          type="radio"
          name="play-surface"
          value="console"
          checked={props.surface === 'console'}
          onChange={() => props.onChange('console', ready)}
        />
        {t('choice.console')}
      </label>
      <label>
        <input
          type="radio"
          name="play-surface"
          value="desktop"
          checked={props.surface === 'desktop'}
          onChange={() => props.onChange('desktop', ready)}
        />
        {t('choice.desktop')} <span className="hint">{t('choice.desktopHint')}</span>
      </label>
      {props.surface === 'desktop' && (
        <div className="desktop-folder">
          <p>{info?.folder ? t('choice.folder', { folder: info.folder }) : t('choice.noFolder')}</p>
          {info?.problem && <p role="alert">{info.problem}</p>}
          <button type="button" onClick={() => void choose()}>
            {info?.folder ? t('choice.change') : t('choice.choose')}
          </button>
        </div>
      )}
      {error !== null && <p role="alert">{error}</p>}
    </fieldset>
  );
}
