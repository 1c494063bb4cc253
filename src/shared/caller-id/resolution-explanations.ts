/**
 * The English and German explanations of why the external party sees the caller ID it sees
 * (CID-1 to CID-5).
 */
import { assertNever } from '../assert-never';
import type { Bilingual } from './findings';
import { quoteDe, quoteEn } from './words';

/** Where the caller ID the external party sees comes from. */
export type CallerIdSource =
  /** CID-1 (external quick connect on a call) and CID-4 (number pad): the queue the call is handled from. */
  | { readonly kind: 'original-queue'; readonly queue: string }
  /** CID-2: the outbound queue of the agent's routing profile. */
  | {
      readonly kind: 'routing-profile-outbound-queue';
      readonly routingProfile: string;
      readonly queue: string;
    }
  /** CID-3: the "Call phone number" block of that outbound queue's outbound whisper flow. */
  | {
      readonly kind: 'outbound-whisper-flow';
      readonly routingProfile: string;
      readonly queue: string;
      readonly flow: string;
    }
  /** CID-5: the caller ID number configured in the "Transfer to phone number" block. */
  | { readonly kind: 'transfer-block' }
  /** CID-5: no number configured in the block, so the caller's own caller ID is passed through. */
  | { readonly kind: 'caller-pass-through' };

/** The rules that decide which caller ID is shown. */
export type DecidingRuleId = 'CID-1' | 'CID-2' | 'CID-3' | 'CID-4' | 'CID-5';

/** What the resolver decided, as the explanation needs it. */
export interface ShownCallerId {
  readonly rule: DecidingRuleId;
  readonly source: CallerIdSource;
  /** The quick connect used, for CID-1 to CID-3. */
  readonly quickConnect: string | null;
  readonly number: string | null;
  readonly formattedNumber: string | null;
  readonly name: string | null;
}

function shownEn(shown: ShownCallerId): string {
  const number = shown.formattedNumber ?? shown.number;
  const numberText = number === null ? 'no number' : number;
  const nameText =
    shown.name === null
      ? ''
      : ` with the name ${quoteEn(shown.name)} (a caller ID name may be set, but there is no guarantee that it is displayed correctly, CID-9)`;
  return `${numberText}${nameText}`;
}

function shownDe(shown: ShownCallerId): string {
  const number = shown.formattedNumber ?? shown.number;
  const numberText = number === null ? 'keine Nummer' : number;
  const nameText =
    shown.name === null
      ? ''
      : ` mit dem Namen ${quoteDe(shown.name)} (ein Anrufer-ID-Name kann festgelegt werden, es gibt aber keine Garantie, dass er korrekt angezeigt wird, CID-9)`;
  return `${numberText}${nameText}`;
}

/** Explains which caller ID the external party sees and which rule decided it. */
export function explainResolution(shown: ShownCallerId): Bilingual {
  const quickConnect = shown.quickConnect ?? '';
  const source = shown.source;
  switch (source.kind) {
    case 'original-queue':
      if (shown.rule === 'CID-4') {
        return {
          en: `The agent transfers with the number pad, so the original queue ${quoteEn(source.queue)}, from which the call is handled, supplies the outbound caller ID (CID-4): the external party sees ${shownEn(shown)}.`,
          de: `Der Mitarbeiter leitet über das Nummernfeld weiter, daher liefert die ursprüngliche Warteschlange ${quoteDe(source.queue)}, von der aus der Anruf bedient wird, die ausgehende Anrufer-ID (CID-4): die externe Partei sieht ${shownDe(shown)}.`,
        };
      }
      return {
        en: `The agent transfers through the external quick connect ${quoteEn(quickConnect)} while on an active call, so the original queue ${quoteEn(source.queue)}, from which the call is handled, supplies the outbound caller ID (CID-1): the external party sees ${shownEn(shown)}.`,
        de: `Der Mitarbeiter leitet während eines aktiven Gesprächs über die externe Schnellverbindung ${quoteDe(quickConnect)} weiter, daher liefert die ursprüngliche Warteschlange ${quoteDe(source.queue)}, von der aus der Anruf bedient wird, die ausgehende Anrufer-ID (CID-1): die externe Partei sieht ${shownDe(shown)}.`,
      };
    case 'routing-profile-outbound-queue':
      return {
        en: `The agent uses the external quick connect ${quoteEn(quickConnect)} while not on an active call, so the outbound queue ${quoteEn(source.queue)} of the agent's routing profile ${quoteEn(source.routingProfile)} supplies the outbound caller ID (CID-2): the external party sees ${shownEn(shown)}.`,
        de: `Der Mitarbeiter nutzt die externe Schnellverbindung ${quoteDe(quickConnect)} ohne aktives Gespräch, daher liefert die Ausgangswarteschlange ${quoteDe(source.queue)} seines Routing-Profils ${quoteDe(source.routingProfile)} die ausgehende Anrufer-ID (CID-2): die externe Partei sieht ${shownDe(shown)}.`,
      };
    case 'outbound-whisper-flow':
      return {
        en: `The agent uses the external quick connect ${quoteEn(quickConnect)} while not on an active call, so the outbound queue ${quoteEn(source.queue)} of the routing profile ${quoteEn(source.routingProfile)} would supply the caller ID (CID-2); its custom outbound whisper flow ${quoteEn(source.flow)} overrides it with a "Call phone number" block (CID-3): the external party sees ${shownEn(shown)}.`,
        de: `Der Mitarbeiter nutzt die externe Schnellverbindung ${quoteDe(quickConnect)} ohne aktives Gespräch, daher würde die Ausgangswarteschlange ${quoteDe(source.queue)} des Routing-Profils ${quoteDe(source.routingProfile)} die Anrufer-ID liefern (CID-2); ihr benutzerdefinierter ausgehender Whisper-Flow ${quoteDe(source.flow)} überschreibt sie mit einem „Anruf-Telefonnummer“-Block (CID-3): die externe Partei sieht ${shownDe(shown)}.`,
      };
    case 'transfer-block':
      return {
        en: `The "Transfer to phone number" block has a caller ID number configured, so that number is shown (CID-5): the external party sees ${shownEn(shown)}.`,
        de: `Im Block „Übertragung an Telefonnummer“ ist eine Anrufer-ID-Nummer konfiguriert, daher wird diese angezeigt (CID-5): die externe Partei sieht ${shownDe(shown)}.`,
      };
    case 'caller-pass-through':
      return {
        en: `The "Transfer to phone number" block has no caller ID number configured, so the caller's own caller ID is passed through (CID-5): the external party sees ${shownEn(shown)}${shown.number === null ? ', because the caller withholds their number' : ''}.`,
        de: `Im Block „Übertragung an Telefonnummer“ ist keine Anrufer-ID-Nummer konfiguriert, daher wird die Anrufer-ID des Anrufers übergeben (CID-5): die externe Partei sieht ${shownDe(shown)}${shown.number === null ? ', weil der Anrufer seine Nummer unterdrückt' : ''}.`,
      };
    default:
      return assertNever(source, 'caller ID source');
  }
}
