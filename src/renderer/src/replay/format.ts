import type { LogEntry } from '@shared/conference';
import type { TFunction } from 'i18next';
import type { Lane } from './model';

/** A session time (ms) as minutes and seconds: `3:05`; an hour or more as `1:02:03`. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A party's name as the lanes show it (the id when the scenario does not name the party). */
export function partyName(lanes: ReadonlyArray<Lane>, party: string | null): string {
  if (party === null) return '';
  return lanes.find((lane) => lane.party === party)?.name ?? party;
}

/** An event in words: "hold Helen Brooks", "Helen Brooks answers". */
export function describeEntry(t: TFunction, lanes: ReadonlyArray<Lane>, entry: LogEntry): string {
  const action = t(`replay:action.${entry.type}`);
  if (entry.target === null || entry.target === entry.actor) return action;
  return t('replay:actionTarget', { action, target: partyName(lanes, entry.target) });
}

/** Why the engine refused an event, in words, or null when it was accepted. */
export function describeRefusal(t: TFunction, entry: LogEntry): { reason: string; rule: string } | null {
  if (entry.result.status !== 'refused') return null;
  return { reason: t(`replay:reason.${entry.result.reason}`), rule: entry.result.rule };
}
