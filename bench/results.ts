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
import { generateKeyPair, signDocument } from '../src/shared/scoring/signature';
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
/** One imported file as main answers it. */
type Imported =
  | { ok: true; name: string; assessment: Assessment; check: unknown }
  | { ok: false; name: string; error: string };
interface Stats {
  readonly sortAndFilter: (rows: Row[], filter: object, key: string, direction: string) => Row[];
  /** Absent before the overview showed signatures. */
  readonly judgeRows?: (rows: Row[], view: unknown) => Row[];
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
 * replay model is rebuilt from the log each time), and the class overview for 50, 100 and 200
 * assessment files, most of them signed: main's import (parse, schema check, signature,
 * re-grade), the copy across the bridge, the table and charts rendered; the time per file says
 * whether it stays linear.
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
    const { byScenario, sortAndFilter, judgeRows } = renderer('overview/stats') as Stats;
    const check = (await import('../src/main/assessment-check')) as {
      importAssessmentTexts: (
        files: ReadonlyArray<{ name: string; text: string }>,
        find: (id: string, hash?: string) => Promise<Scenario | undefined>,
      ) => Promise<ReadonlyArray<Imported>>;
      AssessmentChecker?: new (
        find: (id: string, hash?: string) => Promise<Scenario | undefined>,
      ) => {
        importTexts: (
          files: ReadonlyArray<{ name: string; text: string }>,
        ) => Promise<ReadonlyArray<Imported>>;
      };
    };
    const { importAssessmentTexts, AssessmentChecker } = check;
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
    // A class as a trainer gets it: most files signed on lab machines, a few unsigned, a third with mistakes.
    const labs = [generateKeyPair(), generateKeyPair(), generateKeyPair()];
    const classFiles = (count: number) =>
      Array.from({ length: count }, (_, i) => {
        const assessment = assessmentOf(i, i % 3 === 0 ? MISTAKES : mortgage.reference.actions);
        const lab = labs[i % 4];
        return {
          name: `a${i}.json`,
          text: JSON.stringify(lab === undefined ? assessment : signDocument(assessment, lab)),
        };
      });
    const trust = judgeRows
      ? {
          own: { publicKey: labs[0]?.publicKey, keyId: '' },
          keys: [{ publicKey: labs[1]?.publicKey, label: 'Lab 1' }],
        }
      : null;
    /** Main's import (parse, schema, signature, re-grade), the bridge's copy, the table and charts rendered. */
    const overviewLoad = async (
      texts: ReadonlyArray<{ name: string; text: string }>,
      importFiles: (files: ReadonlyArray<{ name: string; text: string }>) => Promise<ReadonlyArray<Imported>>,
    ) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const imported = await importFiles(texts);
      const importMs = performance.now() - started;
      const plain = structuredClone(imported).flatMap((file, i) =>
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
      const rows = judgeRows ? judgeRows(plain, trust) : plain;
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
              onTrust: async () => true,
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
      const used = process.cpuUsage(cpu);
      return { total: performance.now() - started, importMs, cpuMs: (used.user + used.system) / 1000 };
    };
    /** A class opened for the first time: nothing remembered (median of 3). */
    const cold = async (count: number) => {
      const texts = classFiles(count);
      const runs: Array<{ total: number; importMs: number; cpuMs: number }> = [];
      for (let i = 0; i < 3; i++)
        runs.push(await overviewLoad(texts, (files) => importAssessmentTexts(files, find)));
      const measured = runs;
      return {
        total: median(measured.map((run) => run.total)),
        importMs: median(measured.map((run) => run.importMs)),
        cpuMs: median(measured.map((run) => run.cpuMs)),
      };
    };
    // The code warmed up once on a whole class, so that the smallest class does not pay for it.
    await overviewLoad(classFiles(200), (files) => importAssessmentTexts(files, find));
    const sizes = [50, 100, 200] as const;
    const loads = new Map<number, { total: number; importMs: number; cpuMs: number }>();
    for (const size of sizes) loads.set(size, await cold(size));
    for (const size of sizes) {
      const load = loads.get(size) as { total: number; importMs: number; cpuMs: number };
      figures.push({
        name: `class overview, ${size} files opened first: import, re-grade, check signatures, render (median of 3)`,
        value: load.total,
        unit: 'ms',
        ...(size === 200 ? { budget: { limit: 1000, within: load.total < 1000, text: '< 1000 ms' } } : {}),
      });
      figures.push({
        name: `class overview, ${size} files: of which main's import`,
        value: load.importMs,
        unit: 'ms',
      });
      // The processor time of this process: what the load of a shared machine does not inflate.
      figures.push({ name: `class overview, ${size} files: processor time`, value: load.cpuMs, unit: 'ms' });
      figures.push({ name: `class overview, ${size} files: per file`, value: load.total / size, unit: 'ms' });
    }
    const perFile = (size: number) => (loads.get(size)?.total ?? Number.NaN) / size;
    const ratio = perFile(200) / perFile(50);
    figures.push({
      name: 'class overview: time per file at 200 files / at 50 files',
      value: ratio,
      unit: '×',
      budget: { limit: 1.5, within: ratio < 1.5, text: '< 1.5 (linear)' },
    });
    if (AssessmentChecker) {
      // The same class opened again (or a stored assessment listed, then shown): re-gradings remembered.
      const checker = new AssessmentChecker(find);
      const texts = classFiles(200);
      await checker.importTexts(texts);
      const again = await overviewLoad(texts, (files) => checker.importTexts(files));
      figures.push({
        name: 'class overview, 200 files opened again (remembered by content hash)',
        value: again.total,
        unit: 'ms',
      });
    }
    return figures;
  },
};
