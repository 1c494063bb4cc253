/**
 * Refusals in plain words, for the console's "why not?" explanations and for feedback: what
 * each refusal reason means and what each rule says, in English and German. The words explain
 * the rules of RULES.md; they decide nothing (that is `check`'s job).
 */
import type { RefusalReason, RuleId } from './types';

/** A language the explanations are written in. */
export type ExplanationLanguage = 'en' | 'de';

type Texts = Readonly<Record<ExplanationLanguage, string>>;

const REASONS: Readonly<Record<RefusalReason, Texts>> = {
  'participant-limit': {
    en: 'The call is full: no one else can be added.',
    de: 'Die Konferenz ist voll: Es kann niemand mehr hinzugefügt werden.',
  },
  'dial-pending': {
    en: 'A participant is still being dialled. Wait until that line answers or ends.',
    de: 'Ein Teilnehmer wird noch angewählt. Warten Sie, bis er abhebt oder die Leitung endet.',
  },
  'too-few-participants': {
    en: 'Too few participants are on the call for this.',
    de: 'Dafür sind zu wenige Teilnehmer im Gespräch.',
  },
  'not-your-party': {
    en: 'You did not add this participant, so you cannot control their line.',
    de: 'Sie haben diesen Teilnehmer nicht hinzugefügt und können seine Leitung daher nicht steuern.',
  },
  'primary-only': {
    en: 'Only the agent who took the call can do this.',
    de: 'Das kann nur der Agent, der den Anruf angenommen hat.',
  },
  'cannot-resume-self': {
    en: 'You were put on hold by the other agent; only they can take you off hold.',
    de: 'Der andere Agent hat Sie gehalten; nur er kann Sie wieder zurückholen.',
  },
  'cannot-mute-others': {
    en: 'You cannot mute this participant.',
    de: 'Sie können diesen Teilnehmer nicht stummschalten.',
  },
  'cannot-unmute-others': {
    en: 'You cannot unmute this participant: an agent controls their own mute.',
    de: 'Sie können die Stummschaltung dieses Teilnehmers nicht aufheben: Ein Agent steuert sie selbst.',
  },
  'swap-unavailable': {
    en: 'Swap exists only in a call of exactly three participants.',
    de: 'Wechseln gibt es nur in einem Gespräch mit genau drei Teilnehmern.',
  },
  'no-third-party': {
    en: 'There is no third party on the call, or the caller is no longer on it.',
    de: 'Es ist kein dritter Teilnehmer im Gespräch, oder der Anrufer ist nicht mehr dabei.',
  },
  'not-on-call': {
    en: 'You are not on the call.',
    de: 'Sie sind nicht im Gespräch.',
  },
  'no-such-participant': {
    en: 'No participant can be reached that way.',
    de: 'Auf diesem Weg ist kein Teilnehmer erreichbar.',
  },
  'invalid-state': {
    en: 'That is not possible in the line’s current state.',
    de: 'Das ist im aktuellen Zustand der Leitung nicht möglich.',
  },
  'quick-connect-unavailable': {
    en: 'That quick connect does not reach this participant, or is not available to you.',
    de: 'Diese Schnellverbindung erreicht diesen Teilnehmer nicht oder steht Ihnen nicht zur Verfügung.',
  },
};

