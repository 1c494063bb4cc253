/**
 * The grading worker: a thread of its own that grades one session (replay and score) and posts
 * the assessment back, so that the main process, and the window with it, never waits on it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type GradeJob, gradeSession } from './grade-session';

try {
  parentPort?.postMessage({ ok: true, assessment: gradeSession(workerData as GradeJob) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
