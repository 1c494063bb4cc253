/**
 * The director's working copy: one call of a director function opens a mutable copy of the
 * state, fires what is due, applies events through the conference's `step`, and closes it into
 * the next immutable state. Nothing outside this module sees the copy mutate.
 */
import type { ConferenceEvent, ConferenceState, LogEntry, PartyId } from '../../conference';
import { legOf, step } from '../../conference';
import { evaluateCondition, matchesPattern } from '../format/conditions';
import { AnswerBehaviourSchema, type Effect, type Scenario, type ScenarioParty } from '../format/schema';
import { cuesOf } from './cues';
import { conferenceEvent, isConferenceEventType, outcomeEventType } from './director-events';
import type { DirectorResult, DirectorState, DirectorTimer } from './director-state';
import { dueBefore } from './director-state';
import { canSpeak, requirementsHold, speakersReady, trackConsults } from './director-story';
import { drawDelay } from './random';
import type { Cue, Millis, SessionEndReason, SessionRecord } from './session-types';

/** How a party with no `answer` in the scenario reacts: the schema's defaults. */
const DEFAULT_ANSWER = AnswerBehaviourSchema.parse({});

/** What a party on hold says when its `complainAfter` passes and the scenario gives no words. */
const DEFAULT_COMPLAINT: Readonly<Record<Scenario['language'], string>> = {
  en: 'Hello? Is anyone still there?',
  de: 'Hallo? Ist da noch jemand?',
};

/** A record as the director adds it; `seq` is filled in. */
type NewRecord = SessionRecord extends infer R ? (R extends SessionRecord ? Omit<R, 'seq'> : never) : never;

/** A timer as it is scheduled; `order` is filled in. */
type NewTimer = DirectorTimer extends infer T ? (T extends DirectorTimer ? Omit<T, 'order'> : never) : never;

/** The mutable working copy of a director state. */
export interface Working {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly trainee: PartyId;
  readonly base: ReadonlyArray<SessionRecord>;
  readonly added: SessionRecord[];
  readonly cues: Cue[];
  conference: ConferenceState;
  time: Millis;
  timers: DirectorTimer[];
  nextOrder: number;
  readonly armed: Set<string>;
  readonly fired: Set<string>;
  readonly dials: Record<PartyId, number>;
  readonly waiting: Set<string>;
  readonly consulted: Set<PartyId>;
  readonly privateSince: Record<PartyId, Millis>;
  traineeLeft: boolean;
  ended: boolean;
}

/** Opens a working copy of a state. */
export function open(state: DirectorState): Working {
  return {
    scenario: state.scenario,
    seed: state.seed,
    trainee: state.trainee,
    base: state.records,
    added: [],
    cues: [],
    conference: state.conference,
    time: state.time,
    timers: [...state.timers],
    nextOrder: state.nextOrder,
    armed: new Set(state.armedSteps),
    fired: new Set(state.firedSteps),
    dials: { ...state.dials },
    waiting: new Set(state.waitingSteps),
    consulted: new Set(state.consulted),
    privateSince: { ...state.privateSince },
    traineeLeft: state.traineeLeft,
    ended: state.ended,
  };
}

/** Closes a working copy into the next state and what happened on the way. */
export function close(w: Working): DirectorResult {
  const state: DirectorState = {
    scenario: w.scenario,
    seed: w.seed,
    trainee: w.trainee,
    conference: w.conference,
    time: w.time,
    records: w.added.length === 0 ? w.base : [...w.base, ...w.added],
    timers: w.timers,
    nextOrder: w.nextOrder,
    armedSteps: [...w.armed],
    firedSteps: [...w.fired],
    dials: w.dials,
    waitingSteps: [...w.waiting],
    consulted: [...w.consulted],
    privateSince: w.privateSince,
    traineeLeft: w.traineeLeft,
    ended: w.ended,
  };
  return { state, records: w.added, cues: w.cues };
}

