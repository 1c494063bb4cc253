import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the app once before the end-to-end tests, so they test what `npm run build` makes. */
export default function setup(): void {
  const root = join(__dirname, '../..');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `e2e: "electron-vite build" failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  process.stdout.write(`e2e: built the app in ${Date.now() - started} ms\n`);
}
