// The start-up of the built CLI (out/cli/index.js, `npm run build` or scripts/build-cli.mjs):
// the median wall time of `cct --version` and of one `cct caller-id <fixture>`, against
// `node -e 0` on the same machine. Target: under 200 ms above node's own start, printed as a ratio.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const cli = join(root, 'out/cli/index.js');
if (!existsSync(cli)) throw new Error('out/cli/index.js is missing: run node scripts/build-cli.mjs first');

function median(args: ReadonlyArray<string>, runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const node = median(['-e', '0']);
const version = median([cli, '--version']);
const callerId = median([cli, 'caller-id', join(root, 'test/fixtures/caller-id/au-block-pass-through.json')]);
for (const [name, ms] of [
  ['cct --version', version],
  ['cct caller-id <fixture>', callerId],
] as const) {
  process.stdout.write(
    `${name.padEnd(26)} ${ms.toFixed(0).padStart(5)} ms  node -e 0 ${node.toFixed(0)} ms  ratio ${(ms / node).toFixed(2)}  above node ${(ms - node).toFixed(0)} ms (target < 200 ms)\n`,
  );
}
