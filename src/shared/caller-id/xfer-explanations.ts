/**
 * The English and German explanations of the "Transfer to phone number" block: what is wrong
 * with a configuration (XFER-2, XFER-3) and why a simulated transfer ended as it did.
 */
import { assertNever } from '../assert-never';
import type { Bilingual } from './findings';
import {
  type Channel,
  DTMF_MAX_LENGTH,
  type FlowType,
  TRANSFER_TIMEOUT_RANGE_SECONDS,
  type TransferBranch,
} from './transfer-block';
import { listDe, listEn, quoteDe, quoteEn, secondsDe, secondsEn } from './words';

const flowTypeNames: Readonly<Record<FlowType, Bilingual>> = {
  inbound: { en: 'inbound flow', de: 'Inbound-Flow' },
  'customer-queue': { en: 'customer queue flow', de: 'Kundenwarteschlangen-Flow' },
  'customer-hold': { en: 'customer hold flow', de: 'Kunden-Halteflow' },
  'customer-whisper': { en: 'customer whisper flow', de: 'Kunden-Whisper-Flow' },
  'outbound-whisper': { en: 'outbound whisper flow', de: 'ausgehender Whisper-Flow' },
  'agent-hold': { en: 'agent hold flow', de: 'Mitarbeiter-Halteflow' },
  'agent-whisper': { en: 'agent whisper flow', de: 'Mitarbeiter-Whisper-Flow' },
  'transfer-to-agent': {
    en: '"Transfer to agent" flow',
    de: 'Flow „An Kundendienstmitarbeiter weiterleiten“',
  },
  'transfer-to-queue': { en: '"Transfer to queue" flow', de: 'Flow „An Warteschlange weiterleiten“' },
};

const branchNames: Readonly<Record<TransferBranch, Bilingual>> = {
  success: { en: 'Success', de: 'Erfolg' },
  'call-failed': { en: 'Call failed', de: 'Anruf fehlgeschlagen' },
  timeout: { en: 'Timeout', de: 'Timeout' },
  error: { en: 'Error', de: 'Fehler' },
};

const channelNames: Readonly<Record<Channel, Bilingual>> = {
  voice: { en: 'voice', de: 'Sprach' },
  chat: { en: 'chat', de: 'Chat' },
  task: { en: 'task', de: 'Aufgaben' },
};

/** XFER-2: the block sits in a flow type that does not offer it. */
export function explainFlowTypeNotAllowed(flowType: FlowType, allowed: ReadonlyArray<FlowType>): Bilingual {
  return {
    en: `The "Transfer to phone number" block can be used only in these flow types: ${listEn(allowed.map((t) => flowTypeNames[t].en))}; not in a ${flowTypeNames[flowType].en}.`,
    de: `Der Block „Übertragung an Telefonnummer“ kann nur in diesen Flow-Typen verwendet werden: ${listDe(allowed.map((t) => flowTypeNames[t].de))}; nicht in einem ${flowTypeNames[flowType].de}.`,
  };
}

/** XFER-3: the timeout lies outside 0 to 600 seconds. */
export function explainTimeoutOutOfRange(seconds: number): Bilingual {
  const { min, max } = TRANSFER_TIMEOUT_RANGE_SECONDS;
  return {
    en: `The timeout is ${seconds} s; the block accepts ${min} to ${max} seconds.`,
    de: `Das Timeout beträgt ${String(seconds).replace('.', ',')} s; der Block akzeptiert ${min} bis ${max} Sekunden.`,
  };
}

/** XFER-3: the timeout is not a whole number of seconds. */
export function explainTimeoutNotWhole(seconds: number): Bilingual {
  return {
    en: `The timeout is ${seconds} s; the block takes whole seconds.`,
    de: `Das Timeout beträgt ${String(seconds).replace('.', ',')} s; der Block nimmt nur ganze Sekunden.`,
  };
}

/** XFER-3: "Send DTMF" is longer than 50 characters. */
export function explainDtmfTooLong(length: number): Bilingual {
  return {
    en: `"Send DTMF" has ${length} characters; at most ${DTMF_MAX_LENGTH} are allowed.`,
    de: `„DTMF senden“ hat ${length} Zeichen; höchstens ${DTMF_MAX_LENGTH} sind erlaubt.`,
  };
}

