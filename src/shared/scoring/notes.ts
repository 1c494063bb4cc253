/**
 * The scorer's words: evidence notes and the facts filled into feedback, in the scenario's
 * language, with the parties' names (never their ids) and refusals with their reasons and rules.
 */
import type { LogEntry, RefusalReason } from '../conference';
import type { Scenario } from '../scenario/format/schema';

/** A language the scorer writes. */
export type NoteLanguage = Scenario['language'];

const ACTIONS: Readonly<Record<NoteLanguage, Readonly<Record<string, string>>>> = {
  en: {
    accept: 'accepted the call',
    add: 'added',
    hold: 'put on hold',
    'hold-all': 'put everyone on hold',
    resume: 'resumed',
    mute: 'muted',
    unmute: 'unmuted',
    join: 'joined',
    swap: 'swapped',
    disconnect: 'disconnected',
    leave: 'left the call',
    'send-dtmf': 'sent tones',
    clear: 'cleared the contact',
    answer: 'answered',
    reject: 'rejected the call',
    'no-answer': 'did not answer',
    busy: 'was busy',
    fail: 'could not be reached',
    'hang-up': 'hung up',
  },
  de: {
    accept: 'hat den Anruf angenommen',
    add: 'hat hinzugefügt:',
    hold: 'hat in die Warteschleife gelegt:',
    'hold-all': 'hat alle in die Warteschleife gelegt',
    resume: 'hat zurückgeholt:',
    mute: 'hat stummgeschaltet:',
    unmute: 'hat die Stummschaltung aufgehoben:',
    join: 'hat alle zusammengeschaltet',
    swap: 'hat gewechselt',
    disconnect: 'hat getrennt:',
    leave: 'hat den Anruf verlassen',
    'send-dtmf': 'hat Töne gesendet',
    clear: 'hat den Kontakt abgeschlossen',
    answer: 'hat abgenommen',
    reject: 'hat den Anruf abgelehnt',
    'no-answer': 'hat nicht abgenommen',
    busy: 'war besetzt',
    fail: 'war nicht erreichbar',
    'hang-up': 'hat aufgelegt',
  },
};

const REASONS: Readonly<Record<NoteLanguage, Partial<Readonly<Record<RefusalReason, string>>>>> = {
  en: {
    'participant-limit': 'the call is full',
    'dial-pending': 'a dial is still ringing',
    'too-few-participants': 'too few participants',
    'not-your-party': 'not your party',
    'primary-only': 'only the primary agent may do that',
    'cannot-resume-self': 'you cannot resume yourself',
    'cannot-mute-others': 'you cannot mute that participant',
    'cannot-unmute-others': 'you cannot unmute that participant',
    'swap-unavailable': 'swap needs exactly three participants',
    'no-third-party': 'nobody to join',
    'not-on-call': 'not on the call',
    'no-such-participant': 'no such participant',
    'invalid-state': 'not possible in that state',
    'quick-connect-unavailable': 'quick connect not available',
  },
  de: {
    'participant-limit': 'der Anruf ist voll',
    'dial-pending': 'eine Leitung klingelt noch',
    'too-few-participants': 'zu wenige Teilnehmende',
    'not-your-party': 'nicht Ihre Verbindung',
    'primary-only': 'nur die primäre Kundenbetreuung darf das',
    'cannot-resume-self': 'Sie können sich nicht selbst zurückholen',
    'cannot-mute-others': 'diese Person können Sie nicht stummschalten',
    'cannot-unmute-others': 'bei dieser Person können Sie die Stummschaltung nicht aufheben',
    'swap-unavailable': 'Wechseln geht nur mit genau drei Teilnehmenden',
    'no-third-party': 'niemand zum Zusammenschalten',
    'not-on-call': 'nicht im Anruf',
    'no-such-participant': 'diese Person gibt es nicht',
    'invalid-state': 'in diesem Zustand nicht möglich',
    'quick-connect-unavailable': 'Schnellverbindung nicht verfügbar',
  },
};

