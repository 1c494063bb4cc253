import { Worker } from 'node:worker_threads';
import type { Assessment } from '@shared/scoring/assessment';
import { type GradeJob, gradeSession } from './grade-session';

/** Grades a session somewhere: in a worker thread in the app, or in this thread. */
export type Grader = (job: GradeJob) => Promise<Assessment>;

/** Grades in the calling thread (the CLI, and tests that do not build the worker). */
export const gradeInThread: Grader = async (job) => gradeSession(job);

/**
 * Grades each session in a worker thread started from `script` (the built `grade-worker.js`).
 * A grading error is the job's error; a thread that cannot start or dies without an answer is
 * reported to `onWorkerFailure` and the job is graded in this thread instead, so a session is
 * never lost to the way it is graded.
 */
export function gradeInWorker(script: string, onWorkerFailure: (error: Error) => void = () => {}): Grader {
  const fallback = (job: GradeJob, error: Error): Promise<Assessment> => {
    onWorkerFailure(error);
    return gradeInThread(job);
  };
  return (job) =>
    new Promise<Assessment>((resolve, reject) => {
      const worker = new Worker(script, { workerData: job });
      let answered = false;
      worker.once(
        'message',
        (message: { ok: true; assessment: Assessment } | { ok: false; message: string }) => {
          answered = true;
          if (message.ok) resolve(message.assessment);
          else reject(new Error(message.message));
          void worker.terminate();
        },
      );
      worker.once('error', (error) => {
        if (answered) return;
        answered = true;
        fallback(job, error).then(resolve, reject);
      });
      worker.once('exit', (code) => {
        if (answered) return;
        answered = true;
        fallback(job, new Error(`the grading worker stopped (exit code ${code}) without an answer`)).then(
          resolve,
          reject,
        );
      });
    });
}
