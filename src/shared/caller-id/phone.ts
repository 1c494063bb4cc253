/**
 * Phone numbers, parsed, validated and formatted by libphonenumber-js only.
 *
 * The 'max' metadata is used because CID-7 needs the number type (toll-free versus fixed
 * line or mobile), which the smaller metadata sets do not carry.
 */
import {
  type CountryCode,
  getCountries,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/** What libphonenumber-js knows about one phone number written as text. */
export interface NumberFacts {
  /** The number in E.164 form, e.g. `+61291234567`. */
  readonly e164: string;
  /** The number in international format, e.g. `+61 2 9123 4567`. */
  readonly international: string;
  /** The country the number belongs to, when the numbering plan tells. */
  readonly country: CountryCode | null;
  /** Whether the number is valid in its country's numbering plan. */
  readonly valid: boolean;
  /** Whether the text is exactly the E.164 form: `+`, country code and number, nothing else. */
  readonly writtenAsE164: boolean;
  /** Whether the numbering plan classes the number as toll-free. */
  readonly tollFree: boolean;
}

/** Every ISO 3166-1 alpha-2 country code that libphonenumber-js has a numbering plan for. */
export const COUNTRY_CODES: readonly [CountryCode, ...CountryCode[]] = toNonEmpty(getCountries());

function toNonEmpty(codes: ReadonlyArray<CountryCode>): readonly [CountryCode, ...CountryCode[]] {
  const [first, ...rest] = codes;
  if (first === undefined) throw new Error('libphonenumber-js lists no countries');
  return [first, ...rest];
}

/** Whether `text` is an ISO 3166-1 alpha-2 country code with a numbering plan (`GB`, not `UK`). */
export function isCountryCode(text: string): text is CountryCode {
  return isSupportedCountry(text);
}

/**
 * Parses `text` as a phone number. Without `defaultCountry` the text must carry its country
 * code (`+…`); with it, a national number of that country is understood too. Returns null
 * when the text is not a phone number at all.
 */
export function describeNumber(text: string, defaultCountry?: CountryCode): NumberFacts | null {
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  if (parsed === undefined) return null;
  const valid = parsed.isValid();
  return {
    e164: parsed.number,
    international: parsed.formatInternational(),
    country: parsed.country ?? null,
    valid,
    writtenAsE164: valid && parsed.number === text,
    tollFree: parsed.getType() === 'TOLL_FREE',
  };
}

/** Whether `text` is a valid phone number that carries its country code (`+…`). */
export function isValidInternationalNumber(text: string): boolean {
  return describeNumber(text)?.valid === true;
}

/** Whether `text` is a valid phone number written exactly in E.164 form. */
export function isWrittenAsE164(text: string): boolean {
  return describeNumber(text)?.writtenAsE164 === true;
}

/**
 * Whether two texts denote the same phone number. National numbers are read as numbers of
 * `defaultCountry`; text that is not a phone number equals nothing.
 */
export function isSameNumber(a: string, b: string, defaultCountry?: CountryCode): boolean {
  const left = describeNumber(a, defaultCountry);
  const right = describeNumber(b, defaultCountry);
  return left !== null && right !== null && left.e164 === right.e164;
}