const RULES: Readonly<Record<RuleId, Texts>> = {
  'CONF-1': {
    en: 'Three-party calls hold at most 3 participants, multiparty calls at most 6.',
    de: 'Dreierkonferenzen fassen höchstens 3 Teilnehmer, Mehrparteienkonferenzen höchstens 6.',
  },
  'CONF-2': {
    en: 'You add a participant with a quick connect or, for an outside number, the number pad.',
    de: 'Teilnehmer fügen Sie über eine Schnellverbindung hinzu, externe Nummern auch über den Nummernblock.',
  },
  'CONF-3': {
    en: 'Join takes every party off hold and conferences everyone connected.',
    de: 'Konferenz holt alle aus dem Halten zurück und verbindet alle miteinander.',
  },
  'CONF-4': {
    en: 'Swap exists only in a call of exactly three participants.',
    de: 'Wechseln gibt es nur bei genau drei Teilnehmern.',
  },
  'CONF-5': {
    en: 'While a participant is being dialled, nobody can add another one.',
    de: 'Solange ein Teilnehmer angewählt wird, kann niemand einen weiteren hinzufügen.',
  },
  'CONF-6': {
    en: 'Every agent may add participants up to the call’s limit.',
    de: 'Jeder Agent darf Teilnehmer bis zur Obergrenze des Gesprächs hinzufügen.',
  },
  'CONF-7': {
    en: 'After the first agent has left, participants can be added only while at least three are on the call.',
    de: 'Nachdem der erste Agent gegangen ist, kann nur hinzugefügt werden, solange mindestens drei im Gespräch sind.',
  },
  'CONF-8': {
    en: 'With three or more participants, agents can add people even after the caller hung up.',
    de: 'Ab drei Teilnehmern können Agenten auch nach dem Auflegen des Anrufers hinzufügen.',
  },
  'CONF-9a': {
    en: 'In a three-party call an agent controls only the parties they added.',
    de: 'In der Dreierkonferenz steuert ein Agent nur die Teilnehmer, die er hinzugefügt hat.',
  },
  'CONF-9b': {
    en: 'In a three-party call only the primary agent can disconnect a party.',
    de: 'In der Dreierkonferenz kann nur der erste Agent einen Teilnehmer trennen.',
  },
  'CONF-9c': {
    en: 'A secondary agent held by the primary cannot take themselves off hold.',
    de: 'Ein vom ersten Agenten gehaltener zweiter Agent kann sich nicht selbst zurückholen.',
  },
  'CONF-9d': {
    en: 'A secondary agent on hold can still talk with the primary agent.',
    de: 'Ein gehaltener zweiter Agent kann weiter mit dem ersten Agenten sprechen.',
  },
  'CONF-9e': {
    en: 'A secondary agent sees only the transfer connection.',
    de: 'Ein zweiter Agent sieht nur die Weiterleitungsverbindung.',
  },
  'CONF-9f': {
    en: 'Another agent is shown only as “internal transfer”.',
    de: 'Ein anderer Agent wird nur als „interne Weiterleitung“ angezeigt.',
  },
  'CONF-10a': {
    en: 'In a multiparty call every agent has the same controls once they accepted.',
    de: 'In der Mehrparteienkonferenz hat jeder Agent nach dem Annehmen dieselben Funktionen.',
  },
  'CONF-10b': {
    en: 'In a multiparty call any agent can put any party on hold.',
    de: 'In der Mehrparteienkonferenz kann jeder Agent jeden Teilnehmer halten.',
  },
  'CONF-10c': {
    en: 'In a multiparty call any agent can take themselves off hold.',
    de: 'In der Mehrparteienkonferenz kann sich jeder Agent selbst zurückholen.',
  },
  'CONF-10d': {
    en: 'Secondary agents on hold cannot talk with each other.',
    de: 'Gehaltene weitere Agenten können nicht miteinander sprechen.',
  },
  'CONF-10e': {
    en: 'In a multiparty call any agent can disconnect any other participant.',
    de: 'In der Mehrparteienkonferenz kann jeder Agent jeden anderen Teilnehmer trennen.',
  },
  'CONF-10f': {
    en: 'In a multiparty call every agent sees every connection.',
    de: 'In der Mehrparteienkonferenz sieht jeder Agent alle Verbindungen.',
  },
  'CONF-10g': {
    en: 'Another agent is shown by their quick connect name.',
    de: 'Ein anderer Agent wird mit dem Namen seiner Schnellverbindung angezeigt.',
  },
  'CONF-11': {
    en: 'Three-party: you can mute only yourself. Multiparty: you can mute anyone. Nobody unmutes another agent.',
    de: 'Dreierkonferenz: nur sich selbst stummschalten. Mehrparteien: jeden. Niemand hebt die Stummschaltung eines anderen Agenten auf.',
  },
  'CONF-12': {
    en: 'When an agent leaves, call control stays with the remaining agents.',
    de: 'Verlässt ein Agent das Gespräch, bleibt die Steuerung bei den übrigen Agenten.',
  },
  'CONF-13': {
    en: 'Before a warm transfer completes, an agent can talk with the caller and drop the other agents.',
    de: 'Vor Abschluss einer betreuten Weiterleitung kann ein Agent mit dem Anrufer sprechen und die anderen Agenten trennen.',
  },
  'CONF-14': {
    en: 'The call stays up while the caller or an agent is on it; with only outside parties left it ends.',
    de: 'Das Gespräch besteht, solange der Anrufer oder ein Agent dabei ist; bleiben nur Externe, endet es.',
  },
  'CONF-15': {
    en: 'Every consult or transfer leg gets its own linked contact ID.',
    de: 'Jede Rückfrage- oder Weiterleitungsverbindung erhält eine eigene, verknüpfte Kontakt-ID.',
  },
  'CONF-16': {
    en: 'Contact Lens supports calls of at most two participants.',
    de: 'Contact Lens unterstützt Gespräche mit höchstens zwei Teilnehmern.',
  },
  'CONF-17': {
    en: 'Any agent can transfer the call or leave it; the others talk on.',
    de: 'Jeder Agent kann weiterleiten oder das Gespräch verlassen; die anderen sprechen weiter.',
  },
  'CONF-18': {
    en: 'The caller is always listed first.',
    de: 'Der Anrufer steht immer an erster Stelle.',
  },
  'CCP-1': {
    en: 'Lines move through connecting, connected, on hold and disconnected; an action must fit the line’s state.',
    de: 'Leitungen sind „verbindet“, „verbunden“, „gehalten“ oder „getrennt“; eine Aktion muss zum Zustand passen.',
  },
  'CCP-2': {
    en: 'Agent and queue quick connects reach agents, phone-number quick connects reach outside numbers; you see only your queues’ quick connects.',
    de: 'Agenten- und Warteschlangen-Schnellverbindungen erreichen Agenten, Telefonnummer-Schnellverbindungen externe Nummern.',
  },
  'CCP-3': {
    en: 'A new line shows connecting until the party answers.',
    de: 'Eine neue Leitung zeigt „verbindet“, bis der Teilnehmer abhebt.',
  },
  'CCP-4': {
    en: 'Swap and Join need a third party and a caller who is still on the call.',
    de: 'Wechseln und Konferenz brauchen einen dritten Teilnehmer und einen Anrufer, der noch im Gespräch ist.',
  },
  'CCP-5': {
    en: 'In a two-party call only the caller can be put on hold.',
    de: 'Im Zweiergespräch kann nur der Anrufer gehalten werden.',
  },
  'CCP-6': {
    en: 'Adding is refused while any line is still connecting.',
    de: 'Hinzufügen ist nicht möglich, solange eine Leitung noch verbindet.',
  },
  'CCP-7': {
    en: 'After leaving, you are in after-call work until you clear the contact.',
    de: 'Nach dem Verlassen sind Sie in der Nachbearbeitung, bis Sie den Kontakt schließen.',
  },
  'CCP-8': {
    en: 'Mute and unmute also work while a line is on hold.',
    de: 'Stummschalten und Aufheben funktionieren auch bei gehaltener Leitung.',
  },
  'CCP-9': {
    en: 'A refused action leaves the call exactly as it was.',
    de: 'Eine abgelehnte Aktion lässt das Gespräch unverändert.',
  },
  'CCP-10': {
    en: 'You cannot put your own line on hold; only another agent can hold you.',
    de: 'Sie können Ihre eigene Leitung nicht halten; nur ein anderer Agent kann Sie halten.',
  },
  'CCP-11': {
    en: 'The number pad reads a number in the selected country; a number that is not valid there cannot be dialled.',
    de: 'Der Nummernblock liest eine Nummer im gewählten Land; eine dort ungültige Nummer kann nicht gewählt werden.',
  },
  'CCP-12': {
    en: 'You may unmute a caller or outside participant you may mute, but never another agent.',
    de: 'Sie dürfen Anrufer und Externe wieder laut schalten, die Sie stummschalten dürfen, aber nie einen anderen Agenten.',
  },
};

/** A refusal explained: what happened, the rule that says so and the rule's ID. */
export interface RefusalExplanation {
  readonly reason: string;
  readonly rule: string;
  readonly ruleId: RuleId;
}

/** Explains a refusal (reason and rule) in plain words in the given language. */
export function explainRefusal(
  reason: RefusalReason,
  rule: RuleId,
  language: ExplanationLanguage,
): RefusalExplanation {
  return { reason: REASONS[reason][language], rule: RULES[rule][language], ruleId: rule };
}
