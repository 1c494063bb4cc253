/**
 * The compliance checks on a caller ID and a destination (CID-6 to CID-10). They run on
 * whatever number and name the external party is shown, whichever rule (CID-1 to CID-5)
 * chose them, because the seeds attach them to the caller ID itself, not to one method.
 *
 * A caller's own number passed through by CID-5 is checked like any other: the seed's advice
 * outside the USA (set the block's caller ID number to an Amazon Connect number) exists exactly
 * because the caller's number is not one. Judgment call (CID-5 with CID-6 to CID-8): a passed-
 * through number is therefore flagged by CID-6 and CID-7 unless it happens to be claimed in the
 * instance, and by CID-8 only when it is missing or not a valid E.164 number.
 */

import type { CountryCode } from 'libphonenumber-js/max';
import {
  type CheckedNumber,
  explainAuNoNumber,
  explainAuNotProvided,
  explainAuTollFree,
  explainCountryNotAllowed,
  explainDestinationCountryUnknown,
  explainNotClaimed,
  explainReservedCharacters,
  explainUkNoNumber,
  explainUkNotE164,
  type NumberContext,
} from './cid-explanations';
import type { Finding } from './findings';
import type { ClaimedNumber, InstanceConfig } from './instance';
import { describeNumber, isSameNumber } from './phone';

/** The characters SIP (RFC 3261) reserves, which must not appear in a caller ID name (CID-9). */
export const RESERVED_SIP_CHARACTERS = [';', '/', '?', ':', '@', '&', '=', '+', '$', ','] as const;

/** One of the characters SIP reserves (CID-9). */
export type ReservedSipCharacter = (typeof RESERVED_SIP_CHARACTERS)[number];

/** The reserved SIP characters that occur in `name`, each once, in the order of the list (CID-9). */
export function reservedSipCharactersIn(name: string): ReadonlyArray<ReservedSipCharacter> {
  return RESERVED_SIP_CHARACTERS.filter((character) => name.includes(character));
}

/**
 * The claimed number that `number` denotes, or null. A national number is read as a number
 * of the instance's country, so `020 7946 0000` in a GB instance matches `+442079460000`.
 */
export function findClaimedNumber(
  number: string,
  instance: Pick<InstanceConfig, 'country' | 'claimedNumbers'>,
): ClaimedNumber | null {
  return (
    instance.claimedNumbers.find((claimed) => isSameNumber(number, claimed.number, instance.country)) ?? null
  );
}

/** A caller ID number to check, where it came from, and the field findings name. */
export interface CallerIdNumberCheck {
  readonly checked: CheckedNumber;
  /** The JSON path that findings name. */
  readonly field: string | null;
}

/**
 * CID-6, CID-7 and CID-8 on the caller ID number the external party is shown. "Outside the
 * USA", "in Australia" and "in the United Kingdom" are read as the country the instance is
 * used in (its `country`), not the destination's: the seeds phrase all three as where Amazon
 * Connect is used. Judgment call (CID-6 to CID-8).
 */
export function checkCallerIdNumber(
  instance: Pick<InstanceConfig, 'country' | 'claimedNumbers'>,
  { checked, field }: CallerIdNumberCheck,
): ReadonlyArray<Finding> {
  const context: NumberContext = { checked, instanceCountry: instance.country };
  // A caller who is not known yet has a number of their own, which the instance does not claim.
  const number = checked.kind === 'caller-unknown' ? undefined : checked.number;
  const claimed = typeof number === 'string' ? findClaimedNumber(number, instance) : null;
  const facts = typeof number === 'string' ? describeNumber(number, instance.country) : null;
  const findings: Finding[] = [];
  const warn = (rule: Finding['rule'], code: Finding['code'], explanation: Finding['explanation']): void => {
    findings.push({ rule, code, severity: 'warning', field, explanation });
  };

  // CID-6: outside the USA, the caller ID should be a number claimed in the instance.
  if (instance.country !== 'US' && claimed === null) {
    const code =
      number === null
        ? 'no-number-outside-usa'
        : checked.kind === 'configured'
          ? 'number-not-claimed'
          : 'caller-number-passed-through';
    warn('CID-6', code, explainNotClaimed(context));
  }

  // CID-7: in Australia, a DID number provided by Amazon Connect; toll-free numbers are flagged
  // whether the instance declares them so or the numbering plan (libphonenumber-js) says so.
  if (instance.country === 'AU') {
    if (number === null) {
      warn('CID-7', 'au-no-number', explainAuNoNumber(context));
    } else {
      if (claimed === null) warn('CID-7', 'au-not-provided-by-instance', explainAuNotProvided(context));
      if (claimed?.type === 'toll-free' || facts?.tollFree === true) {
        warn('CID-7', 'au-toll-free', explainAuTollFree(context));
      }
    }
  }

  // CID-8: in the United Kingdom, a valid number written in E.164 form; none at all is flagged
  // too. A caller who is not known yet cannot be judged.
  if (instance.country === 'GB') {
    if (number === null) {
      warn('CID-8', 'uk-no-number', explainUkNoNumber(context));
    } else if (typeof number === 'string' && describeNumber(number)?.writtenAsE164 !== true) {
      const e164 = facts?.valid === true ? facts.e164 : null;
      warn('CID-8', 'uk-not-e164', explainUkNotE164(context, number, e164));
    }
  }
  return findings;
}

/** CID-9 on the caller ID name the external party is shown (null: no name). */
export function checkCallerIdName(name: string | null, field: string | null): ReadonlyArray<Finding> {
  if (name === null) return [];
  const found = reservedSipCharactersIn(name);
  if (found.length === 0) return [];
  return [
    {
      rule: 'CID-9',
      code: 'reserved-sip-characters',
      severity: 'warning',
      field,
      explanation: explainReservedCharacters(name, found),
    },
  ];
}

/** CID-10: a destination outside the instance's allow list fails; so does one with no country. */
export function checkDestination(
  instance: Pick<InstanceConfig, 'outboundCountries'>,
  destination: string,
  field: string | null,
): ReadonlyArray<Finding> {
  const facts = describeNumber(destination);
  if (facts === null || !facts.valid || facts.country === null) {
    return [
      {
        rule: 'CID-10',
        code: 'destination-country-unknown',
        severity: 'failure',
        field,
        explanation: explainDestinationCountryUnknown(destination),
      },
    ];
  }
  if (instance.outboundCountries.includes(facts.country)) return [];
  return [
    {
      rule: 'CID-10',
      code: 'country-not-allowed',
      severity: 'failure',
      field,
      explanation: explainCountryNotAllowed(destination, facts.country, instance.outboundCountries),
    },
  ];
}

/** The country of a destination number, or null when it is no valid number with a country code. */
export function destinationCountry(destination: string): CountryCode | null {
  const facts = describeNumber(destination);
  return facts?.valid === true ? facts.country : null;
}
