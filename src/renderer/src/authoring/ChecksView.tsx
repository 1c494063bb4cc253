import {
  checkableScenario,
  type Previews,
  previews,
  type Readiness,
  readiness,
  type SideBySide,
  sideBySide,
} from '@shared/authoring';
import type { OpenedScenarioSchema } from '@shared/library-contract';
import type { Scenario } from '@shared/scenario';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { callApi } from '../api';
import { useHashTarget } from '../results/useHashTarget';
import { checksHash } from '../routes';
import './authoring.css';
import { addAuthoringText } from './bundles';
import { describeBlocker } from './format';
import { type RecordKind, RecordSession } from './RecordSession';
import { DryRunSection, PreviewsSection, SideBySideSection, TestRunsSection } from './Sections';

type Opened = z.infer<typeof OpenedScenarioSchema>;

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly opened: Opened };

/** Everything the checks screen shows of one scenario, computed at once. */
interface Checks {
  readonly readiness: Readiness;
  readonly previews: Previews;
  readonly side: SideBySide;
}

function computeChecks(scenario: Scenario): Checks {
  const checked = readiness(scenario);
  return {
    readiness: checked,
    previews: previews(scenario, checked.reference),
    side: sideBySide(scenario, checked),
  };
}

/** The checks screen the location hash names (`#/checks/<scenarioId>`). */
export function ChecksRoute() {
  const { i18n } = useTranslation();
  addAuthoringText(i18n);
  const { t } = useTranslation('authoring');
  const { id } = useHashTarget();
  if (id === null) return <p>{t('noScenario')}</p>;
  return <ChecksView key={id} scenarioId={id} />;
}

/**
 * Whether a scenario is solvable and ready, shown: readiness and what stands in the way, the dry
 * run of the reference, the recorded test runs, previews and the side-by-side panel; for a user
 * scenario, recording a reference or a test run in the console.
 */
export function ChecksView(props: { readonly scenarioId: string }) {
  const { i18n } = useTranslation();
  addAuthoringText(i18n);
  const { t } = useTranslation('authoring');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [recording, setRecording] = useState<RecordKind | null>(null);
  // The saved notice is kept as a key, so it follows a change of language; an error as its text.
  const [notice, setNotice] = useState<{ readonly saved: true } | { readonly error: string } | null>(null);
  const [duplicating, setDuplicating] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for a reload after a save
  useEffect(() => {
    let live = true;
    callApi('scenarios:open', { id: props.scenarioId }).then(
      (opened) => live && setLoaded({ status: 'ready', opened }),
      (error: unknown) =>
        live &&
        setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [props.scenarioId, version]);

  const opened = loaded.status === 'ready' ? loaded.opened : null;
  const checkable = useMemo(() => (opened === null ? null : checkableScenario(opened.value)), [opened]);
  const scenario = checkable?.ok === true ? checkable.scenario : null;
  const checks = useMemo(() => (scenario === null ? null : computeChecks(scenario)), [scenario]);

  if (loaded.status === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (loaded.status === 'failed') return <p role="alert">{t('loadFailed', { message: loaded.message })}</p>;
  const { opened: file } = loaded;

  if (scenario !== null && recording !== null && !file.readOnly) {
    return (
      <RecordSession
        scenario={scenario}
        value={file.value as Record<string, unknown>}
        kind={recording}
        onCancel={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          setNotice({ saved: true });
          setVersion((v) => v + 1);
        }}
      />
    );
  }

  const duplicate = () => {
    setDuplicating(true);
    callApi('scenarios:duplicate', { id: file.id }).then(
      (copy) => {
        window.location.hash = checksHash(copy.id);
      },
      (error: unknown) => {
        setDuplicating(false);
        setNotice({ error: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  return (
    <article className="checks" aria-labelledby="checks-title">
      <h1 id="checks-title">{t('title', { title: file.title })}</h1>
      <p className="checks-links">
        <a href="#/library">{t('library')}</a>
        {!file.readOnly && (
          <>
            {' · '}
            <a href={`#/edit/${encodeURIComponent(file.id)}`}>{t('edit')}</a>
          </>
        )}
      </p>
      <div className="checks-actions">
        {file.readOnly ? (
          <>
            <p>{t('bundled')}</p>
            <button type="button" onClick={duplicate} disabled={duplicating}>
              {duplicating ? t('duplicating') : t('duplicate')}
            </button>
          </>
        ) : (
          scenario !== null && (
            <>
              <button
                type="button"
                onClick={() => {
                  setNotice(null);
                  setRecording('reference');
                }}
              >
                {t('record.reference')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setNotice(null);
                  setRecording('test');
                }}
              >
                {t('record.test')}
              </button>
            </>
          )
        )}
      </div>
      <p aria-live="polite" className="checks-notice">
        {notice === null ? null : 'saved' in notice ? t('record.saved') : notice.error}
      </p>
      {checkable?.ok === false && (
        <section aria-labelledby="checks-unreadable">
          <h2 id="checks-unreadable">{t('readiness.heading')}</h2>
          <p role="alert">{t('unreadable')}</p>
          <ul>
            {checkable.findings.map((f) => (
              <li key={`${f.path}:${f.message}`}>
                <code>{f.path}</code>: {f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {scenario !== null && checks !== null && (
        <>
          <section aria-labelledby="checks-readiness" className="checks-readiness">
            <h2 id="checks-readiness">{t('readiness.heading')}</h2>
            <p role="status" className={checks.readiness.ready ? 'checks-ready' : 'checks-not-ready'}>
              {checks.readiness.ready
                ? t('readiness.ready')
                : t('readiness.notReady', { count: checks.readiness.blockers.length })}
            </p>
            {checks.readiness.blockers.length > 0 && (
              <ul aria-label={t('readiness.heading')}>
                {checks.readiness.blockers.map((b) => (
                  <li key={b.message}>{describeBlocker(t, b)}</li>
                ))}
              </ul>
            )}
          </section>
          <DryRunSection scenario={scenario} />
          <TestRunsSection scenario={scenario} tests={checks.readiness.tests} />
          <PreviewsSection scenario={scenario} previews={checks.previews} />
          <SideBySideSection side={checks.side} />
        </>
      )}
    </article>
  );
}
