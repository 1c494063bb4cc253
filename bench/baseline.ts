import type { BenchSuite } from './harness';
import { percentile, timeRuns } from './harness';

/**
 * A fixed piece of work measured in every run, so that the other figures can be read as
 * ratios against this machine's speed at the time of the run.
 */
export const baselineSuite: BenchSuite = {
  name: 'baseline',
  run: () => {
    const work = () => {
      const items = Array.from({ length: 10_000 }, (_, i) => ({ id: i, key: `k${(i * 7919) % 10_000}` }));
      items.sort((a, b) => a.key.localeCompare(b.key));
      JSON.parse(JSON.stringify(items));
    };
    const times = timeRuns(work, 30);
    return [
      { name: 'sort+JSON round trip of 10,000 objects, median', value: percentile(times, 50), unit: 'ms' },
    ];
  },
};
