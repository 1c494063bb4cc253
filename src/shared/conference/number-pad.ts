/**
 * The number pad (CCP-11): a typed number is read in the country the pad's selector shows,
 * preset to the instance's country; a number typed with `+` is read as international in any
 * common notation. libphonenumber-js decides what a valid number is, through `describeNumber`.
 */
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

/** Readings already made, per configuration: the exploration asks the same numbers millions of times. */
const readings = new WeakMap<ConferenceConfig, Map<string, DialledNumber>>();

/**
 * Reads `number` as the number pad does (CCP-11): in `country` (the selector) or else the
 * instance's country (`config.country`); with `+` as international. A country code that
 * libphonenumber-js does not know reads as no country, so only international numbers are valid.
 */
export function readDialledNumber(
  config: ConferenceConfig,
  number: string,
  country: string | undefined = undefined,
): DialledNumber {
  const selected = country ?? config.country ?? null;
  let cache = readings.get(config);
  if (cache === undefined) {
    cache = new Map();
    readings.set(config, cache);
  }
  const key = `${selected ?? ''}|${number}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const reading = read(config, number, selected);
  cache.set(key, reading);
  return reading;
}

function read(config: ConferenceConfig, number: string, selected: string | null): DialledNumber {
  const facts = describeNumber(number.trim(), countryCode(selected));
  const instanceCountry = countryCode(config.country ?? null);
  if (facts === null || !facts.valid) return { valid: false, country: selected };
  let party: ExternalParty | undefined;
  for (const candidate of config.parties) {
    if (candidate.kind !== 'external') continue;
    // A party's own number is read in the instance's country (scenarios write it in E.164).
    if (describeNumber(candidate.number, instanceCountry)?.e164 === facts.e164) {
      party = candidate;
      break;
    }
  }
  return { valid: true, e164: facts.e164, party };
}

function countryCode(country: string | null): Parameters<typeof describeNumber>[1] {
  return country !== null && isCountryCode(country) ? country : undefined;
}
