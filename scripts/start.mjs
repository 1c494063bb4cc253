// `npm start`: makes sure the Electron runtime is there (Electron 44+ downloads it on first
// start, not at install), then builds the app and opens it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(import.meta.dirname, '..', 'node_modules', 'electron');

function runtimeInstalled() {
  const pathFile = join(electronDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

if (!runtimeInstalled()) {
  process.stdout.write('Downloading the Electron runtime (once, on first start)…\n');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (download.status !== 0 || !runtimeInstalled()) {
    process.stderr.write(
      [
        '',
        'The Electron runtime could not be downloaded, so the app cannot open on this machine.',
        'It is fetched from GitHub on first start; check the internet connection or proxy, or set',
        'ELECTRON_MIRROR to a mirror you can reach, then run `npm start` again. Electron needs Node 22.12+.',
        'The tests do not need it: `npm test` runs the renderer in a system Chromium.',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const preview = spawnSync(join('node_modules', '.bin', 'electron-vite'), ['preview'], { stdio: 'inherit' });
process.exit(preview.status ?? 1);
