import { type DryRun, dryRun, type Previews, type SideBySide, type TestRunResult } from '@shared/authoring';
import type { Scenario, SessionLog } from '@shared/scenario';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildReplayModel } from '../replay/model';
import { ReplayPanel } from '../replay/ReplayPanel';
import { CriteriaList } from '../results/CriteriaList';
import { describeEffect, percent } from './format';

/** The replay timeline of a run's log, with its own cursor unless the caller moves it too. */
function RunTimeline(props: {
  readonly scenario: Scenario;
  readonly log: SessionLog;
  readonly label: string;
  /** The cursor, when the caller moves it too (the evidence of a criterion); else its own. */
  readonly cursor?: number;
  readonly onCursor?: (time: number) => void;
}) {
  const model = useMemo(() => buildReplayModel(props.scenario, props.log), [props.scenario, props.log]);
  const [own, setOwn] = useState(0);
  const cursor = props.cursor ?? own;
  return (
    <ReplayPanel
      model={model}
      label={props.label}
      cursor={Math.min(cursor, model.endTime)}
      onCursor={props.onCursor ?? setOwn}
    />
  );
}

/** Whether a feedback text still has `{placeholders}` for facts no run filled in. */
const hasPlaceholders = (text: string) => /\{[a-zA-Z]+\}/.test(text);

/** "Dry run": replays the reference at once and shows the score, the criteria and the timeline. */
export function DryRunSection(props: { readonly scenario: Scenario }) {
  const { t } = useTranslation('authoring');
  const [run, setRun] = useState<DryRun | null>(null);
  const [cursorKey, setCursorKey] = useState(0);
  const [cursor, setCursor] = useState(0);
  return (
    <section aria-labelledby="checks-dry-run" className="checks-section">
      <h2 id="checks-dry-run">{t('dryRun.heading')}</h2>
      <p>{t('dryRun.hint')}</p>
      <button
        type="button"
        onClick={() => {
          setRun(dryRun(props.scenario));
          setCursorKey((k) => k + 1);
          setCursor(0);
        }}
      >
        {run === null ? t('dryRun.run') : t('dryRun.again')}
      </button>
      {run !== null && run.result === null && (
        <p role="alert">{t('dryRun.unplayable', { message: run.error ?? '' })}</p>
      )}
      {run?.result != null && run.log !== null && (
        <div className="checks-dry-run-result">
          <p role="status" className={run.fullMarks ? 'checks-ready' : 'checks-not-ready'}>
            <strong>{t('dryRun.score', { score: run.score, max: run.max })}</strong>
            {' · '}
            {run.fullMarks ? t('dryRun.fullMarks') : t('dryRun.notFull')}
            {' · '}
            {run.passed ? t('dryRun.passed') : t('dryRun.failed')}
          </p>
          <RunTimeline
            key={cursorKey}
            scenario={props.scenario}
            log={run.log}
            cursor={cursor}
            onCursor={setCursor}
            label={t('dryRun.timeline', { scenario: props.scenario.title })}
          />
          <h3>{t('dryRun.criteria')}</h3>
          <CriteriaList criteria={run.result.criteria} evidenceHref={null} onEvidence={setCursor} />
        </div>
      )}
    </section>
  );
}

