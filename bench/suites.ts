import { baselineSuite } from './baseline';
import { conferenceSuite } from './conference';
import { gradingSuite } from './grading';
import type { BenchSuite } from './harness';
import { resultsSuite } from './results';

/** Every benchmark suite `npm run bench` runs. Later issues add theirs here. */
export const suites: ReadonlyArray<BenchSuite> = [baselineSuite, conferenceSuite, gradingSuite, resultsSuite];
