/**
 * A view with unsaved work (the scenario editor) can hold the app on its page: before the
 * location hash changes, `mayLeave` asks the guard, which may refuse and ask the user first.
 */
type LeaveGuard = (nextHash: string) => boolean;

let guard: LeaveGuard | null = null;

/** Sets the guard; the returned function removes it (when it is still the one set). */
export function setLeaveGuard(next: LeaveGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** Whether the app may go to `nextHash` now; a refusing guard has asked the user. */
export function mayLeave(nextHash: string): boolean {
  return guard === null || guard(nextHash);
}
