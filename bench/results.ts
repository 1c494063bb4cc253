import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  actionsToInputs,
  runSession,
  type Scenario,
  ScenarioSchema,
  type TimedAction,
} from '../src/shared/scenario';
import type { Assessment } from '../src/shared/scoring/assessment';
import { createAssessment } from '../src/shared/scoring/grade';
import type { BenchSuite, Figure } from './harness';
import { percentile } from './harness';

// The renderer's components import their style sheets; in Node a style sheet is nothing.
(require as unknown as { extensions: Record<string, unknown> }).extensions['.css'] = () => undefined;

const mortgage: Scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '../resources/scenarios/mortgage-closing.json'), 'utf8')),
);

const MISTAKES: ReadonlyArray<TimedAction> = [
  { at: 3, action: 'accept' },
  { at: 20, action: 'add', target: 'broker', via: { quickConnect: 'Brooks Mortgage Brokers' } },
  { at: 21, action: 'join' },
  { at: 40, action: 'join' },
  { at: 62, action: 'add', target: 'spouse', via: { numberPad: '+13125550163' } },
  { at: 84, action: 'join' },
  { at: 104, action: 'add', target: 'translator', via: { quickConnect: 'Spanish interpreter line' } },
  { at: 113, action: 'join' },
  { at: 214, action: 'leave' },
  { at: 218, action: 'clear' },
];

function assessmentOf(index: number, actions: ReadonlyArray<TimedAction>): Assessment {
  return createAssessment({
    scenario: mortgage,
    log: runSession(mortgage, mortgage.reference.seed, actionsToInputs(actions)).log,
    trainee: { name: `Trainee ${index}` },
    attemptId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    mode: 'assessment',
    startedAt: new Date(Date.UTC(2026, 10, 1) + index * 60_000).toISOString(),
    app: { name: 'bench', version: '0' },
  });
}

async function i18nInstance() {
  const i18next = require('i18next') as typeof import('i18next').default;
  const { en } = await import('../src/renderer/src/locales/en');
  const { en: results } = await import('../src/renderer/src/results/locales/en');
  const { en: replay } = await import('../src/renderer/src/replay/locales/en');
  const { en: overview } = await import('../src/renderer/src/overview/locales/en');
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en, results, replay, overview } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return instance;
}

// biome-ignore lint/suspicious/noExplicitAny: components are loaded by path, untyped here.
type Component = (props: any) => unknown;
interface Row {
  readonly key: string;
  readonly source: 'imported';
  readonly file: string;
  readonly assessment: Assessment;
  readonly check: unknown;
}
interface Stats {
  readonly sortAndFilter: (rows: Row[], filter: object, key: string, direction: string) => Row[];
  readonly byScenario: (rows: Row[]) => ReadonlyArray<{ id: string; title: string; rows: Row[] }>;
}

function median(runs: ReadonlyArray<number>): number {
  return percentile(runs, 50);
}

async function timeAsync(fn: () => Promise<unknown> | unknown, iterations: number): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * The results screen with its replay timeline for the mortgage closing, rendered to HTML (the
 * replay model is rebuilt from the log each time), and the class overview for 200 assessment
 * files: main's import (parse, schema check, re-grade) plus the table and charts rendered.
 */
