// Writes src/shared/ipc-names.ts: the channel and event names of the IPC contract, which the
// preload needs without the schemas. `--check` fails when the file is not current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ipcChannels, ipcEventNames } from '../src/shared/ipc';

const target = join(__dirname, '../src/shared/ipc-names.ts');
const LINE_WIDTH =
  (
    JSON.parse(readFileSync(join(__dirname, '../biome.json'), 'utf8')) as {
      formatter?: { lineWidth?: number };
    }
  ).formatter?.lineWidth ?? 80;
/** The array as the formatter writes it: on one line when it fits, else one name a line. */
const array = (declaration: string, names: ReadonlyArray<string>) => {
  const inline = `${declaration} = [${names.map((name) => `'${name}'`).join(', ')}] as const;`;
  if (inline.length <= LINE_WIDTH) return inline;
  return `${declaration} = [\n${names.map((name) => `  '${name}',\n`).join('')}] as const;`;
};
const text = `/**
 * The names of the IPC contract's channels and events, without their schemas: what the preload
 * script needs to build \`window.api\`, so that it does not bundle zod and every schema.
 * Written by \`npm run ipc-names\` from \`ipc.ts\`; \`npm test\` checks that it is current.
 */

/** The request channels, in the contract's declaration order. */
${array('export const IPC_CHANNEL_NAMES', ipcChannels)}

/** The main→renderer events, in the contract's declaration order. */
${array('export const IPC_EVENT_NAMES', ipcEventNames)}

/** The most records one \`session:append\` may carry. */
export const MAX_APPEND_RECORDS = 500;
`;

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    process.stderr.write('src/shared/ipc-names.ts is not current: run `npm run ipc-names`\n');
    process.exit(1);
  }
  process.stdout.write('src/shared/ipc-names.ts is current\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
