/**
 * The number pad (CCP-11): a typed number is read in the country the pad's selector shows,
 * preset to the instance's country; a number typed with `+` is read as international in any
 * common notation. libphonenumber-js decides what a valid number is, through `describeNumber`.
 */
import { getCountries } from 'libphonenumber-js';
import { describeNumber, isCountryCode } from '../caller-id/phone';
import type { ConferenceConfig, ExternalParty } from './types';

/** What the number pad makes of a typed number: a valid number and the party it reaches, or not valid. */
export type DialledNumber =
  | {
      readonly valid: true;
      /** The number in E.164 form. */
      readonly e164: string;
      /** The external party reached at this number, or `undefined` when none of the call's is. */
      readonly party: ExternalParty | undefined;
    }
  | {
      readonly valid: false;
      /** The country the number was read in: the selector's, else the instance's; `null` for neither. */
      readonly country: string | null;
    };

/**
 * Numbers already parsed, by country and text: the exploration and the random sequences ask the
 * same few numbers millions of times, and libphonenumber-js parses each in microseconds, not
 * nanoseconds. Bounded: cleared when it grows past `MAX_PARSED` entries.
 */
const parsed = new Map<string, string | null>();
const MAX_PARSED = 10_000;

/** The E.164 form of a valid number read in `country`, or `null` when it is not valid. */
function validE164(text: string, country: string | null): string | null {
  const key = `${country ?? ''}|${text}`;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  const facts = describeNumber(text.trim(), countryCode(country));
  const e164 = facts?.valid === true ? facts.e164 : null;
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(key, e164);
  return e164;
}

/**
 * Reads `number` as the number pad does (CCP-11): in `country` (the selector) or else the
 * instance's country (`config.country`); with `+` as international. A country code that
 * libphonenumber-js does not know reads as no country, so only international numbers are valid.
 * A party is reached when its own number, read in the instance's country, is the same number.
 */
export function readDialledNumber(
  config: ConferenceConfig,
  number: string,
  country: string | undefined = undefined,
): DialledNumber {
  const selected = country ?? config.country ?? null;
  const e164 = validE164(number, selected);
  if (e164 === null) return { valid: false, country: selected };
  const instanceCountry = config.country ?? null;
  for (const candidate of config.parties) {
    if (candidate.kind === 'external' && validE164(candidate.number, instanceCountry) === e164) {
      return { valid: true, e164, party: candidate };
    }
  }
  return { valid: true, e164, party: undefined };
}

function countryCode(country: string | null): Parameters<typeof describeNumber>[1] {
  return country !== null && isCountryCode(country) ? country : undefined;
}

/** The countries the number pad's selector offers (ISO 3166-1 alpha-2 codes), sorted (CCP-11). */
export function numberPadCountries(): ReadonlyArray<string> {
  return [...getCountries()].sort();
}
