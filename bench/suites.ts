import type { BenchSuite } from './harness';
import { baselineSuite } from './baseline';

/** Every benchmark suite `npm run bench` runs. Later issues add theirs here. */
export const suites: ReadonlyArray<BenchSuite> = [baselineSuite];
