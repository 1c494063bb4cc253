import type { AssessmentSummary, ScenarioSummary } from '@shared/ipc';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { useAsync } from '../useAsync';
import {
  filterChoices,
  filterScenarios,
  NO_FILTER,
  type PickerFilter,
  type ScenarioScores,
  scenarioScores,
} from './filter';
import { readTraineeName } from './trainee-name';
import './picker.css';

/** The scenario library as cards, with search and filters; choosing one opens its briefing. */
export function PickerView(props: { readonly onOpen: (scenarioId: string) => void }) {
  const { t } = useTranslation('picker');
  const library = useAsync(() =>
    Promise.all([
      callApi('scenarios:list'),
      callApi('assessments:list').catch(() => [] as AssessmentSummary[]),
    ]),
  );
  const [filter, setFilter] = useState<PickerFilter>(NO_FILTER);
  return (
    <section aria-labelledby="picker-title" aria-busy={library.status === 'loading'} className="picker">
      <h1 id="picker-title">{t('title')}</h1>
      {library.status === 'loading' && <p>{t('translation:app.loading')}</p>}
      {library.status === 'failed' && <p role="alert">{t('loadFailed', { message: library.message })}</p>}
      {library.status === 'ready' && library.value[0].length === 0 && (
        <p>{t('translation:scenarios.empty')}</p>
      )}
      {library.status === 'ready' && library.value[0].length > 0 && (
        <PickerBody
          scenarios={library.value[0]}
          assessments={library.value[1]}
          filter={filter}
          onFilter={setFilter}
          onOpen={props.onOpen}
        />
      )}
    </section>
  );
}

function PickerBody(props: {
  readonly scenarios: ReadonlyArray<ScenarioSummary>;
  readonly assessments: ReadonlyArray<AssessmentSummary>;
  readonly filter: PickerFilter;
  readonly onFilter: (filter: PickerFilter) => void;
  readonly onOpen: (scenarioId: string) => void;
}) {
  const { t } = useTranslation('picker');
  const choices = useMemo(() => filterChoices(props.scenarios), [props.scenarios]);
  const shown = filterScenarios(props.scenarios, props.filter);
  const scores = useMemo(() => scenarioScores(props.assessments, readTraineeName()), [props.assessments]);
  const set = (patch: Partial<PickerFilter>) => props.onFilter({ ...props.filter, ...patch });

  // Up and Down move between the cards' buttons, as in a list box.
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-card]')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next =
      buttons[Math.min(buttons.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
  };

  return (
    <>
      <search className="picker-filters" aria-label={t('filters')}>
        <label>
          {t('search')}
          <input
            type="search"
            value={props.filter.text}
            placeholder={t('searchPlaceholder')}
            onChange={(event) => set({ text: event.target.value })}
          />
        </label>
        <Choice label={t('mode')} value={props.filter.mode} onChange={(mode) => set({ mode })}>
          {choices.modes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`translation:mode.${mode}`)}
            </option>
          ))}
        </Choice>
        <Choice
          label={t('difficulty')}
          value={props.filter.difficulty}
          onChange={(difficulty) => set({ difficulty })}
        >
          {choices.difficulties.map((difficulty) => (
            <option key={difficulty} value={difficulty}>
              {t(`difficulties.${difficulty}`, { defaultValue: difficulty })}
            </option>
          ))}
        </Choice>
        <Choice
          label={t('language')}
          value={props.filter.language}
          onChange={(language) => set({ language })}
        >
          {choices.languages.map((language) => (
            <option key={language} value={language}>
              {t(`languages.${language}`, { defaultValue: language })}
            </option>
          ))}
        </Choice>
        <Choice label={t('tag')} value={props.filter.tag} onChange={(tag) => set({ tag })}>
          {choices.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </Choice>
      </search>
      <p role="status">{t('results', { count: shown.length })}</p>
      {shown.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="picker-cards" aria-label={t('title')} onKeyDown={onListKey}>
          {shown.map((scenario) => (
            <ScenarioCard
              key={`${scenario.source}:${scenario.id}`}
              scenario={scenario}
              scores={scores.get(scenario.id)}
              onOpen={props.onOpen}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function Choice(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly children: React.ReactNode;
}) {
  const { t } = useTranslation('picker');
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{t('any')}</option>
        {props.children}
      </select>
    </label>
  );
}

function ScenarioCard(props: {
  readonly scenario: ScenarioSummary;
  readonly scores: ScenarioScores | undefined;
  readonly onOpen: (scenarioId: string) => void;
}) {
  const { t } = useTranslation('picker');
  const { scenario } = props;
  const titleId = useId();
  return (
    <li className="picker-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{scenario.title}</h2>
      <p className="picker-meta">
        {t(`translation:mode.${scenario.mode}`)} · {t(`difficulties.${scenario.difficulty}`)} ·{' '}
        {t('minutes', { count: scenario.estimatedMinutes })} · {t(`languages.${scenario.language}`)} ·{' '}
        {t(`source.${scenario.source}`)}
      </p>
      {scenario.tags.length > 0 && (
        <ul className="picker-tags" aria-label={t('tag')}>
          {scenario.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <p className="picker-best">
        {props.scores === undefined
          ? t('neverPlayed')
          : t('scores', {
              best: Math.round(props.scores.best * 100),
              latest: Math.round(props.scores.latest * 100),
            })}
      </p>
      <button type="button" data-card onClick={() => props.onOpen(scenario.id)} aria-describedby={titleId}>
        {t('open')}
      </button>
    </li>
  );
}