/** XFER-3: "Send DTMF" contains characters other than 0-9, *, # and the comma. */
export function explainDtmfInvalidCharacters(invalid: ReadonlyArray<string>): Bilingual {
  const shown = invalid.map((c) => (c === ' ' ? 'space' : c));
  const shownDe = invalid.map((c) => (c === ' ' ? 'Leerzeichen' : c));
  return {
    en: `"Send DTMF" contains ${listEn(shown.map(quoteEn))}; only the digits 0-9, * and #, and the comma (a 750 ms pause) are allowed.`,
    de: `„DTMF senden“ enthält ${listDe(shownDe.map(quoteDe))}; erlaubt sind nur die Ziffern 0-9, * und # sowie das Komma (eine Pause von 750 ms).`,
  };
}

/** XFER-3: "Transfer via" is not a valid phone number with its country code. */
export function explainTransferViaInvalid(transferVia: string): Bilingual {
  return {
    en: `"Transfer via" is ${quoteEn(transferVia)}, which is not a valid phone number with its country code (e.g. +12065550100).`,
    de: `„Weiterleitung via“ ist ${quoteDe(transferVia)}, keine gültige Telefonnummer mit Landesvorwahl (z. B. +12065550100).`,
  };
}

/** XFER-3: the block's caller ID number is not a phone number at all. */
export function explainCallerIdNumberInvalid(number: string): Bilingual {
  return {
    en: `The caller ID number ${quoteEn(number)} is not a valid phone number; choose a number of the instance.`,
    de: `Die Anrufer-ID-Nummer ${quoteDe(number)} ist keine gültige Telefonnummer; wählen Sie eine Nummer aus Ihrer Instanz.`,
  };
}

/** How a simulated transfer ended before any continuation (XFER-1, XFER-4, CID-10). */
export type OutcomeForExplanation =
  | { readonly kind: 'unsupported-channel'; readonly channel: Channel }
  | { readonly kind: 'country-not-allowed' }
  | { readonly kind: 'busy'; readonly atMs: number }
  | { readonly kind: 'rejected'; readonly atMs: number }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'caller-hung-up-while-dialling'; readonly atMs: number }
  | { readonly kind: 'answered'; readonly atMs: number; readonly timeoutMs: number };

/** What happened after a successful transfer (XFER-5). */
export type ContinuationForExplanation =
  | { readonly kind: 'flow-ended' }
  | { readonly kind: 'returned'; readonly atMs: number }
  | { readonly kind: 'caller-hung-up'; readonly atMs: number; readonly resume: boolean }
  | { readonly kind: 'external-hung-up'; readonly atMs: number }
  | { readonly kind: 'still-talking'; readonly resume: boolean };

function branchEn(branch: TransferBranch, rules = 'XFER-4'): string {
  return `the block takes the ${branchNames[branch].en} branch (${rules})`;
}

/** In German word order after "daher": verb first. */
function branchDe(branch: TransferBranch, rules = 'XFER-4'): string {
  return `nimmt der Block die Verzweigung ${quoteDe(branchNames[branch].de)} (${rules})`;
}

/** Explains how the block ended: the branch, and for Success what followed (XFER-5). */
export function explainSimulation(
  outcome: OutcomeForExplanation,
  continuations: ReadonlyArray<ContinuationForExplanation>,
): Bilingual {
  const parts = [explainOutcome(outcome), ...continuations.map(explainContinuation)];
  return { en: parts.map((p) => p.en).join(' '), de: parts.map((p) => p.de).join(' ') };
}

