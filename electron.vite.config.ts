import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const alias = { '@shared': resolve(__dirname, 'src/shared') };

/**
 * The cue sounds in the renderer: the files resources/audio/*.wav (and nothing else of
 * resources/: the line clips under resources/audio/lines reach the renderer over IPC) are
 * copied into the build under audio/, and the dev server serves them there, so that the page
 * loads them from its own origin as the CSP asks.
 */
function cueSounds(): Plugin {
  const folder = resolve(__dirname, 'resources/audio');
  const files = () => readdirSync(folder).filter((name) => name.endsWith('.wav'));
  return {
    name: 'cue-sounds',
    configureServer(server) {
      server.middlewares.use('/audio', (request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (!files().includes(name)) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'audio/wav');
        response.end(readFileSync(join(folder, name)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({ type: 'asset', fileName: `audio/${name}`, source: readFileSync(join(folder, name)) });
      }
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    // The grading worker is an entry of its own: out/main/grade-worker.js, started as a thread.
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'grade-worker': resolve(__dirname, 'src/main/grading/grade-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload cannot require() packages at run time: bundle everything but electron.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), cueSounds()],
    build: {
      // electron-vite leaves output unminified; the renderer is minified so the page parses less.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'src/renderer/index.html'),
        // `src/shared` runs nothing on import (CONTRIBUTING.md, "The architecture rule"): what
        // only a lazily loaded screen uses (the validator, for the editor) stays in its chunk.
        treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]shared[\\/]/, sideEffects: false }] },
      },
    },
  },
});
