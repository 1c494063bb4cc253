import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          // Property and exhaustive checks take seconds; a busy two-core machine must not fail them.
          testTimeout: 60_000,
          include: ['test/unit/**/*.test.ts', 'test/conformance/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'main',
          environment: 'node',
          testTimeout: 60_000,
          include: ['test/main/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          // Whole screens on the real handlers: generous on a busy two-core machine.
          testTimeout: 30_000,
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'streams',
          environment: 'happy-dom',
          include: ['test/streams/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