const WORDS = {
  en: {
    you: 'You',
    start: 'start of the call',
    refused: 'refused',
    connected: (name: string) => `${name} connected`,
    neverJoined: (name: string) => `${name} connected, but was never joined`,
    heardBefore: (listener: string, speaker: string) => `${listener} heard ${speaker} before the join`,
    consulted: (time: string) => `joined after ${time} of private consultation`,
    heard: (listener: string, speaker: string) => `${listener} heard ${speaker}`,
    onHoldStretch: (name: string, time: string, limit: string) =>
      `${name} waited on hold for ${time} in one stretch (limit ${limit})`,
    onHoldTotal: (name: string, time: string, limit: string) =>
      `${name} waited on hold for ${time} in total (limit ${limit})`,
    longestHold: (name: string, time: string) => `${name} waited ${time} on hold`,
    noHold: 'nobody waited on hold',
    endedAt: (time: string) => `finished at ${time}`,
    answered: (given: string, correct: string) => `answered "${given}", correct: "${correct}"`,
    stateReached: 'the call reached this state',
    stateHeld: (time: string) => `the call stayed in this state for ${time}`,
    notLeft: 'you never left the call',
    atLeave: 'the call when you left',
    lostBy: (name: string, action: string) => `${name}'s call ended: ${action}`,
    hungUpOnHold: (name: string) => `${name} hung up while on hold`,
    none: 'none',
  },
  de: {
    you: 'Sie',
    start: 'Beginn des Anrufs',
    refused: 'abgelehnt',
    connected: (name: string) => `${name} verbunden`,
    neverJoined: (name: string) => `${name} verbunden, aber nie zusammengeschaltet`,
    heardBefore: (listener: string, speaker: string) =>
      `${listener} hat ${speaker} schon vor dem Zusammenschalten gehört`,
    consulted: (time: string) => `nach ${time} Gespräch unter vier Augen zusammengeschaltet`,
    heard: (listener: string, speaker: string) => `${listener} hat ${speaker} gehört`,
    onHoldStretch: (name: string, time: string, limit: string) =>
      `${name} war ${time} am Stück in der Warteschleife (Grenze ${limit})`,
    onHoldTotal: (name: string, time: string, limit: string) =>
      `${name} war insgesamt ${time} in der Warteschleife (Grenze ${limit})`,
    longestHold: (name: string, time: string) => `${name} war ${time} in der Warteschleife`,
    noHold: 'niemand war in der Warteschleife',
    endedAt: (time: string) => `fertig nach ${time}`,
    answered: (given: string, correct: string) => `Antwort „${given}“, richtig: „${correct}“`,
    stateReached: 'der Anruf hat diesen Zustand erreicht',
    stateHeld: (time: string) => `der Anruf blieb ${time} in diesem Zustand`,
    notLeft: 'Sie haben den Anruf nie verlassen',
    atLeave: 'der Anruf, als Sie gegangen sind',
    lostBy: (name: string, action: string) => `Der Anruf von ${name} endete: ${action}`,
    hungUpOnHold: (name: string) => `${name} hat in der Warteschleife aufgelegt`,
    none: 'keine',
  },
} as const;

/** The scorer's phrases in one language, with the scenario's party names. */
export interface Notes {
  readonly words: (typeof WORDS)['en'];
  /** A party's name (the trainee is "You"/"Sie"); the id when the scenario has no such party. */
  readonly name: (party: string) => string;
  /** A duration: `62 s`. */
  readonly duration: (ms: number) => string;
  /** An entry of the log in words: who did what to whom, and why it was refused. */
  readonly entry: (entry: LogEntry) => string;
}

/** The phrases for a scenario. */
export function notesFor(scenario: Scenario): Notes {
  const language = scenario.language;
  const words = WORDS[language] as (typeof WORDS)['en'];
  const name = (party: string): string =>
    party === scenario.call.trainee
      ? words.you
      : (scenario.parties.find((p) => p.id === party)?.name ?? party);
  const duration = (ms: number): string => {
    const text = (ms / 1000).toFixed(1);
    return `${language === 'de' ? text.replace('.', ',') : text} s`;
  };
  const entry = (e: LogEntry): string => {
    const plain = ACTIONS[language][e.type] ?? e.type;
    // German conjugates for "Sie" (the trainee): "Sie haben getrennt", not "Sie hat".
    const verb =
      language === 'de' && e.actor === scenario.call.trainee
        ? plain.replace(/^hat /, 'haben ').replace(/^war /, 'waren ')
        : plain;
    const target = e.target ? ` ${name(e.target)}` : '';
    const base = `${name(e.actor)} ${verb}${target}`;
    if (e.result.status !== 'refused') return base;
    const reason = REASONS[language][e.result.reason] ?? e.result.reason;
    return `${base} (${words.refused}: ${reason}, ${e.result.rule})`;
  };
  return { words, name, duration, entry };
}

/** Fills `{placeholder}`s of a feedback text with facts; unknown ones stay as written. */
export function fillFeedback(text: string, facts: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => facts[key] ?? whole);
}
