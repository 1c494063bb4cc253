import { existsSync } from 'node:fs';

/** Where a Chromium or Chrome is usually installed, after $CHROMIUM_PATH. */
export const USUAL_BROWSER_PATHS: ReadonlyArray<string> = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The message the end-to-end suite fails with when it finds no browser. */
export const NO_BROWSER_MESSAGE = [
  'No Chromium was found for the end-to-end tests, and no Electron runtime is installed.',
  'Install one: on Debian or Ubuntu, `sudo apt-get install -y chromium`;',
  'elsewhere, install Chromium or Google Chrome, or set CHROMIUM_PATH to its executable.',
  `Looked in: $CHROMIUM_PATH, ${USUAL_BROWSER_PATHS.join(', ')}.`,
].join('\n');

/** Finds a browser: $CHROMIUM_PATH, then the usual paths. Throws with install advice if none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.\n${NO_BROWSER_MESSAGE}`);
  }
  const found = USUAL_BROWSER_PATHS.find((path) => exists(path));
  if (!found) throw new Error(NO_BROWSER_MESSAGE);
  return found;
}

/** The flags Chromium needs on a closed network and as root in CI. */
export const CHROMIUM_ARGS: ReadonlyArray<string> = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
