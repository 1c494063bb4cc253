import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PlaySession, PlaySnapshot } from './play-session';

/** The session's state, re-rendered on every change. */
export function usePlaySession(session: PlaySession): PlaySnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** The session's simulated time (ms), refreshed every `everyMs` while the component is shown. */
export function useSessionTime(session: PlaySession, everyMs = 500): number {
  const [time, setTime] = useState(() => session.time);
  useEffect(() => {
    const timer = window.setInterval(() => setTime(session.time), everyMs);
    return () => window.clearInterval(timer);
  }, [session, everyMs]);
  return time;
}

/** `m:ss` for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