/** Schedules a timer, keeping the list in firing order. */
export function schedule(w: Working, timer: NewTimer): void {
  const full = { ...timer, order: w.nextOrder++ } as DirectorTimer;
  let index = w.timers.length;
  while (index > 0 && dueBefore(full, w.timers[index - 1] as DirectorTimer)) index--;
  w.timers.splice(index, 0, full);
}

/** Appends a record with the next `seq`, and its cues. */
export function record(w: Working, entry: NewRecord, before: ConferenceState | null = null): SessionRecord {
  // `kind` and `seq` first, so that the log reads the same as the contract declares it.
  const { kind, ...rest } = entry;
  const full = { kind, seq: w.base.length + w.added.length + 1, ...rest } as SessionRecord;
  w.added.push(full);
  w.cues.push(...cuesOf(before ?? w.conference, w.conference, full, w.trainee, full.time));
  return full;
}

function partyOf(w: Working, id: PartyId): ScenarioParty | undefined {
  return w.scenario.parties.find((party) => party.id === id);
}

/** Arms a step to fire at `time`, unless it has fired or is armed already (a step fires once). */
function arm(w: Working, stepId: string, time: Millis): void {
  if (w.armed.has(stepId) || w.fired.has(stepId)) return;
  w.armed.add(stepId);
  schedule(w, { kind: 'step', time, step: stepId });
}

function seconds(value: number | undefined): Millis {
  return Math.round((value ?? 0) * 1000);
}

/** Ends the session with a reason; nothing is scheduled any more. */
export function end(w: Working, reason: SessionEndReason): void {
  if (w.ended) return;
  record(w, { kind: 'end', time: w.time, reason });
  w.ended = true;
  w.timers = [];
}

/**
 * After every change of the call: new dials get their outcome, new hold stretches their
 * tolerance and `onHoldFor` timers. `before` is `null` at the start, when every leg is new.
 */
export function scheduleReactions(w: Working, before: ConferenceState | null): void {
  for (const leg of w.conference.legs) {
    const previous = before === null ? undefined : legOf(before, leg.party);
    if (leg.party === w.trainee) continue;
    if (leg.state === 'connecting' && previous?.state !== 'connecting' && leg.kind !== 'caller') {
      const party = partyOf(w, leg.party);
      const own = party?.kind === 'agent' || party?.kind === 'external' ? party.answer : undefined;
      const dial = (w.dials[leg.party] ?? 0) + 1;
      // A list gives one behaviour per dial, the last repeating (no answer, then answers the redial).
      const behaviour = (Array.isArray(own) ? own[Math.min(dial, own.length) - 1] : own) ?? DEFAULT_ANSWER;
      w.dials[leg.party] = dial;
      const delay = drawDelay(behaviour.after, w.seed, `answer:${leg.party}:${dial}`);
      schedule(w, {
        kind: 'outcome',
        time: w.time + delay,
        party: leg.party,
        dialledAt: leg.createdAt,
        outcome: behaviour.outcome,
      });
    }
    if (leg.state === 'hold' && (previous?.state !== 'hold' || previous.since !== leg.since)) {
      const tolerance = partyOf(w, leg.party)?.holdTolerance;
      const heldSince = leg.since;
      if (tolerance?.complainAfter !== undefined) {
        const time = heldSince + seconds(tolerance.complainAfter);
        schedule(w, { kind: 'hold-complaint', time, party: leg.party, heldSince });
      }
      if (tolerance?.hangUpAfter !== undefined) {
        const time = heldSince + seconds(tolerance.hangUpAfter);
        schedule(w, { kind: 'hold-hang-up', time, party: leg.party, heldSince });
      }
    }
  }
  for (const leg of w.conference.legs) {
    const previous = before === null ? undefined : legOf(before, leg.party);
    if (leg.state !== 'hold' || (previous?.state === 'hold' && previous.since === leg.since)) continue;
    for (const s of w.scenario.script) {
      if (!('onHoldFor' in s.trigger) || s.trigger.onHoldFor.party !== leg.party || w.fired.has(s.id))
        continue;
      const time = leg.since + seconds(s.trigger.onHoldFor.seconds);
      schedule(w, { kind: 'hold-step', time, step: s.id, party: leg.party, heldSince: leg.since });
    }
  }
}

