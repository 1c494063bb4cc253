import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureE2eRuntime, findChromium } from './support/browser';
import { electronRuntimeInstalled } from './support/launch';

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
  if (process.env.E2E_TARGET) return;
  const target = ensureE2eRuntime({
    chromium: () => {
      try {
        return findChromium();
      } catch {
        return null;
      }
    },
    electronInstalled: electronRuntimeInstalled,
    downloadElectron: () =>
      spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { stdio: 'inherit' })
        .status === 0,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`e2e: running on ${target}\n`);
}