/** The recorded test runs with their last result and a replay of each. */
export function TestRunsSection(props: {
  readonly scenario: Scenario;
  readonly tests: ReadonlyArray<TestRunResult>;
}) {
  const { t } = useTranslation('authoring');
  const [shown, setShown] = useState<number | null>(null);
  const shownRun = shown === null ? undefined : props.tests[shown];
  return (
    <section aria-labelledby="checks-tests" className="checks-section">
      <h2 id="checks-tests">{t('tests.heading')}</h2>
      {props.tests.length === 0 ? (
        <p>{t('tests.none')}</p>
      ) : (
        <table className="checks-table">
          <thead>
            <tr>
              <th scope="col">{t('tests.id')}</th>
              <th scope="col">{t('tests.description')}</th>
              <th scope="col">{t('tests.expected')}</th>
              <th scope="col">{t('tests.result')}</th>
              <th scope="col">{t('tests.check')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tests.replay')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.tests.map((run) => {
              const result = run.run.result;
              return (
                <tr key={run.test.id}>
                  <th scope="row">{run.test.id}</th>
                  <td>{run.test.description}</td>
                  <td>{t(run.test.expect.passed ? 'verdict.pass' : 'verdict.fail')}</td>
                  <td>
                    {result === null
                      ? t('dash')
                      : t(result.passed ? 'verdict.passed' : 'verdict.failed', {
                          percent: percent(result.scaled),
                        })}
                  </td>
                  <td className={run.ok ? 'checks-ok' : 'checks-wrong'}>
                    {run.ok ? `✓ ${t('tests.ok')}` : `✗ ${t('tests.wrong')}`}
                  </td>
                  <td>
                    {run.run.log !== null && (
                      <button
                        type="button"
                        aria-label={t('tests.replayOf', { id: run.test.id })}
                        aria-expanded={shown === run.index}
                        onClick={() => setShown(shown === run.index ? null : run.index)}
                      >
                        {shown === run.index ? t('tests.hide') : t('tests.replay')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shownRun?.run.log != null && (
        <RunTimeline
          key={shownRun.test.id}
          scenario={props.scenario}
          log={shownRun.run.log}
          label={t('tests.timeline', { id: shownRun.test.id })}
        />
      )}
    </section>
  );
}

/** Caller IDs, participants, Contact Lens and the timeline of scripted steps. */
export function PreviewsSection(props: { readonly scenario: Scenario; readonly previews: Previews }) {
  const { t, i18n } = useTranslation('authoring');
  const language = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const { callerIds, participants, contactLens, steps } = props.previews;
  return (
    <section aria-labelledby="checks-previews" className="checks-section">
      <h2 id="checks-previews">{t('previews.heading')}</h2>
      <h3 id="checks-caller-ids">{t('previews.callerIds')}</h3>
      {callerIds.length === 0 ? (
        <p>{t('previews.noCallerIds')}</p>
      ) : (
        <table className="checks-table" aria-labelledby="checks-caller-ids">
          <thead>
            <tr>
              <th scope="col">{t('previews.party')}</th>
              <th scope="col">{t('previews.route')}</th>
              <th scope="col">{t('previews.shown')}</th>
              <th scope="col">{t('previews.rule')}</th>
              <th scope="col">{t('previews.warnings')}</th>
            </tr>
          </thead>
          <tbody>
            {callerIds.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a party may be added more than once
              <tr key={i}>
                <th scope="row">
                  {c.party?.name ?? t('previews.block', { name: c.block ?? '' })}
                  {c.at !== null && <span className="checks-muted"> {t('previews.at', { time: c.at })}</span>}
                </th>
                <td>{t(`previews.method.${c.method}`, { route: c.route })}</td>
                <td>
                  {c.problem !== null
                    ? t('previews.unresolved', { problem: c.problem })
                    : `${c.number ?? t('previews.noNumber')}${c.name === null ? '' : ` (${c.name})`}`}
                  {c.explanation !== null && <div className="checks-muted">{c.explanation[language]}</div>}
                </td>
                <td className="checks-rule">{c.rule ?? t('dash')}</td>
                <td>
                  {c.warnings.length === 0 ? (
                    t('previews.none')
                  ) : (
                    <ul>
                      {c.warnings.map((w) => (
                        <li key={`${w.rule}:${w.explanation.en}`} className="checks-warning">
                          {w.rule}: {w.explanation[language]}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('previews.participants')}</h3>
      <p>
        {t('previews.participantsText', {
          peak: participants.peak ?? t('dash'),
          mode: t(`previews.mode.${participants.mode}`),
          limit: participants.limit,
          joining: participants.joining,
        })}
      </p>
      {participants.joining > participants.limit && (
        <p className="checks-warning">{t('previews.participantsOver')}</p>
      )}
      <h3>{t('previews.contactLens')}</h3>
      {contactLens.length === 0 ? (
        <p>{t('previews.contactLensOk')}</p>
      ) : (
        <ul>
          {contactLens.map((f) => (
            <li key={f.message} className="checks-warning">
              {f.rule}: {f.message}
            </li>
          ))}
        </ul>
      )}
      <h3 id="checks-steps">{t('previews.steps')}</h3>
      <table className="checks-table" aria-labelledby="checks-steps">
        <thead>
          <tr>
            <th scope="col">{t('previews.firesAt')}</th>
            <th scope="col">{t('previews.step')}</th>
            <th scope="col">{t('previews.effects')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.id}>
              <td>
                {s.firedAt.length === 0
                  ? t('previews.never')
                  : s.firedAt.map((time) => t('previews.seconds', { time })).join(', ')}
              </td>
              <th scope="row">
                <code>{s.id}</code>
              </th>
              <td>
                <ul className="checks-effects">
                  {s.effects.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: effects are listed in their fixed order
                    <li key={i}>{describeEffect(t, e)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Hold tolerances next to hold criteria, weights next to the pass mark, feedback for each way. */
export function SideBySideSection(props: { readonly side: SideBySide }) {
  const { t } = useTranslation('authoring');
  const { holds, weights, feedback } = props.side;
  const seconds = (value: number | null) => (value === null ? t('dash') : t('seconds', { value }));
  return (
    <section aria-labelledby="checks-side" className="checks-section">
      <h2 id="checks-side">{t('side.heading')}</h2>
      <h3 id="checks-holds">{t('side.holds')}</h3>
      {holds.tolerances.length === 0 && holds.limits.length === 0 ? (
        <p>{t('side.noHolds')}</p>
      ) : (
        <div className="checks-pair">
          <table className="checks-table" aria-label={t('side.holds')}>
            <thead>
              <tr>
                <th scope="col">{t('side.tolerance')}</th>
                <th scope="col">{t('side.complainAfter')}</th>
                <th scope="col">{t('side.hangUpAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {holds.tolerances.map((h) => (
                <tr key={h.party}>
                  <th scope="row">{h.name}</th>
                  <td>{seconds(h.complainAfter)}</td>
                  <td>{seconds(h.hangUpAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="checks-table" aria-label={t('side.criterion')}>
            <thead>
              <tr>
                <th scope="col">{t('side.criterion')}</th>
                <th scope="col">{t('side.watches')}</th>
                <th scope="col">{t('side.stretch')}</th>
                <th scope="col">{t('side.total')}</th>
              </tr>
            </thead>
            <tbody>
              {holds.limits.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.title}
                    {l.mismatches.map((m) => (
                      <div key={`${m.kind}:${m.name}`} className="checks-warning">
                        {m.kind === 'hangs-up-first'
                          ? t('side.hangsUpFirst', {
                              name: m.name,
                              hangUpAfter: m.hangUpAfter,
                              limit: m.limit,
                            })
                          : t('side.complainsFirst', {
                              name: m.name,
                              complainAfter: m.complainAfter,
                              limit: m.limit,
                            })}
                      </div>
                    ))}
                  </th>
                  <td>{l.party ?? t('side.everyone')}</td>
                  <td>
                    {l.stretchFromTolerance
                      ? l.maxStretchSeconds === null
                        ? t('side.eachTolerance')
                        : t('side.fromTolerance', { time: l.maxStretchSeconds })
                      : seconds(l.maxStretchSeconds)}
                  </td>
                  <td>{seconds(l.maxTotalSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="checks-weights">{t('side.weights')}</h3>
      <p>
        {t('side.passMark', {
          percent: percent(weights.passMark),
          total: weights.total,
          points: weights.passPoints,
        })}
      </p>
      <table className="checks-table" aria-labelledby="checks-weights">
        <thead>
          <tr>
            <th scope="col">{t('side.criterion')}</th>
            <th scope="col">{t('side.weight')}</th>
            <th scope="col">{t('side.share')}</th>
            <th scope="col">{t('side.required')}</th>
          </tr>
        </thead>
        <tbody>
          {weights.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.title}</th>
              <td>{r.weight}</td>
              <td>{percent(r.share)}</td>
              <td>{r.required ? t('side.yes') : t('side.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {weights.couldPassWithout.length === 0 ? (
        <p>{t('side.noneOptional')}</p>
      ) : (
        <ul className="checks-could-pass">
          {weights.couldPassWithout.map((title) => (
            <li key={title} className="checks-warning">
              {t('side.couldPassWithout', { title })}
            </li>
          ))}
        </ul>
      )}
      <h3 id="checks-feedback">{t('side.feedback')}</h3>
      <p className="checks-muted">{t('side.language', { language: props.side.language })}</p>
      <table className="checks-table checks-feedback" aria-labelledby="checks-feedback">
        <thead>
          <tr>
            <th scope="col">{t('side.criterion')}</th>
            <th scope="col">{t('side.met')}</th>
            <th scope="col">{t('side.notMet')}</th>
            <th scope="col">{t('side.notReached')}</th>
          </tr>
        </thead>
        <tbody>
          {feedback.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.title}</th>
              <td lang={props.side.language}>{f.met}</td>
              <td lang={props.side.language}>
                {f.notMet}
                {hasPlaceholders(f.notMet) && <div className="checks-muted">{t('side.placeholders')}</div>}
              </td>
              <td lang={props.side.language}>{f.notReached ?? t('side.defaultText')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
