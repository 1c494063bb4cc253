/**
 * The English and German explanations of the caller-ID findings (CID-6 to CID-10). Each
 * explanation says what was found, which rule asks for what, and what happens otherwise.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { assertNever } from '../assert-never';
import type { Bilingual } from './findings';
import { countryNameDe, countryNameEn, listDe, listEn, quoteDe, quoteEn } from './words';

/**
 * The caller ID number being checked, and where it came from.
 * - `configured`: set in a queue, a flow or the block (null: none is set).
 * - `passed-through`: the caller's own number, passed through by CID-5 (null: withheld).
 * - `caller-unknown`: passed through by CID-5, but the caller is not known yet (a block's
 *   configuration checked on its own).
 */
export type CheckedNumber =
  | { readonly kind: 'configured'; readonly number: string | null }
  | { readonly kind: 'passed-through'; readonly number: string | null }
  | { readonly kind: 'caller-unknown' };

/** What the explanations of CID-6 to CID-8 need to know. */
export interface NumberContext {
  readonly checked: CheckedNumber;
  /** The country the instance is used in. */
  readonly instanceCountry: CountryCode;
}

const consequencesEn = 'rejected calls, poor audio quality, delay, latency, or the wrong caller ID shown';
const consequencesDe =
  'abgelehnte Anrufe, schlechte Audioqualität, Verzögerung, Latenz oder eine falsche Anrufer-ID';

function subjectEn(checked: CheckedNumber): string {
  switch (checked.kind) {
    case 'configured':
      return checked.number === null
        ? 'The external party is shown no caller ID number.'
        : `The caller ID number is ${checked.number}.`;
    case 'passed-through':
      return checked.number === null
        ? 'The block sets no caller ID number and the caller withholds theirs (CID-5), so the external party is shown no number.'
        : `The block sets no caller ID number, so the caller's own number ${checked.number} is passed through (CID-5).`;
    case 'caller-unknown':
      return "The block sets no caller ID number, so the caller's own number is passed through (CID-5).";
    default:
      return assertNever(checked, 'checked number');
  }
}

function subjectDe(checked: CheckedNumber): string {
  switch (checked.kind) {
    case 'configured':
      return checked.number === null
        ? 'Der externen Partei wird keine Anrufer-ID-Nummer angezeigt.'
        : `Die Anrufer-ID-Nummer ist ${checked.number}.`;
    case 'passed-through':
      return checked.number === null
        ? 'Der Block legt keine Anrufer-ID-Nummer fest und der Anrufer unterdrückt seine (CID-5), daher wird der externen Partei keine Nummer angezeigt.'
        : `Der Block legt keine Anrufer-ID-Nummer fest, daher wird die eigene Nummer des Anrufers ${checked.number} übergeben (CID-5).`;
    case 'caller-unknown':
      return 'Der Block legt keine Anrufer-ID-Nummer fest, daher wird die eigene Nummer des Anrufers übergeben (CID-5).';
    default:
      return assertNever(checked, 'checked number');
  }
}

function isPassThrough(checked: CheckedNumber): boolean {
  return checked.kind !== 'configured';
}

function hasNoNumber(checked: CheckedNumber): boolean {
  return checked.kind !== 'caller-unknown' && checked.number === null;
}

/** CID-6: outside the USA the caller ID is not a number claimed in the instance. */
export function explainNotClaimed(context: NumberContext): Bilingual {
  const where = context.instanceCountry;
  return {
    en:
      `${subjectEn(context.checked)} ${hasNoNumber(context.checked) ? 'That is' : 'It is'} not a number claimed in this ` +
      `instance, which is used in ${countryNameEn(where)}, outside the USA. Outside the USA the caller ID ` +
      'should be an Amazon Connect number claimed in the instance; otherwise local regulations can make ' +
      `carriers block or reroute the call (${consequencesEn}).` +
      (isPassThrough(context.checked) ? " Set the block's caller ID number to a claimed number." : ''),
    de:
      `${subjectDe(context.checked)} ${hasNoNumber(context.checked) ? 'Das ist' : 'Sie ist'} keine in dieser Instanz ` +
      `beanspruchte Nummer, und die Instanz wird in ${countryNameDe(where)} verwendet, also außerhalb der USA. ` +
      'Außerhalb der USA sollte die Anrufer-ID eine in der Instanz beanspruchte Amazon-Connect-Nummer sein; ' +
      'sonst können lokale Vorschriften dazu führen, dass Telefonanbieter den Anruf blockieren oder umleiten ' +
      `(${consequencesDe}).` +
      (isPassThrough(context.checked)
        ? ' Legen Sie im Block eine beanspruchte Nummer als Anrufer-ID-Nummer fest.'
        : ''),
  };
}

const auRuleEn =
  'In Australia the caller ID must be a DID (direct inward dialing) number provided by Amazon Connect';
const auRuleDe =
  'In Australien muss die Anrufer-ID eine von Amazon Connect bereitgestellte DID-Nummer (Direct Inward Dialing) sein';
const rejectEn = 'local carriers may reject the outbound call under local anti-fraud requirements.';
const rejectDe =
  'können lokale Telefonanbieter den ausgehenden Anruf aufgrund lokaler Betrugsbekämpfungsanforderungen ablehnen.';

/** CID-7: in Australia the external party is shown no number at all. */
export function explainAuNoNumber(context: NumberContext): Bilingual {
  return {
    en: `${subjectEn(context.checked)} ${auRuleEn}; without one, ${rejectEn}`,
    de: `${subjectDe(context.checked)} ${auRuleDe}; ohne eine solche Nummer ${rejectDe}`,
  };
}

