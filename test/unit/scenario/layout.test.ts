import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const shared = resolve(__dirname, '../../../src/shared');

/** Every TypeScript file under a folder of src/shared, as paths relative to src/shared. */
function sources(folder: string): ReadonlyArray<string> {
  return readdirSync(join(shared, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

/** The files of src/shared a source file imports (relative imports only), relative to src/shared. */
function importsOf(file: string): ReadonlyArray<string> {
  const text = readFileSync(join(shared, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/from '(\.[^']*)'/g)) {
    found.push(relative(shared, resolve(dirname(join(shared, file)), match[1] as string)));
  }
  return found;
}

/** The scenario folders in import order: a folder may import those before it, never those after. */
const ORDER = ['scenario/format', 'scenario/director', 'scenario/validation', 'scenario/library'];

describe('the scenario code is one folder per idea, imported one way', () => {
  it.each(ORDER)('%s imports no later scenario folder', (folder) => {
    const later = ORDER.slice(ORDER.indexOf(folder) + 1);
    const wrong = sources(folder).flatMap((file) =>
      importsOf(file)
        .filter((target) => later.some((other) => target === other || target.startsWith(`${other}/`)))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('scenario imports nothing of scoring, and the JSON helpers live in neither', () => {
    const wrong = sources('scenario').flatMap((file) =>
      importsOf(file)
        .filter((target) => target === 'scoring' || target.startsWith('scoring/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
    expect(sources('scoring')).not.toContain('scoring/digest.ts');
  });

  it('no file is left loose beside the folders but the index', () => {
    const loose = readdirSync(join(shared, 'scenario'), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    expect(loose).toEqual(['index.ts']);
  });
});
