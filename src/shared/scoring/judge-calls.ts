/**
 * The judges that follow parties through the call: the private consultation before a join,
 * hold discipline (limits defaulting to the parties' own hold tolerance) and a party kept on
 * the call.
 */
import { hears, type LegState, legOf } from '../conference';
import type { Criterion } from '../scenario/format/rubric';
import type { JudgeContext, Verdict } from './judge';
import type { Evidence } from './result';
import { evidenceOf, spanOf, type TimelinePoint } from './timeline';

const LIVE: ReadonlyArray<LegState> = ['connecting', 'connected', 'hold'];

/**
 * The new party was greeted privately: between its first connection and the next join, the
 * trainee and the party heard each other for `minimumMs`, and the caller never heard the party.
 */
export function judgeConsult(party: string, minimumMs: number, context: JudgeContext): Verdict {
  const { timeline, scenario, notes } = context;
  const trainee = scenario.call.trainee;
  const caller = scenario.parties.find((p) => p.kind === 'caller')?.id ?? 'caller';
  const points = timeline.points;
  const connectedIndex = points.findIndex((point, index) => {
    const before = index > 0 ? legOf(points[index - 1]?.state ?? point.state, party)?.state : undefined;
    return legOf(point.state, party)?.state === 'connected' && before !== 'connected';
  });
  if (connectedIndex < 0) return { status: 'not-met', evidence: [] };
  const connected = points[connectedIndex] as TimelinePoint;
  const joinIndex = points.findIndex(
    (point, index) =>
      index > connectedIndex && point.entry?.type === 'join' && point.entry.result.status === 'accepted',
  );
  if (joinIndex < 0) {
    return {
      status: 'not-met',
      evidence: [evidenceOf(connected, notes, notes.words.neverJoined(notes.name(party)))],
    };
  }
  const join = points[joinIndex] as TimelinePoint;
  let talkedMs = 0;
  for (let index = connectedIndex; index < joinIndex; index++) {
    const point = points[index] as TimelinePoint;
    if (hears(point.state, caller, party)) {
      const note = notes.words.heardBefore(notes.name(caller), notes.name(party));
      return { status: 'not-met', evidence: [evidenceOf(point, notes, note)] };
    }
    if (hears(point.state, trainee, party) && hears(point.state, party, trainee)) {
      const span = spanOf(timeline, index);
      talkedMs += Math.min(span.to, join.time) - span.from;
    }
  }
  return {
    status: talkedMs >= minimumMs ? 'met' : 'not-met',
    evidence: [
      evidenceOf(connected, notes, notes.words.connected(notes.name(party))),
      evidenceOf(join, notes, notes.words.consulted(notes.duration(talkedMs))),
    ],
  };
}

/**
 * Hold discipline. Each party's one-stretch limit is the criterion's `maxStretchSeconds`, else
 * the party's own `holdTolerance.complainAfter`. Not reached when none of the parties judged was
 * ever held. The facts name the longest hold and who waited.
 */
export function judgeHold(
  criterion: Extract<Criterion, { kind: 'hold-discipline' }>,
  { timeline, scenario, notes }: JudgeContext,
): Verdict {
  const trainee = scenario.call.trainee;
  const parties = criterion.party
    ? scenario.parties.filter((p) => p.id === criterion.party)
    : scenario.parties.filter((p) => p.id !== trainee);
  const evidence: Evidence[] = [];
  let ok = true;
  let held = false;
  let longest = { party: '', ms: 0 };
  const end = Math.max(timeline.endTime, timeline.points.at(-1)?.time ?? 0);
  for (const party of parties) {
    const stretchLimit = criterion.maxStretchSeconds ?? party.holdTolerance?.complainAfter;
    let start: { time: number; seq: number } | null = null;
    let total = 0;
    const close = (time: number) => {
      if (start === null) return;
      const length = time - start.time;
      if (length > longest.ms) longest = { party: party.id, ms: length };
      total += length;
      if (stretchLimit !== undefined && length > stretchLimit * 1000) {
        ok = false;
        const note = notes.words.onHoldStretch(
          notes.name(party.id),
          notes.duration(length),
          notes.duration(stretchLimit * 1000),
        );
        evidence.push({ seq: start.seq, time: start.time, note });
      }
      start = null;
    };
    for (const point of timeline.points) {
      const onHold = legOf(point.state, party.id)?.state === 'hold';
      if (onHold) held = true;
      if (onHold && start === null) start = { time: point.time, seq: point.seq };
      if (!onHold) close(point.time);
    }
    close(end);
    if (criterion.maxTotalSeconds !== undefined && total > criterion.maxTotalSeconds * 1000) {
      ok = false;
      const note = notes.words.onHoldTotal(
        notes.name(party.id),
        notes.duration(total),
        notes.duration(criterion.maxTotalSeconds * 1000),
      );
      evidence.push({ seq: 0, time: 0, note });
    }
  }
  if (!held) return { status: 'not-reached', evidence: [] };
  evidence.sort((a, b) => a.seq - b.seq || a.time - b.time);
  const facts = {
    longestHold:
      longest.ms > 0
        ? notes.words.longestHold(notes.name(longest.party), notes.duration(longest.ms))
        : notes.words.noHold,
    evidence: evidence.map((e) => e.note).join('; '),
  };
  return { status: ok ? 'met' : 'not-met', evidence, facts };
}

/**
 * A party stayed on the call: their leg never ended by an entry of the trainee (a disconnect,
 * or a leave that ended the contact, CONF-14), and they never hung up while on hold.
 */
export function judgePartyKept(party: string, context: JudgeContext): Verdict {
  const { timeline, scenario, notes } = context;
  const trainee = scenario.call.trainee;
  const points = timeline.points;
  if (!points.some((p) => legOf(p.state, party) !== undefined))
    return { status: 'not-reached', evidence: [] };
  for (let index = 1; index < points.length; index++) {
    const point = points[index] as TimelinePoint;
    const before = legOf((points[index - 1] as TimelinePoint).state, party)?.state;
    const after = legOf(point.state, party)?.state;
    if (before === undefined || !LIVE.includes(before) || after !== 'disconnected' || point.entry === null)
      continue;
    if (point.entry.actor === trainee) {
      const note = notes.words.lostBy(notes.name(party), notes.entry(point.entry));
      return { status: 'not-met', evidence: [evidenceOf(point, notes, note)], facts: { evidence: note } };
    }
    if (point.entry.actor === party && before === 'hold') {
      const note = notes.words.hungUpOnHold(notes.name(party));
      return { status: 'not-met', evidence: [evidenceOf(point, notes, note)], facts: { evidence: note } };
    }
  }
  return { status: 'met', evidence: [] };
}
