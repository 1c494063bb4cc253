import type { LogEntry } from '@shared/conference';
import type { Scenario } from '@shared/scenario';
import type { Assessment } from '@shared/scoring/assessment';
import { useTranslation } from 'react-i18next';
import { describeEntry, describeRefusal, formatClock } from '../replay/format';
import type { Lane } from '../replay/model';
import { questionReason } from './question-rule';

/** The questions answered, with the trainee's answer, the right one and the rule that decides it. */
export function QuestionsList(props: {
  readonly assessment: Assessment;
  readonly scenario: Scenario | null;
}) {
  const { t, i18n } = useTranslation('results');
  const { answers } = props.assessment;
  if (answers.length === 0) return <p className="results-muted">{t('noQuestions')}</p>;
  const language = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  return (
    <ol className="results-questions">
      {answers.map((answer) => {
        const reason = props.scenario === null ? null : questionReason(props.scenario, answer.question);
        return (
          <li key={answer.question} className={answer.correct ? 'results-met' : 'results-not-met'}>
            <p className="results-question-text">{answer.text}</p>
            <dl className="results-pairs">
              <dt>{t('question.given')}</dt>
              <dd>
                {answer.given}{' '}
                <span className="results-verdict" data-verdict={answer.correct ? 'met' : 'not-met'}>
                  {answer.correct ? t('question.correct') : t('question.wrong')}
                </span>
              </dd>
              <dt>{t('question.right')}</dt>
              <dd>{answer.correctAnswer === '' ? t('question.noAnswer') : answer.correctAnswer}</dd>
            </dl>
            {reason !== null && (
              <p className="results-rule">
                <strong>{t('question.rule', { rule: reason.rule })}</strong>: {reason.explanation[language]}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A refused event of the session: the engine's re-derived entry. */
export interface RefusedAction {
  readonly seq: number;
  readonly time: number;
  readonly entry: LogEntry;
}

/** The trainee's actions that the rules refused, with their reasons and rule IDs. */
export function RefusedList(props: {
  readonly refused: ReadonlyArray<RefusedAction>;
  readonly lanes: ReadonlyArray<Lane>;
  readonly onSeek: (time: number) => void;
}) {
  const { t } = useTranslation('results');
  if (props.refused.length === 0) return <p className="results-muted">{t('noRefused')}</p>;
  return (
    <ul className="results-refused">
      {props.refused.map((item) => {
        const refusal = describeRefusal(t, item.entry);
        return (
          <li key={item.seq}>
            <button type="button" className="link-button" onClick={() => props.onSeek(item.time)}>
              {t('refusedItem', {
                time: formatClock(item.time),
                action: describeEntry(t, props.lanes, item.entry),
                reason: refusal?.reason ?? '',
                rule: refusal?.rule ?? '',
              })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
