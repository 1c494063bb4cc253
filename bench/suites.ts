import { baselineSuite } from './baseline';
import { conferenceSuite } from './conference';
import { gradingSuite } from './grading';
import type { BenchSuite } from './harness';
import { replaySuite } from './replay';
import { resultsSuite } from './results';

/** The renderer suite, loaded by path: its page-side code is typechecked with the DOM library (tsconfig.test.json). */
const rendererSuite: BenchSuite = {
  name: 'renderer',
  run: async () => {
    const path = './renderer';
    const loaded = (await import(path)) as { rendererSuite: BenchSuite };
    return loaded.rendererSuite.run();
  },
};

/** Every benchmark suite `npm run bench` runs. Later issues add theirs here. */
export const suites: ReadonlyArray<BenchSuite> = [
  baselineSuite,
  conferenceSuite,
  gradingSuite,
  replaySuite,
  resultsSuite,
  rendererSuite,
];
