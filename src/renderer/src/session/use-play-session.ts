import { useSyncExternalStore } from 'react';
import type { PlaySession, PlaySnapshot } from './play-session';

/** The session's state, re-rendered on every change. */
export function usePlaySession(session: PlaySession): PlaySnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** How often shown times are refreshed (ms). */
const TICK_MS = 500;

/**
 * One ticking clock per session, shared by every component that shows the time, so
 * that the console's clock and its timers turn together and only they render again on a tick,
 * not the whole console.
 */
class SessionTicker {
  private time: number;
  private timer: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly session: PlaySession) {
    this.time = session.time;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === null) {
      this.time = this.session.time;
      this.timer = window.setInterval(() => {
        this.time = this.session.time;
        for (const notify of this.listeners) notify();
      }, TICK_MS);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        window.clearInterval(this.timer);
        this.timer = null;
      }
    };
  };

  readonly getSnapshot = (): number => this.time;
}

const tickers = new WeakMap<PlaySession, SessionTicker>();

function tickerOf(session: PlaySession): SessionTicker {
  let ticker = tickers.get(session);
  if (ticker === undefined) {
    ticker = new SessionTicker(session);
    tickers.set(session, ticker);
  }
  return ticker;
}

/** The session's simulated time (ms), refreshed twice a second while the component is shown. */
export function useSessionTime(session: PlaySession): number {
  const ticker = tickerOf(session);
  return useSyncExternalStore(ticker.subscribe, ticker.getSnapshot);
}

/** `m:ss` for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
