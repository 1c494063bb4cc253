/**
 * Asking the play flow to resume an unfinished session. The recovery banner asks; the play flow
 * (shown on the scenarios view) takes the request when it is shown, or at once when it is shown
 * already, and answers when the session is at the console or could not be resumed.
 */

/**
 * A session that could not go on although its journal was opened for it (`open`): it is then
 * closed with `session:finish`, not `session:recover`.
 */
export class ResumeFailure extends Error {
  override readonly name = 'ResumeFailure';
  constructor(
    message: string,
    readonly open: boolean,
  ) {
    super(message);
  }
}

/** Resumes one attempt: resolves when its console is shown, rejects with why not. */
export type ResumeHandler = (attemptId: string) => Promise<void>;

interface Pending {
  readonly attemptId: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

let handler: ResumeHandler | null = null;
let pending: Pending | null = null;

function hand(request: Pending, to: ResumeHandler): void {
  to(request.attemptId).then(request.resolve, request.reject);
}

/** Asks for an attempt to be resumed (a request not yet taken is replaced by this one). */
export function requestResume(attemptId: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = { attemptId, resolve, reject };
    if (handler !== null) {
      hand(request, handler);
      return;
    }
    pending?.reject(new Error('another session was chosen to resume'));
    pending = request;
  });
}

/** The play flow takes requests while it is shown; returns the function that stops taking them. */
export function takeResumeRequests(next: ResumeHandler): () => void {
  handler = next;
  const waiting = pending;
  pending = null;
  if (waiting !== null) hand(waiting, next);
  return () => {
    if (handler === next) handler = null;
  };
}
