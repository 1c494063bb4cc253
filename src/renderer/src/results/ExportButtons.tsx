// biome-ignore-all lint/a11y/useSemanticElements: a group of buttons with a status line, not a form fieldset.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';

type Outcome =
  | { readonly kind: 'saved'; readonly path: string; readonly count: number | null }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

function OutcomeLine(props: { readonly outcome: Outcome | null }) {
  const { t } = useTranslation('results');
  const { outcome } = props;
  return (
    <p className="results-export-outcome" role="status">
      {outcome?.kind === 'saved' &&
        (outcome.count === null
          ? t('export.saved', { path: outcome.path })
          : t('export.savedAll', { path: outcome.path, count: outcome.count }))}
      {outcome?.kind === 'cancelled' && t('export.cancelled')}
      {outcome?.kind === 'failed' && t('export.failed', { message: outcome.message })}
    </p>
  );
}

function failure(error: unknown): Outcome {
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** Saves one stored assessment, as its JSON document or as its xAPI statements, through the save dialog. */
export function ExportButtons(props: { readonly attemptId: string }) {
  const { t } = useTranslation('results');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const save = async (format: 'assessment' | 'xapi') => {
    try {
      const answer = await callApi('assessments:export', { attemptId: props.attemptId, format });
      setOutcome(
        answer.status === 'saved' ? { kind: 'saved', path: answer.path, count: null } : { kind: 'cancelled' },
      );
    } catch (error) {
      setOutcome(failure(error));
    }
  };
  return (
    <div className="results-export" role="group" aria-label={t('export.title')}>
      <button type="button" onClick={() => void save('assessment')}>
        {t('export.assessment')}
      </button>
      <button type="button" onClick={() => void save('xapi')}>
        {t('export.xapi')}
      </button>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}

/** Saves several stored assessments as one file of assessments or one of xAPI statements. */
export function ExportAllButtons(props: { readonly attemptIds: ReadonlyArray<string> }) {
  const { t } = useTranslation('results');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const save = async (format: 'assessment' | 'xapi') => {
    try {
      const answer = await callApi('assessments:export-all', { attemptIds: [...props.attemptIds], format });
      setOutcome(
        answer.status === 'saved'
          ? { kind: 'saved', path: answer.path, count: answer.count }
          : { kind: 'cancelled' },
      );
    } catch (error) {
      setOutcome(failure(error));
    }
  };
  const none = props.attemptIds.length === 0;
  return (
    <div className="results-export" role="group" aria-label={t('export.title')}>
      <button type="button" disabled={none} onClick={() => void save('assessment')}>
        {t('export.allAssessments')}
      </button>
      <button type="button" disabled={none} onClick={() => void save('xapi')}>
        {t('export.allXapi')}
      </button>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
