// Builds the CLI into one file, out/cli/index.js (the `cct` command of package.json's "bin"),
// so that it starts without compiling TypeScript: `node out/cli/index.js --help`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  alias: { '@shared': './src/shared' },
  banner: { js: '#!/usr/bin/env node' },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
