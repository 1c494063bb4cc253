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

/** What the end-to-end suite can run on, and how it learns it (injected for tests). */
export interface RuntimeProbe {
  /** A Chromium's path, or null when none is installed. */
  readonly chromium: () => string | null;
  /** Whether the Electron runtime has been downloaded. */
  readonly electronInstalled: () => boolean;
  /** Downloads the Electron runtime as `npm start` does; true when it worked. */
  readonly downloadElectron: () => boolean;
  readonly log: (line: string) => void;
}

/**
 * Makes sure the suite has something to run on: a Chromium, or the Electron runtime. With
 * neither, it first fetches the Electron runtime the way `npm start` does (a machine with
 * internet and no Chromium then runs the suite against Electron); only when that fails too does
 * it fail, with the install advice.
 */
export function ensureE2eRuntime(probe: RuntimeProbe): 'chromium' | 'electron' {
  if (probe.electronInstalled()) return 'electron';
  if (probe.chromium() !== null) return 'chromium';
  probe.log('e2e: no Chromium and no Electron runtime; fetching the Electron runtime as `npm start` does');
  if (probe.downloadElectron() && probe.electronInstalled()) return 'electron';
  throw new Error(`${NO_BROWSER_MESSAGE}\nFetching the Electron runtime failed too (see above).`);
}
