import type { AssessmentCheck } from '@shared/ipc';
import './results.css';
import type { Scenario } from '@shared/scenario';
import type { Assessment } from '@shared/scoring/assessment';
import { type TrustView, trustVerdict } from '@shared/scoring/trust';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignerName, TrustedWord } from '../overview/TrustPanel';
import { buildReplayModel, type Lane } from '../replay/model';
import { ReplayPanel } from '../replay/ReplayPanel';
import { CriteriaList } from './CriteriaList';
import { QuestionsList, type RefusedAction, RefusedList } from './QuestionsAndRefusals';

/** A session length in words: `3 min 38 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

function refusedOf(
  assessment: Assessment,
  model: ReturnType<typeof buildReplayModel> | null,
): RefusedAction[] {
  const trainee = assessment.scenario.traineeParty;
  if (model !== null) {
    return model.events
      .filter((event) => event.byTrainee && event.entry.result.status === 'refused')
      .map((event) => ({ seq: event.seq, time: event.time, entry: event.entry }));
  }
  // Without the scenario the engine cannot replay; the refusals recorded in the log are shown.
  return assessment.log.records.flatMap((record) =>
    record.kind === 'event' && record.entry.actor === trainee && record.entry.result.status === 'refused'
      ? [{ seq: record.seq, time: record.time, entry: record.entry }]
      : [],
  );
}

/**
 * The results of one assessment: the score and its facts, every criterion with its feedback and
 * evidence, the questions, the refused actions and the replay of the call, whose cursor the
 * evidence links move.
 */
export function AssessmentResults(props: {
  readonly assessment: Assessment;
  readonly check: AssessmentCheck | null;
  readonly scenario: Scenario | null;
  /** The link of the stand-alone replay at a time, for a stored assessment. */
  readonly replayHref?: (time: number) => string;
  /** Extra controls under the summary (export buttons). */
  readonly actions?: ReactNode;
  /** The heading level of the title (1 on its own screen, 2 inside the overview). */
  readonly level?: 1 | 2;
  /** The trust list, for "signed by" and "trusted" (null while it loads: nothing is trusted). */
  readonly trust?: TrustView | null;
}) {
  const { t, i18n } = useTranslation('results');
  const { assessment, scenario } = props;
  const { result } = assessment;
  const model = useMemo(
    () => (scenario === null ? null : buildReplayModel(scenario, assessment.log)),
    [scenario, assessment],
  );
  const [cursor, setCursor] = useState(0);
  const replayRef = useRef<HTMLElement>(null);
  const lanes: ReadonlyArray<Lane> = model?.lanes ?? [];
  const seek = (time: number) => {
    setCursor(time);
    const section = replayRef.current;
    section?.scrollIntoView?.({ block: 'start' });
    // The slider is re-rendered at the new time; focus it so that the arrow keys go on from there.
    requestAnimationFrame(() => section?.querySelector<SVGElement>('[role="slider"]')?.focus());
  };
  const Title = props.level === 2 ? 'h2' : 'h1';
  const Sub = props.level === 2 ? 'h3' : 'h2';
  const started = new Date(assessment.startedAt).toLocaleString(i18n.resolvedLanguage);
  const checkStatus = props.check?.status ?? 'unknown';
  const verdict = trustVerdict(props.check?.status, props.check?.signature, props.trust ?? null);

  return (
    <article className="results" aria-labelledby="results-title">
      <Title id="results-title">{t('title', { scenario: assessment.scenario.title })}</Title>
      <section className="results-summary" aria-label={t('summary')}>
        <p className={`results-outcome ${result.passed ? 'results-passed' : 'results-failed'}`}>
          <span className="results-outcome-label">{result.passed ? t('passed') : t('failed')}</span>
          <span className="results-outcome-score">
            {t('scoreValue', { raw: result.raw, max: result.max })} · {Math.round(result.scaled * 100)} %
          </span>
        </p>
        <dl className="results-facts">
          <dt>{t('score')}</dt>
          <dd data-testid="results-score">{t('scoreValue', { raw: result.raw, max: result.max })}</dd>
          <dt>{t('scaled')}</dt>
          <dd>
            {Math.round(result.scaled * 100)} % (
            {t('passMark', { mark: `${Math.round(result.passMark * 100)} %` })})
          </dd>
          <dt>{t('mode')}</dt>
          <dd>{t(`modes.${assessment.mode}`)}</dd>
          <dt>{t('trainee')}</dt>
          <dd>
            {assessment.trainee.name}
            {assessment.trainee.id === undefined ? '' : ` (${assessment.trainee.id})`}
          </dd>
          <dt>{t('scenario')}</dt>
          <dd>
            {t('scenarioVersion', { id: assessment.scenario.id, version: assessment.scenario.version })}
          </dd>
          <dt>{t('started')}</dt>
          <dd>{started}</dd>
          <dt>{t('duration')}</dt>
          <dd>{formatDuration(assessment.durationMs)}</dd>
          <dt>{t('consistent')}</dt>
          <dd data-testid="results-check" data-status={checkStatus}>
            {t(`check.${checkStatus}`)}
            {props.check !== null && props.check.problems.length > 0 && (
              <ul className="results-problems">
                {props.check.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('signedBy')}</dt>
          <dd data-testid="results-signer" data-signer={verdict.signer.kind}>
            {props.check?.signature === undefined ? (
              t('check.unknown')
            ) : (
              <SignerName signer={verdict.signer} t={t} />
            )}
          </dd>
          <dt>{t('trusted')}</dt>
          <dd data-testid="results-trusted" data-trusted={verdict.trusted ? 'yes' : 'no'}>
            <TrustedWord verdict={verdict} t={t} />
          </dd>
        </dl>
        {props.actions}
      </section>
      <section aria-labelledby="results-criteria">
        <Sub id="results-criteria">{t('criteria')}</Sub>
        <CriteriaList criteria={result.criteria} evidenceHref={props.replayHref ?? null} onEvidence={seek} />
      </section>
      <section aria-labelledby="results-questions">
        <Sub id="results-questions">{t('questions')}</Sub>
        <QuestionsList assessment={assessment} scenario={scenario} />
      </section>
      <section aria-labelledby="results-refused">
        <Sub id="results-refused">{t('refused')}</Sub>
        <RefusedList refused={refusedOf(assessment, model)} lanes={lanes} onSeek={seek} />
      </section>
      <section id="replay" ref={replayRef} aria-labelledby="results-replay" className="results-replay">
        <Sub id="results-replay">{t('replay')}</Sub>
        {model === null ? (
          <p className="results-muted">{t('replayUnavailable', { id: assessment.scenario.id })}</p>
        ) : (
          <>
            {props.replayHref !== undefined && <a href={props.replayHref(cursor)}>{t('openReplay')}</a>}
            <ReplayPanel
              model={model}
              label={t('replay:timelineLabel', { scenario: assessment.scenario.title })}
              cursor={cursor}
              onCursor={setCursor}
            />
          </>
        )}
      </section>
    </article>
  );
}
