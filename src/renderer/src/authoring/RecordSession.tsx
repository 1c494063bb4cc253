import { recordedActions, withReference, withTest } from '@shared/authoring';
import type { AssessmentSummary } from '@shared/ipc';
import { type Scenario, type SessionLog, sessionLogOf } from '@shared/scenario';
import { scoreSession } from '@shared/scoring/scorer';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { type CuePlayer, createCuePlayer } from '../audio';
import { loadClip } from '../audio/load-clip';
import { ConsoleView } from '../console/ConsoleView';
import { PlaySession } from '../session/play-session';

/** What a recording becomes: the reference solution, or a new recorded test run. */
export type RecordKind = 'reference' | 'test';

/**
 * A session played in the console for recording only: the live director runs here, with a
 * journal that keeps nothing, so no assessment is stored and main grades nobody. Its end is
 * scored here for the trainer to see.
 */
function recordingSession(scenario: Scenario, player: CuePlayer | null): PlaySession {
  let session: PlaySession | null = null;
  session = new PlaySession({
    scenario,
    attemptId: `recording-${scenario.id}`,
    seed: scenario.reference.seed,
    mode: 'practice',
    player,
    journal: {
      append: async () => {},
      finish: async (attemptId): Promise<AssessmentSummary> => {
        const log = session === null ? null : sessionLogOf(session.getSnapshot().director);
        const result = log === null ? null : scoreSession(scenario, log).result;
        return {
          attemptId,
          scenarioId: scenario.id,
          scenarioTitle: scenario.title,
          trainee: 'recording',
          mode: 'practice',
          startedAt: new Date(0).toISOString(),
          raw: result?.raw ?? 0,
          max: result?.max ?? 0,
          scaled: result?.scaled ?? 0,
          passed: result?.passed ?? false,
        };
      },
    },
  });
  return session;
}

/** Recording a reference or test run in the console, then choosing what to keep. */
export function RecordSession(props: {
  readonly scenario: Scenario;
  /** The scenario file's value, as the library opened it: what is saved, with the recording in it. */
  readonly value: Readonly<Record<string, unknown>>;
  readonly kind: RecordKind;
  readonly onCancel: () => void;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation('authoring');
  const { scenario, kind } = props;
  const [session, setSession] = useState<PlaySession | null>(null);
  const [log, setLog] = useState<SessionLog | null>(null);
  const [round, setRound] = useState(0);
  const player = useRef<CuePlayer | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` starts the recording again
  useEffect(() => {
    if (player.current === null) {
      try {
        player.current = createCuePlayer({ loadClip });
      } catch {
        player.current = null; // no audio in this environment: captions only
      }
    }
    const next = recordingSession(scenario, player.current);
    const unsubscribe = next.subscribe(() => {
      if (next.getSnapshot().journal.state === 'finished') {
        setLog(sessionLogOf(next.getSnapshot().director));
      }
    });
    setLog(null);
    setSession(next);
    return () => {
      unsubscribe();
      next.dispose();
    };
  }, [scenario, round]);

  useEffect(
    () => () => {
      player.current?.dispose();
      player.current = null;
    },
    [],
  );
  useEffect(() => {
    if (log !== null) headingRef.current?.focus();
  }, [log]);

  const heading = kind === 'reference' ? t('record.headingReference') : t('record.headingTest');
  if (log === null) {
    // The console brings its own heading; the recording says what it is beside it.
    return (
      <div className="checks checks-record">
        <section className="checks-recording-banner" aria-label={heading}>
          <p>
            <strong>{heading}.</strong> {t('record.hint')}
          </p>
          <button type="button" onClick={props.onCancel}>
            {t('record.cancel')}
          </button>
        </section>
        {session !== null && (
          <ConsoleView key={`${round}`} session={session} onRestart={() => setRound((r) => r + 1)} />
        )}
      </div>
    );
  }
  return (
    <article className="checks checks-record" aria-labelledby="record-title">
      <h1 id="record-title" ref={headingRef} tabIndex={-1}>
        {heading}: {scenario.title}
      </h1>
      <RecordingReview {...props} log={log} />
    </article>
  );
}

function RecordingReview(props: {
  readonly scenario: Scenario;
  readonly value: Readonly<Record<string, unknown>>;
  readonly kind: RecordKind;
  readonly log: SessionLog;
  readonly onCancel: () => void;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation('authoring');
  const { scenario, kind, log } = props;
  const all = useMemo(() => recordedActions(scenario, log), [scenario, log]);
  const kept = useMemo(
    () => (kind === 'reference' ? recordedActions(scenario, log, { acceptedOnly: true }) : all),
    [scenario, log, kind, all],
  );
  const result = useMemo(() => scoreSession(scenario, log).result, [scenario, log]);
  const [mustPass, setMustPass] = useState(false);
  const [description, setDescription] = useState('');
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<ReadonlyArray<string> | null>(null);

  const save = () => {
    const value =
      kind === 'reference'
        ? withReference(props.value, kept, log.seed)
        : withTest(props.value, { actions: kept, seed: log.seed, passed: mustPass, description });
    setSaving(true);
    setProblems(null);
    callApi('scenarios:save', { id: scenario.id, value }).then(
      (answer) => {
        if (answer.status === 'saved') props.onSaved();
        else {
          setSaving(false);
          setProblems(
            answer.findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`),
          );
        }
      },
      (error: unknown) => {
        setSaving(false);
        setProblems([error instanceof Error ? error.message : String(error)]);
      },
    );
  };

  const dropped = all.length - kept.length;
  return (
    <section aria-label={t('record.done', { count: kept.length })}>
      <p role="status">
        {t('record.done', { count: kept.length })}{' '}
        {t('record.doneScore', {
          score: result.raw,
          max: result.max,
          outcome: result.passed ? t('dryRun.passed') : t('dryRun.failed'),
        })}
      </p>
      {dropped > 0 && <p>{t('record.refusedDropped', { count: dropped })}</p>}
      {kept.length === 0 && <p role="alert">{t('record.empty')}</p>}
      {kind === 'test' && (
        <>
          <fieldset>
            <legend>{t('record.expect')}</legend>
            <label>
              <input type="radio" name="expect" checked={mustPass} onChange={() => setMustPass(true)} />{' '}
              {t('record.mustPass')}
            </label>{' '}
            <label>
              <input type="radio" name="expect" checked={!mustPass} onChange={() => setMustPass(false)} />{' '}
              {t('record.mustFail')}
            </label>
          </fieldset>
          <p>
            <label>
              {t('record.description')}{' '}
              <input
                type="text"
                value={description}
                maxLength={200}
                onChange={(event) => setDescription(event.target.value)}
              />
            </label>
          </p>
        </>
      )}
      <div className="checks-actions">
        <button type="button" onClick={save} disabled={saving || kept.length === 0}>
          {saving
            ? t('record.saving')
            : kind === 'reference'
              ? t('record.saveReference')
              : t('record.saveTest')}
        </button>
        <button type="button" onClick={props.onCancel} disabled={saving}>
          {t('record.discard')}
        </button>
      </div>
      {problems !== null && (
        <div role="alert">
          <p>{t('record.invalid')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
