// Synthesises the cue sounds into resources/audio (one mono 16-bit 8 kHz WAV file per sound;
// the tables and their sources are in src/renderer/src/audio/sounds.ts, the files are listed in
// resources/audio/README.md). The output is the same bytes every run.
//
//   npm run audio                write the files that changed, remove stale ones
//   tsx scripts/synth-audio.ts --check
//                                exit 1 if a committed file differs from what would be written
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SOUND_FOLDER } from '../src/renderer/src/audio/sounds';
import { cueFiles } from './synth-audio/render';

const folder = resolve(__dirname, '..', 'resources', SOUND_FOLDER);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function main(args: ReadonlyArray<string>): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`error: unknown argument ${unknown.join(' ')}; the only option is --check\n`);
    return 2;
  }
  const check = args.includes('--check');
  const files = cueFiles();
  const present = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.wav')) : [];
  const stale = present.filter((name) => !files.has(name));
  let problems = 0;
  let written = 0;
  let total = 0;
  for (const [name, bytes] of files) {
    total += bytes.length;
    const path = join(folder, name);
    const current = existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
    if (current !== null && sameBytes(current, bytes)) continue;
    if (check) {
      problems++;
      const why = current === null ? 'is missing' : 'differs from what the script makes';
      process.stderr.write(
        `resources/${SOUND_FOLDER}/${name} ${why}; run npm run audio and commit the result\n`,
      );
    } else {
      // Atomically: a reader never sees half a file.
      writeFileSync(`${path}.tmp`, bytes);
      renameSync(`${path}.tmp`, path);
      written++;
    }
  }
  for (const name of stale) {
    if (check) {
      problems++;
      process.stderr.write(
        `resources/${SOUND_FOLDER}/${name} is no cue sound; run npm run audio to remove it\n`,
      );
    } else {
      rmSync(join(folder, name));
    }
  }
  const size = `${files.size} files, ${(total / 1024).toFixed(1)} KiB`;
  if (check) {
    if (problems === 0) process.stdout.write(`resources/${SOUND_FOLDER}: ${size}, up to date\n`);
  } else {
    process.stdout.write(
      `resources/${SOUND_FOLDER}: ${size}; wrote ${written}, removed ${stale.length}, ${files.size - written} unchanged\n`,
    );
  }
  return problems > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
