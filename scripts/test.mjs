// The one command CI runs: lint and format check, typecheck, the generated JSON Schemas and the
// synthesised cue sounds being current, then every vitest project
// (unit, main, dom, streams, e2e). The last line is `N passed, N failed`, where each static check
// counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => `node_modules/.bin/${name}`;

const steps = [
  { name: 'lint and format (biome check)', command: bin('biome'), args: ['check', '.'] },
  { name: 'typecheck (node)', command: bin('tsc'), args: ['-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (web)', command: bin('tsc'), args: ['-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'typecheck (tests)', command: bin('tsc'), args: ['-p', 'tsconfig.test.json', '--noEmit'] },
  { name: 'JSON Schemas are current', command: bin('tsx'), args: ['scripts/generate-schemas.ts', '--check'] },
  {
    name: 'IPC channel names are current',
    command: bin('tsx'),
    args: ['scripts/generate-ipc-names.ts', '--check'],
  },
  { name: 'cue sounds are current', command: bin('tsx'), args: ['scripts/synth-audio.ts', '--check'] },
];

let passed = 0;
let failed = 0;
for (const step of steps) {
  process.stdout.write(`\n== ${step.name}\n`);
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env });
  if (result.status === 0) {
    passed++;
    process.stdout.write(`== ${step.name}: passed\n`);
  } else {
    failed++;
    process.stdout.write(`== ${step.name}: FAILED (exit ${result.status ?? result.signal})\n`);
  }
}

process.stdout.write('\n== tests (vitest: unit, main, dom, streams, e2e)\n');
rmSync('.vitest-summary.json', { force: true });
const tests = spawnSync(bin('vitest'), ['run', ...process.argv.slice(2)], { stdio: 'inherit', env });
if (existsSync('.vitest-summary.json')) {
  const summary = JSON.parse(readFileSync('.vitest-summary.json', 'utf8'));
  passed += summary.passed;
  failed += summary.failed;
  rmSync('.vitest-summary.json', { force: true });
  if (tests.status !== 0 && summary.failed === 0) failed++;
} else {
  // vitest stopped before its reporter ran (a config or global-setup error).
  failed++;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