/** CID-7: in Australia the caller ID is not a number provided by (claimed in) the instance. */
export function explainAuNotProvided(context: NumberContext): Bilingual {
  return {
    en: `${subjectEn(context.checked)} ${auRuleEn}. This number is not claimed in the instance, so ${rejectEn}`,
    de: `${subjectDe(context.checked)} ${auRuleDe}. Diese Nummer ist in der Instanz nicht beansprucht, daher ${rejectDe}`,
  };
}

/** CID-7: in Australia the caller ID is a toll-free number. */
export function explainAuTollFree(context: NumberContext): Bilingual {
  return {
    en: `${subjectEn(context.checked)} ${auRuleEn}, not a toll-free number. This number is toll-free, so ${rejectEn}`,
    de: `${subjectDe(context.checked)} ${auRuleDe}, keine gebührenfreie Nummer. Diese Nummer ist gebührenfrei, daher ${rejectDe}`,
  };
}

/** CID-8: in the United Kingdom the external party is shown no number at all. */
export function explainUkNoNumber(context: NumberContext): Bilingual {
  return {
    en: `${subjectEn(context.checked)} In the United Kingdom the caller ID must be a valid E.164 number; without a number in the caller ID, ${rejectEn}`,
    de: `${subjectDe(context.checked)} Im Vereinigten Königreich muss die Anrufer-ID eine gültige E.164-Nummer sein; ohne Nummer in der Anrufer-ID ${rejectDe}`,
  };
}

/**
 * CID-8: in the United Kingdom the caller ID is not a valid number written in E.164 form.
 * `e164` is the E.164 form libphonenumber-js found for it, or null when it is no valid number.
 */
export function explainUkNotE164(context: NumberContext, written: string, e164: string | null): Bilingual {
  const hintEn =
    e164 === null ? 'not a valid phone number' : `not written in E.164 form (that would be ${e164})`;
  const hintDe =
    e164 === null ? 'keine gültige Telefonnummer' : `nicht in E.164-Form geschrieben (das wäre ${e164})`;
  return {
    en: `${subjectEn(context.checked)} In the United Kingdom the caller ID must be a valid E.164 number such as +442079460000; ${quoteEn(written)} is ${hintEn}, so ${rejectEn}`,
    de: `${subjectDe(context.checked)} Im Vereinigten Königreich muss die Anrufer-ID eine gültige E.164-Nummer wie +442079460000 sein; ${quoteDe(written)} ist ${hintDe}, daher ${rejectDe}`,
  };
}

/** CID-9: the caller ID name contains characters that SIP (RFC 3261) reserves. */
export function explainReservedCharacters(name: string, found: ReadonlyArray<string>): Bilingual {
  const shownEn = listEn(found.map(quoteEn));
  const shownDe = listDe(found.map(quoteDe));
  return {
    en:
      `The caller ID name ${quoteEn(name)} contains ${shownEn}. SIP (RFC 3261) reserves the characters ` +
      '; / ? : @ & = + $ , so they must not appear in a caller ID name: with them, outbound calls can fail ' +
      'or the name be displayed wrongly. (Even for a clean name there is no guarantee that it is displayed ' +
      'correctly.)',
    de:
      `Der Anrufer-ID-Name ${quoteDe(name)} enthält ${shownDe}. SIP (RFC 3261) reserviert die Zeichen ` +
      '; / ? : @ & = + $ , daher dürfen sie im Anrufer-ID-Namen nicht vorkommen: mit ihnen können ausgehende ' +
      'Anrufe fehlschlagen oder der Name falsch angezeigt werden. (Auch bei einem einwandfreien Namen gibt ' +
      'es keine Garantie, dass er korrekt angezeigt wird.)',
  };
}

/** CID-10: the destination's country is not on the instance's allow list. */
export function explainCountryNotAllowed(
  destination: string,
  country: CountryCode,
  allowed: ReadonlyArray<CountryCode>,
): Bilingual {
  const allowedEn = allowed.length ? listEn(allowed.map(countryNameEn)) : 'no country';
  const allowedDe = allowed.length ? listDe(allowed.map(countryNameDe)) : 'kein Land';
  return {
    en:
      `The destination ${destination} is in ${countryNameEn(country)}, which is not on the instance's allow ` +
      `list for outbound calls (service quota; allowed: ${allowedEn}), so the call fails. A service quota ` +
      'increase request can add the country.',
    de:
      `Das Ziel ${destination} liegt in ${countryNameDe(country)}, das nicht auf der Zulassungsliste der ` +
      `Instanz für ausgehende Anrufe steht (Servicekontingent; zugelassen: ${allowedDe}), daher schlägt der ` +
      'Anruf fehl. Mit einer Anfrage zur Erhöhung des Servicekontingents lässt sich das Land hinzufügen.',
  };
}

/** CID-10: the destination is no valid number, so its country cannot be on the allow list. */
export function explainDestinationCountryUnknown(destination: string): Bilingual {
  return {
    en:
      `The destination ${quoteEn(destination)} is not a valid phone number with a country code, so its ` +
      "country cannot be on the instance's allow list for outbound calls: the call fails.",
    de:
      `Das Ziel ${quoteDe(destination)} ist keine gültige Telefonnummer mit Landesvorwahl, daher kann sein ` +
      'Land nicht auf der Zulassungsliste der Instanz für ausgehende Anrufe stehen: der Anruf schlägt fehl.',
  };
}