/**
 * Arms the `when` steps whose condition holds now. Conditions are read at the start and after
 * every accepted event (nothing else changes the call); a step fires `after` seconds after its
 * condition first holds, whether or not it still holds by then.
 */
export function armConditions(w: Working): void {
  for (const s of w.scenario.script) {
    if (!('when' in s.trigger)) continue;
    const holds = evaluateCondition(s.trigger.when, w.conference);
    // A re-arming step that fired may fire again once its condition has stopped holding.
    if (s.rearm && !holds && w.fired.has(s.id) && !pending(w, s.id)) {
      w.fired.delete(s.id);
      w.armed.delete(s.id);
    }
    if (w.armed.has(s.id) || w.fired.has(s.id)) continue;
    if (holds) arm(w, s.id, w.time + seconds(s.trigger.after));
  }
}

function pending(w: Working, stepId: string): boolean {
  return w.waiting.has(stepId) || w.timers.some((t) => t.kind === 'step' && t.step === stepId);
}

/** Fires the waiting steps that nothing blocks any more. */
function releaseWaiting(w: Working): void {
  for (const s of w.scenario.script) {
    if (!w.waiting.has(s.id) || !requirementsHold(w, s) || !speakersReady(w, s)) continue;
    w.waiting.delete(s.id);
    schedule(w, { kind: 'step', time: w.time, step: s.id });
  }
}

/** Arms the `on` steps whose pattern matches a new log entry. */
function armPatterns(w: Working, entry: LogEntry): void {
  for (const s of w.scenario.script) {
    if (!('on' in s.trigger) || w.armed.has(s.id) || w.fired.has(s.id)) continue;
    if (matchesPattern(s.trigger.on, entry)) arm(w, s.id, entry.time + seconds(s.trigger.after));
  }
}

/**
 * Whether the session is over: the trainee left the call and cleared after-call work; or the
 * contact ended and the trainee cleared it (or never had a leg, or the offer to them ended).
 */
function checkEnd(w: Working): void {
  const leg = legOf(w.conference, w.trainee);
  const status = leg?.agent?.status ?? null;
  const contactOver = w.conference.phase === 'ended' || w.conference.phase === 'cleared';
  if (status === 'cleared' && w.traineeLeft) end(w, 'trainee-finished');
  else if (contactOver && (leg === undefined || status === 'cleared')) end(w, 'contact-ended');
}

/** Applies one event through the conference, records it (accepted or refused) and reacts to it. */
export function applyEvent(w: Working, event: ConferenceEvent): void {
  const before = w.conference;
  const seq = w.base.length + w.added.length + 1;
  const { state, entry } = step(before, event, seq);
  w.conference = state;
  record(w, { kind: 'event', time: w.time, entry }, before);
  armPatterns(w, entry);
  if (entry.result.status === 'accepted') {
    if (entry.actor === w.trainee && entry.type === 'leave') w.traineeLeft = true;
    scheduleReactions(w, before);
    trackConsults(w);
    armConditions(w);
    releaseWaiting(w);
  }
  checkEnd(w);
}