function explainOutcome(outcome: OutcomeForExplanation): Bilingual {
  switch (outcome.kind) {
    case 'unsupported-channel':
      return {
        en: `A ${channelNames[outcome.channel].en} contact cannot be transferred to a phone number, so ${branchEn('error', 'XFER-1, XFER-4')}.`,
        de: `Ein ${channelNames[outcome.channel].de}kontakt kann nicht an eine Telefonnummer übertragen werden, daher ${branchDe('error', 'XFER-1, XFER-4')}.`,
      };
    case 'country-not-allowed':
      return {
        en: `The destination's country is not on the instance's allow list (CID-10), so the call fails at once and ${branchEn('call-failed')}.`,
        de: `Das Land des Ziels steht nicht auf der Zulassungsliste der Instanz (CID-10); der Anruf schlägt sofort fehl, daher ${branchDe('call-failed')}.`,
      };
    case 'busy':
      return {
        en: `The external number was busy after ${secondsEn(outcome.atMs)}, so ${branchEn('call-failed')}.`,
        de: `Die externe Nummer war nach ${secondsDe(outcome.atMs)} besetzt, daher ${branchDe('call-failed')}.`,
      };
    case 'rejected':
      return {
        en: `The call to the external number failed after ${secondsEn(outcome.atMs)} (rejected), so ${branchEn('call-failed')}.`,
        de: `Der Anruf an die externe Nummer schlug nach ${secondsDe(outcome.atMs)} fehl (abgelehnt), daher ${branchDe('call-failed')}.`,
      };
    case 'timeout':
      return {
        en: `The external party did not answer within the ${secondsEn(outcome.timeoutMs)} timeout, so ${branchEn('timeout')}.`,
        de: `Die externe Partei hat nicht innerhalb des Timeouts von ${secondsDe(outcome.timeoutMs)} angenommen, daher ${branchDe('timeout')}.`,
      };
    case 'caller-hung-up-while-dialling':
      return {
        en: `The caller hung up after ${secondsEn(outcome.atMs)}, before the external party answered; that ends the whole call, so the block takes no branch.`,
        de: `Der Anrufer legte nach ${secondsDe(outcome.atMs)} auf, bevor die externe Partei annahm; damit endet der gesamte Anruf, und der Block nimmt keine Verzweigung.`,
      };
    case 'answered':
      return {
        en: `The external party answered after ${secondsEn(outcome.atMs)}, within the ${secondsEn(outcome.timeoutMs)} timeout, so ${branchEn('success')}.`,
        de: `Die externe Partei nahm nach ${secondsDe(outcome.atMs)} an, innerhalb des Timeouts von ${secondsDe(outcome.timeoutMs)}, daher ${branchDe('success')}.`,
      };
    default:
      return assertNever(outcome, 'outcome');
  }
}

function explainContinuation(continuation: ContinuationForExplanation): Bilingual {
  switch (continuation.kind) {
    case 'flow-ended':
      return {
        en: '"Resume flow after disconnect" is off, so the flow ends with the transfer and the caller does not return to it (XFER-5).',
        de: '„Flow nach Trennen fortsetzen“ ist aus, daher endet der Flow mit der Weiterleitung, und der Anrufer kehrt nicht in ihn zurück (XFER-5).',
      };
    case 'returned':
      return {
        en: `The external party hung up at ${secondsEn(continuation.atMs)} while the caller stayed on the line, so with "Resume flow after disconnect" the caller returns to the instance and the flow continues (XFER-5).`,
        de: `Die externe Partei legte nach ${secondsDe(continuation.atMs)} auf, während der Anrufer am Telefon blieb; mit „Flow nach Trennen fortsetzen“ kehrt der Anrufer daher zur Instanz zurück, und der Flow wird fortgesetzt (XFER-5).`,
      };
    case 'caller-hung-up':
      return {
        en: `The caller hung up at ${secondsEn(continuation.atMs)}, which ends the whole call${continuation.resume ? '; "Resume flow after disconnect" works only when the external party hangs up and the caller stays' : ''} (XFER-5).`,
        de: `Der Anrufer legte nach ${secondsDe(continuation.atMs)} auf, womit der gesamte Anruf endet${continuation.resume ? '; „Flow nach Trennen fortsetzen“ greift nur, wenn die externe Partei auflegt und der Anrufer bleibt' : ''} (XFER-5).`,
      };
    case 'external-hung-up':
      return {
        en: `The external party hung up at ${secondsEn(continuation.atMs)}, which ends the call (XFER-5).`,
        de: `Die externe Partei legte nach ${secondsDe(continuation.atMs)} auf, womit der Anruf endet (XFER-5).`,
      };
    case 'still-talking':
      return continuation.resume
        ? {
            en: 'Nobody has hung up: the caller and the external party talk on; the caller will return to the flow when the external party hangs up, as long as the caller stays (XFER-5).',
            de: 'Niemand hat aufgelegt: Anrufer und externe Partei sprechen weiter; der Anrufer kehrt in den Flow zurück, sobald die externe Partei auflegt, sofern der Anrufer bleibt (XFER-5).',
          }
        : {
            en: 'Nobody has hung up: the caller and the external party talk on (XFER-5).',
            de: 'Niemand hat aufgelegt: Anrufer und externe Partei sprechen weiter (XFER-5).',
          };
    default:
      return assertNever(continuation, 'continuation');
  }
}
