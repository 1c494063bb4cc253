import {
  type GoalProgress,
  goalProgress,
  type Question,
  type Scenario,
  type SessionRecord,
} from '@shared/scenario';
import { type FormEvent, memo, type ReactNode, type RefObject, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioSettings } from '../audio';
import type { Caption, PlaySession } from '../session/play-session';
import { formatDuration, usePlaySession } from '../session/use-play-session';
import { useConsoleTranslation } from './use-console-translation';

/** Every line said (speaker and text), always shown; sound captions when the setting is on. */
export const Captions = memo(function Captions(props: {
  readonly captions: ReadonlyArray<Caption>;
  readonly names: ReadonlyMap<string, string>;
  readonly soundCaptions: boolean;
  readonly logRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation(['console', 'audio']);
  const headingId = useId();
  const shown = props.captions.filter((caption) => caption.kind === 'line' || props.soundCaptions);
  return (
    <section className="panel captions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('captions')}</h2>
      <div className="caption-log" ref={props.logRef} tabIndex={-1} role="log" aria-labelledby={headingId}>
        {shown.length === 0 ? (
          <p>{t('noCaptions')}</p>
        ) : (
          <ol>
            {shown.map((caption) => (
              <CaptionLine key={caption.id} caption={caption} names={props.names} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
});

/** One caption, rendered once: a caption never changes after it is shown. */
const CaptionLine = memo(function CaptionLine(props: {
  readonly caption: Caption;
  readonly names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation(['console', 'audio']);
  const { caption } = props;
  return (
    <li className={`caption-${caption.kind}`}>
      <span className="caption-time">{formatDuration(caption.time)}</span>{' '}
      {caption.kind === 'line' ? (
        <>
          <strong>{props.names.get(caption.party) ?? caption.party}:</strong> {caption.text}
        </>
      ) : (
        <span className="sound-caption">{t(caption.sound.key, caption.sound.values)}</span>
      )}
    </li>
  );
});

/** The goals shown so far, ticked as the script moves past them. */
export function Goals(props: { readonly goals: ReadonlyArray<GoalProgress> }) {
  const { t } = useConsoleTranslation();
  const headingId = useId();
  if (props.goals.length === 0) return null;
  return (
    <section className="panel goals" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('goals')}</h2>
      <ul>
        {props.goals.map((goal) => (
          <li key={goal.id} className={`goal goal-${goal.status}`}>
            <span aria-hidden="true">{goal.status === 'reached' ? '✓' : '○'}</span>{' '}
            <span className="visually-hidden">
              {goal.status === 'reached' ? t('goalReached') : t('goalCurrent')}:{' '}
            </span>
            {goal.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

const BRANCHES = ['success', 'call-failed', 'timeout', 'error'] as const;

/** The questions put so far, answered in the console. */
export function Questions(props: {
  readonly scenario: Scenario;
  readonly records: ReadonlyArray<SessionRecord>;
  readonly disabled: boolean;
  readonly onAnswer: (question: string, value: string) => void;
}) {
  const { t } = useConsoleTranslation();
  const headingId = useId();
  const asked = props.records.flatMap((record) => (record.kind === 'question' ? [record.question] : []));
  if (asked.length === 0) return null;
  const answers = new Map(
    props.records.flatMap((record) =>
      record.kind === 'answer' ? [[record.question, record.value] as const] : [],
    ),
  );
  return (
    <section className="panel questions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('questions')}</h2>
      {[...new Set(asked)].map((id) => {
        const question = props.scenario.questions.find((candidate) => candidate.id === id);
        if (question === undefined) return null;
        const answer = answers.get(id);
        return answer === undefined ? (
          <QuestionForm key={id} question={question} disabled={props.disabled} onAnswer={props.onAnswer} />
        ) : (
          <div key={id} className="question answered">
            <p>{question.text}</p>
            <p>{t('answered', { value: answer })}</p>
          </div>
        );
      })}
    </section>
  );
}

function QuestionForm(props: {
  readonly question: Question;
  readonly disabled: boolean;
  readonly onAnswer: (question: string, value: string) => void;
}) {
  const { t } = useTranslation('console');
  const { question } = props;
  const [value, setValue] = useState('');
  const textId = useId();
  const choices: ReadonlyArray<{ value: string; label: string }> | null =
    question.kind === 'transfer-branch'
      ? BRANCHES.map((branch) => ({ value: branch, label: t(`branch.${branch}`) }))
      : (question.choices?.map((choice) => ({ value: choice, label: choice })) ?? null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() !== '') props.onAnswer(question.id, value.trim());
  };
  return (
    <form className="question" onSubmit={submit} aria-labelledby={textId}>
      <p id={textId}>{question.text}</p>
      {choices === null ? (
        <label>
          {t('yourAnswer')}
          <input
            type="text"
            value={value}
            maxLength={200}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
      ) : (
        <fieldset>
          <legend className="visually-hidden">{t('yourAnswer')}</legend>
          {choices.map((choice) => (
            <label key={choice.value}>
              <input
                type="radio"
                name={`answer-${question.id}`}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => setValue(choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={props.disabled || value.trim() === ''}>
        {t('answer')}
      </button>
    </form>
  );
}

/**
 * The side of a session's screen: the captions, the goals and the questions (answered into the
 * session), then `children`.
 */
export function SessionSidePanels(props: {
  readonly session: PlaySession;
  readonly names: ReadonlyMap<string, string>;
  readonly captionsRef: RefObject<HTMLDivElement | null>;
  readonly children?: ReactNode;
}) {
  const { session } = props;
  const { captions, director } = usePlaySession(session);
  const [settings] = useAudioSettings();
  const goals = useMemo(() => goalProgress(session.scenario, director.records), [session, director.records]);
  return (
    <div className="console-side">
      <Captions
        captions={captions}
        names={props.names}
        soundCaptions={settings.captions}
        logRef={props.captionsRef}
      />
      <Goals goals={goals} />
      <Questions
        scenario={session.scenario}
        records={director.records}
        disabled={director.ended}
        onAnswer={(question, value) => session.act({ kind: 'answer', question, value })}
      />
      {props.children}
    </div>
  );
}
