import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './main';

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
  name: string;
  version: string;
};

runCli(process.argv.slice(2), pkg, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
