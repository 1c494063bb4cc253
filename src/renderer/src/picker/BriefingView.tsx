import { participantLimit } from '@shared/conference';
import type { Scenario } from '@shared/scenario';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DesktopChoice, type PlaySurface } from '../desktop/DesktopChoice';
import type { PlayMode } from '../session/play-session';
import { readTraineeName, storeTraineeName } from './trainee-name';

/** What the trainee chose on the briefing screen. */
export interface StartChoice {
  readonly mode: PlayMode;
  readonly trainee: string;
  /** Where to play: the built-in console (default) or the user's own agent desktop. */
  readonly surface?: PlaySurface;
}

/**
 * The briefing: the story, who is on the call, the goals, the mode's participant limit; the
 * choice of practice or assessment, the trainee's name (remembered) and Start.
 */
export function BriefingView(props: {
  readonly scenario: Scenario;
  readonly onStart: (choice: StartChoice) => void;
  readonly onBack: () => void;
  readonly starting: boolean;
  readonly error: string | null;
}) {
  const { t } = useTranslation('picker');
  const { scenario } = props;
  const [mode, setMode] = useState<PlayMode>('practice');
  const [name, setName] = useState(readTraineeName);
  const [missingName, setMissingName] = useState(false);
  const [surface, setSurface] = useState<{ surface: PlaySurface; ready: boolean }>({
    surface: 'console',
    ready: false,
  });
  const [missingDesktop, setMissingDesktop] = useState(false);
  const onSurface = useCallback((next: PlaySurface, ready: boolean) => {
    setSurface({ surface: next, ready });
    setMissingDesktop(false);
  }, []);
  const nameError = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trainee = name.trim();
    if (trainee === '') {
      setMissingName(true);
      return;
    }
    if (surface.surface === 'desktop' && !surface.ready) {
      setMissingDesktop(true);
      return;
    }
    storeTraineeName(trainee);
    props.onStart({ mode, trainee, surface: surface.surface });
  };
  const others = scenario.parties.filter((party) => party.id !== scenario.call.trainee);
  return (
    <section aria-labelledby="briefing-title" className="briefing">
      <button type="button" className="link-button" onClick={props.onBack}>
        {t('briefing.back')}
      </button>
      <h1 id="briefing-title">{scenario.title}</h1>
      {scenario.briefing.split(/\n\n+/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p className="briefing-limit">
        {t('briefing.limit', {
          mode: t(`translation:mode.${scenario.call.mode}`),
          limit: participantLimit(scenario.call.mode),
        })}
      </p>
      <h2>{t('briefing.who')}</h2>
      <ul className="briefing-parties">
        {others.map((party) => (
          <li key={party.id}>
            <strong>{party.name}</strong>
            {party.role !== undefined && <span>: {party.role}</span>}
          </li>
        ))}
      </ul>
      {scenario.goals.length > 0 && (
        <>
          <h2>{t('briefing.goals')}</h2>
          <ol className="briefing-goals">
            {scenario.goals.map((goal) => (
              <li key={goal.id}>{goal.text}</li>
            ))}
          </ol>
        </>
      )}
      <form onSubmit={submit} className="briefing-form" noValidate>
        <fieldset>
          <legend>{t('briefing.runMode')}</legend>
          <label>
            <input
              type="radio"
              name="run-mode"
              value="practice"
              checked={mode === 'practice'}
              onChange={() => setMode('practice')}
            />
            {t('briefing.practice')} <span className="hint">{t('briefing.practiceHint')}</span>
          </label>
          <label>
            <input
              type="radio"
              name="run-mode"
              value="assessment"
              checked={mode === 'assessment'}
              onChange={() => setMode('assessment')}
            />
            {t('briefing.assessment')} <span className="hint">{t('briefing.assessmentHint')}</span>
          </label>
        </fieldset>
        <DesktopChoice surface={surface.surface} onChange={onSurface} />
        {missingDesktop && <p role="alert">{t('desktop:choice.needFolder')}</p>}
        <label>
          {t('briefing.name')}
          <input
            type="text"
            value={name}
            autoComplete="name"
            maxLength={200}
            required
            aria-invalid={missingName}
            aria-describedby={missingName ? nameError : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setMissingName(false);
            }}
          />
        </label>
        {missingName && (
          <p id={nameError} role="alert">
            {t('briefing.nameRequired')}
          </p>
        )}
        {props.error !== null && <p role="alert">{t('briefing.startFailed', { message: props.error })}</p>}
        <button type="submit" className="primary" disabled={props.starting}>
          {props.starting ? t('briefing.starting') : t('briefing.start')}
        </button>
      </form>
    </section>
  );
}
