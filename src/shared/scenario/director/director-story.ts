/**
 * What keeps the script coherent with the call: a line is spoken only by a party on the call and
 * not muted, and a step's requirements (a condition, parties consulted) are checked when it is
 * due. Consultations are followed through the call: three seconds of private talk with the
 * trainee, the caller not hearing, count.
 */
import { hears, legOf, type PartyId } from '../../conference';
import { evaluateCondition } from '../format/conditions';
import type { ScriptStep } from '../format/schema';
import type { Working } from './director-engine';

/** A party can speak a line: their leg is connected and not muted. */
export function canSpeak(w: Working, party: PartyId): boolean {
  const leg = legOf(w.conference, party);
  return leg?.state === 'connected' && !leg.muted;
}

/** At least three seconds of private talk count as a consultation (step requirements). */
const CONSULT_MS = 3000;

function privateWithTrainee(w: Working, party: PartyId): boolean {
  const c = w.conference;
  if (!hears(c, w.trainee, party) || !hears(c, party, w.trainee)) return false;
  return !w.scenario.parties.some((p) => p.kind === 'caller' && p.id !== party && hears(c, p.id, party));
}

/** Follows private talks with the trainee after every change of the call. */
export function trackConsults(w: Working): void {
  for (const leg of w.conference.legs) {
    const party = leg.party;
    if (party === w.trainee || leg.kind === 'caller') continue;
    const since = w.privateSince[party];
    if (privateWithTrainee(w, party)) {
      if (since === undefined) w.privateSince[party] = w.time;
    } else if (since !== undefined) {
      if (w.time - since >= CONSULT_MS) w.consulted.add(party);
      delete w.privateSince[party];
    }
  }
}

function hasConsulted(w: Working, party: PartyId): boolean {
  const since = w.privateSince[party];
  return w.consulted.has(party) || (since !== undefined && w.time - since >= CONSULT_MS);
}

/** Whether a step's requirements hold now. */
export function requirementsHold(w: Working, s: ScriptStep): boolean {
  const r = s.requires;
  if (r === undefined) return true;
  if (r.condition !== undefined && !evaluateCondition(r.condition, w.conference)) return false;
  return (r.consulted ?? []).every((party) => hasConsulted(w, party));
}

/** Whether every speaker of a step's lines can speak now. */
export function speakersReady(w: Working, s: ScriptStep): boolean {
  return s.effects.every((effect) => !('say' in effect) || canSpeak(w, effect.say.party));
}
