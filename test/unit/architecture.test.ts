import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const biome = join(root, 'node_modules/.bin/biome');

/** Lints `source` as if it were the file at `path`, with the project's biome.json, in a scratch copy. */
function lintAs(path: string, source: string): { ok: boolean; output: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'cct-lint-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  config.vcs = { enabled: false };
  delete config.$schema;
  writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), source);
  const result = spawnSync(biome, ['lint', path], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe('src/shared imports nothing of its hosts', () => {
  it.each([
    ["import { app } from 'electron';", 'Electron'],
    ["import { useState } from 'react';", 'React'],
    ["import { createRoot } from 'react-dom/client';", 'host'],
    ["import { Howl } from 'howler';", 'howler'],
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import { join } from 'path';", 'Node built-ins'],
    ["import { createHandlers } from '../main/ipc/handlers';", 'hosts'],
  ])('refuses %s', (line, why) => {
    const result = lintAs('src/shared/conference/probe.ts', `${line}\nexport const probe = 1;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(why);
  });

  it.each([
    'export const title = () => document.title;',
    'export const lang = () => window.navigator.language;',
    'export const later = (f: () => void) => setTimeout(f, 10);',
  ])('refuses the DOM global or timer in %s', (line) => {
    const result = lintAs('src/shared/conference/probe.ts', `${line}\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('src/shared must not touch the DOM or the host');
  });

  it('accepts pure code and library imports such as zod', () => {
    const result = lintAs(
      'src/shared/conference/probe.ts',
      "import { z } from 'zod';\n\nexport const id = z.string();\n",
    );
    expect(result.output).not.toContain('src/shared must not');
    expect(result.ok).toBe(true);
  });

  it('lets the hosts import what src/shared may not', () => {
    const result = lintAs(
      'src/main/probe.ts',
      "import { readFileSync } from 'node:fs';\n\nexport const read = readFileSync;\n",
    );
    expect(result.ok).toBe(true);
  });
});
