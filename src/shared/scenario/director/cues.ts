/**
 * The cues a session plays: derived in this one place from what happened (a record) and how the
 * call changed (the states before and after it). Cues are never stored: replaying a log derives
 * the same cues again.
 */

import { scheduleDtmf } from '../../caller-id';
import type { ConferenceState, Leg, LegState, PartyId } from '../../conference';
import { hears, legOf } from '../../conference';
import type { Cue, Millis, SessionRecord } from './session-types';

function onCall(state: LegState | undefined): boolean {
  return state === 'connected' || state === 'hold';
}

/** The cues of one leg's change from `before` (absent: the party had no leg) to `after`. */
function legCues(
  before: LegState | undefined,
  leg: Leg,
  trainee: PartyId,
  time: Millis,
  busy: boolean,
): ReadonlyArray<Cue> {
  const cues: Cue[] = [];
  const party = leg.party;
  const dialledByTrainee = leg.addedBy === trainee && party !== trainee;
  const wasConnecting = before === 'connecting';
  const isConnecting = leg.state === 'connecting';
  if (!wasConnecting && isConnecting) {
    // A new leg: the trainee's phone rings for an offer; a party the trainee dials rings back.
    if (party === trainee) cues.push({ cue: 'ring', time, party });
    else if (dialledByTrainee) cues.push({ cue: 'ringback', time, party });
  } else if (wasConnecting && !isConnecting) {
    if (party === trainee) cues.push({ cue: 'ring-stop', time, party });
    else if (dialledByTrainee) {
      cues.push({ cue: 'ringback-stop', time, party });
      if (busy) cues.push({ cue: 'busy', time, party });
    }
  }
  if (before !== 'hold' && leg.state === 'hold') cues.push({ cue: 'hold-music-start', time, party });
  if (before === 'hold' && leg.state !== 'hold') cues.push({ cue: 'hold-music-stop', time, party });
  if (onCall(before) && leg.state === 'disconnected') cues.push({ cue: 'leave', time, party });
  return cues;
}

/**
 * The cues of one moment of a session, for the renderer to play:
 * - `ring` / `ring-stop` while the contact is offered to the trainee;
 * - `ringback` / `ringback-stop` while a party the trainee dialled is connecting, then `busy`
 *   when that party is busy;
 * - `hold-music-start` / `hold-music-stop` for every party whose leg goes on or comes off hold;
 * - `leave` for every party whose answered leg ends; `join` when an agent joins the call (CONF-3);
 * - `dtmf`, one per digit sent, timed as the tones go out (XFER-6: a comma pauses);
 * - `line` for a line spoken; `refused` for an action of the trainee the rules refuse (CCP-9).
 *
 * `before` is the call before the record (`null` at the start of a session, when every leg is
 * new), `after` the call after it; `record` is `null` for the start itself.
 */
export function cuesOf(
  before: ConferenceState | null,
  after: ConferenceState,
  record: SessionRecord | null,
  trainee: PartyId,
  time: Millis,
): ReadonlyArray<Cue> {
  if (record?.kind === 'line') {
    // A scripted line is captioned for the trainee only when they hear its speaker; a hold
    // complaint (no step) always reaches them, as the console's alert.
    if (record.step !== null && !hears(after, trainee, record.party)) return [];
    return [{ cue: 'line', time, party: record.party, text: record.text, clip: record.clip }];
  }
  if (record !== null && record.kind !== 'event') return [];
  const entry = record?.entry ?? null;
  if (entry !== null && entry.result.status === 'refused') {
    // A scripted agent's refusal is no sound of the trainee's console.
    return entry.actor === trainee
      ? [{ cue: 'refused', time, reason: entry.result.reason, rule: entry.result.rule }]
      : [];
  }
  const cues: Cue[] = [];
  if (before !== after) {
    for (const leg of after.legs) {
      const previous = before === null ? undefined : legOf(before, leg.party);
      const busy = entry?.type === 'busy' && entry.actor === leg.party;
      cues.push(...legCues(previous?.state, leg, trainee, time, busy));
    }
  }
  if (entry?.type === 'join') cues.push({ cue: 'join', time });
  if (entry?.type === 'send-dtmf' && entry.digits !== null) {
    for (const tone of scheduleDtmf(entry.digits, time)) {
      if (tone.type === 'dtmf-digit') cues.push({ cue: 'dtmf', time: tone.atMs, digit: tone.digit });
    }
  }
  return cues;
}