function runEffect(w: Working, effect: Effect, stepId: string): void {
  if ('say' in effect) {
    const { party, text, clip } = effect.say;
    // Only a party on the call and not muted speaks; a skipped line is not said at all.
    if (!canSpeak(w, party)) return;
    record(w, { kind: 'line', time: w.time, party, text, clip: clip ?? null, step: stepId });
  } else if ('hangUp' in effect) {
    const party = effect.hangUp.party;
    // The trainee is a person at the console: the script never acts for them.
    if (party === w.trainee) return;
    // Agents end their leg by leaving (CONF-17); the caller and external parties hang up.
    const type = partyOf(w, party)?.kind === 'agent' ? 'leave' : 'hang-up';
    applyEvent(w, conferenceEvent(party, w.time, type));
  } else if ('act' in effect) {
    const { actor, action, target, digits } = effect.act;
    if (actor === w.trainee || !isConferenceEventType(action)) return;
    const details = {
      ...(target === undefined ? {} : { target }),
      ...(digits === undefined ? {} : { digits }),
    };
    applyEvent(w, conferenceEvent(actor, w.time, action, details));
  } else if ('showGoal' in effect) {
    record(w, { kind: 'goal', time: w.time, goal: effect.showGoal });
  } else {
    record(w, { kind: 'question', time: w.time, question: effect.ask });
  }
}

/**
 * Fires a step once: its record, then its effects in order, then the steps that follow it. A
 * blocked step (requirements not holding, or with `wait`, a speaker who cannot speak) waits or
 * is dropped as the step says; a dropped step is recorded as fired by nothing, and steps chained
 * after it do not follow.
 */
function fireStep(w: Working, stepId: string): void {
  const s = w.scenario.script.find((candidate) => candidate.id === stepId);
  if (s === undefined || w.fired.has(stepId)) return;
  const ready = requirementsHold(w, s) && (s.ifBlocked === 'skip' || speakersReady(w, s));
  if (!ready) {
    if (s.ifBlocked === 'wait') w.waiting.add(stepId);
    else w.fired.add(stepId);
    return;
  }
  w.fired.add(stepId);
  w.armed.add(stepId);
  record(w, { kind: 'step', time: w.time, step: stepId });
  for (const effect of s.effects) {
    if (w.ended) return;
    runEffect(w, effect, stepId);
  }
  for (const next of w.scenario.script) {
    if ('afterStep' in next.trigger && next.trigger.afterStep === stepId) {
      arm(w, next.id, w.time + seconds(next.trigger.after));
    }
  }
}

function stillHeld(w: Working, party: PartyId, heldSince: Millis): boolean {
  const leg = legOf(w.conference, party);
  return leg?.state === 'hold' && leg.since === heldSince;
}

function fire(w: Working, timer: DirectorTimer): void {
  switch (timer.kind) {
    case 'outcome': {
      const leg = legOf(w.conference, timer.party);
      // The leg may have ended (disconnected by an agent, the call ended) before the outcome.
      if (leg?.state !== 'connecting' || leg.createdAt !== timer.dialledAt || leg.kind === 'caller') return;
      applyEvent(w, conferenceEvent(timer.party, w.time, outcomeEventType(leg.kind, timer.outcome)));
      return;
    }
    case 'hold-complaint': {
      if (!stillHeld(w, timer.party, timer.heldSince)) return;
      const text =
        partyOf(w, timer.party)?.holdTolerance?.complaint ?? DEFAULT_COMPLAINT[w.scenario.language];
      record(w, { kind: 'line', time: w.time, party: timer.party, text, clip: null, step: null });
      return;
    }
    case 'hold-hang-up': {
      if (!stillHeld(w, timer.party, timer.heldSince)) return;
      const type = partyOf(w, timer.party)?.kind === 'agent' ? 'leave' : 'hang-up';
      applyEvent(w, conferenceEvent(timer.party, w.time, type));
      return;
    }
    case 'step':
      fireStep(w, timer.step);
      return;
    case 'hold-step':
      if (stillHeld(w, timer.party, timer.heldSince)) fireStep(w, timer.step);
      return;
    case 'end':
      end(w, 'time-up');
      return;
  }
}

/** Fires every timer due at or before `until`, in order, and moves the clock to `until`. */
export function runDue(w: Working, until: Millis): void {
  while (!w.ended) {
    const next = w.timers[0];
    if (next === undefined || next.time > until) break;
    w.timers.shift();
    w.time = Math.max(w.time, next.time);
    fire(w, next);
  }
  w.time = Math.max(w.time, until);
}
