import { baselineSuite } from './baseline';
import { conferenceSuite } from './conference';
import { gradingSuite } from './grading';
import type { BenchSuite } from './harness';
import { replaySuite } from './replay';

/** Every benchmark suite `npm run bench` runs. Later issues add theirs here. */
export const suites: ReadonlyArray<BenchSuite> = [baselineSuite, conferenceSuite, gradingSuite, replaySuite];