export const resultsSuite: BenchSuite = {
  name: 'results',
  run: async () => {
    // React as the app ships it (the production build), not its development checks.
    process.env.NODE_ENV = 'production';
    // One copy of React and react-i18next for the bench and the components: both through require.
    const React = require('react') as typeof import('react');
    const { createElement } = React;
    (globalThis as { React?: unknown }).React = React; // tsx compiles JSX with the classic runtime here
    const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
    const { I18nextProvider } = require('react-i18next') as typeof import('react-i18next');
    // The renderer's modules are loaded by path: this bench is typed without the DOM library.
    const renderer = (path: string) => require(join(__dirname, '../src/renderer/src', path));
    const { AssessmentResults } = renderer('results/AssessmentResults') as { AssessmentResults: Component };
    const { OverviewTable } = renderer('overview/OverviewTable') as { OverviewTable: Component };
    const { CriterionRateChart, ScoreDistributionChart } = renderer('overview/Charts') as Record<
      string,
      Component
    >;
    const { byScenario, sortAndFilter } = renderer('overview/stats') as Stats;
    const { importAssessmentTexts } = await import('../src/main/assessment-check');
    const i18n = await i18nInstance();
    const wrap = (element: ReturnType<typeof createElement>) =>
      createElement(I18nextProvider, { i18n }, element);

    const figures: Figure[] = [];
    const reference = assessmentOf(0, mortgage.reference.actions);
    const resultsRuns = await timeAsync(
      () =>
        renderToString(
          wrap(
            createElement(AssessmentResults as never, {
              assessment: reference,
              check: null,
              scenario: mortgage,
            }),
          ),
        ),
      20,
    );
    const resultsMs = median(resultsRuns);
    figures.push({
      name: 'results screen + timeline of the mortgage closing, rendered (median of 20)',
      value: resultsMs,
      unit: 'ms',
      budget: { limit: 100, within: resultsMs < 100, text: '< 100 ms' },
    });

    const find = async (id: string, hash?: string) =>
      id === mortgage.id && (hash === undefined || hash === reference.scenario.hash) ? mortgage : undefined;
    const overviewLoad = async (count: number) => {
      const texts = Array.from({ length: count }, (_, i) => ({
        name: `a${i}.json`,
        text: JSON.stringify(assessmentOf(i, i % 3 === 0 ? MISTAKES : mortgage.reference.actions)),
      }));
      let importMs = 0;
      const runs = await timeAsync(async () => {
        const started = performance.now();
        const imported = await importAssessmentTexts(texts, find);
        importMs = performance.now() - started;
        const rows = structuredClone(imported).flatMap((file, i) =>
          file.ok
            ? [
                {
                  key: String(i),
                  source: 'imported' as const,
                  file: file.name,
                  assessment: file.assessment,
                  check: file.check,
                },
              ]
            : [],
        );
        const sorted = sortAndFilter(rows, { text: '', scenarioId: '', check: '' }, 'date', 'descending');
        renderToString(
          wrap(
            createElement(
              'div',
              null,
              createElement(OverviewTable as never, {
                rows: sorted,
                sortKey: 'date',
                direction: 'descending',
                onSort: () => undefined,
                onOpen: () => undefined,
                selected: null,
              }),
              ...byScenario(sorted).map((group) => [
                createElement(CriterionRateChart as never, {
                  key: `r${group.id}`,
                  title: group.title,
                  rows: group.rows,
                }),
                createElement(ScoreDistributionChart as never, {
                  key: `d${group.id}`,
                  title: group.title,
                  rows: group.rows,
                }),
              ]),
            ),
          ),
        );
      }, 3);
      return { total: median(runs), importMs };
    };
    const hundred = await overviewLoad(100);
    const twoHundred = await overviewLoad(200);
    const fourHundred = await overviewLoad(400);
    figures.push({
      name: 'class overview: import, re-grade and render 200 assessment files (median of 3)',
      value: twoHundred.total,
      unit: 'ms',
      budget: { limit: 1000, within: twoHundred.total < 1000, text: '< 1000 ms' },
    });
    figures.push({
      name: 'class overview: of which main reads and re-grades 200 files',
      value: twoHundred.importMs,
      unit: 'ms',
    });
    figures.push({ name: 'class overview: 100 files', value: hundred.total, unit: 'ms' });
    const ratio = fourHundred.total / twoHundred.total;
    figures.push({
      name: 'class overview: 400 files / 200 files',
      value: ratio,
      unit: '×',
      budget: { limit: 2.4, within: ratio < 2.4, text: '< 2.4 (linear)' },
    });
    return figures;
  },
};
