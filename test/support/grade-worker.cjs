// The grading worker from its TypeScript source, for tests (the app starts the built one).
require('tsx/cjs');
require('../../src/main/grading/grade-worker.ts');
