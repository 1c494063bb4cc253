// Writes the JSON Schemas generated from the zod schemas into resources/schema, so that editors
// validate and autocomplete the files through their `$schema` line.
//
//   npm run schemas              regenerate the files
//   tsx scripts/generate-schemas.ts --check
//                                exit 1 if a checked-in file differs from what would be generated
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { scenarioJsonSchemaText } from '../src/shared/scenario';
import { assessmentJsonSchemaText } from '../src/shared/scoring/json-schema';

const root = resolve(__dirname, '..');

/** Every generated schema file: its path from the repository root and its text. */
const schemas: ReadonlyArray<{ readonly path: string; readonly text: () => string }> = [
  { path: 'resources/schema/scenario.schema.json', text: scenarioJsonSchemaText },
  { path: 'resources/schema/assessment.schema.json', text: assessmentJsonSchemaText },
];

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function main(args: ReadonlyArray<string>): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`error: unknown argument ${unknown.join(' ')}; the only option is --check\n`);
    return 2;
  }
  const check = args.includes('--check');
  let stale = 0;
  for (const schema of schemas) {
    const file = join(root, schema.path);
    const text = schema.text();
    const current = readOrNull(file);
    if (check) {
      if (current !== text) {
        stale++;
        const why = current === null ? 'is missing' : 'is out of date';
        process.stderr.write(`${schema.path} ${why}; run npm run schemas and commit the result\n`);
      }
    } else if (current === text) {
      process.stdout.write(`${schema.path} is up to date\n`);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      // Atomically: a reader never sees half a schema.
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
      process.stdout.write(`wrote ${relative(root, file)}\n`);
    }
  }
  if (check && stale === 0) process.stdout.write(`${schemas.length} schema file(s) up to date\n`);
  return stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
