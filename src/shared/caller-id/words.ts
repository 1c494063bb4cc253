/**
 * Small pieces of wording that the English and German explanations share.
 */
import type { CountryCode } from 'libphonenumber-js/max';

const countryNamesEn = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const countryNamesDe = new Intl.DisplayNames(['de'], { type: 'region', fallback: 'code' });

/** A country's name in English, from the JavaScript runtime's Intl data, e.g. `Australia`. */
export function countryNameEn(country: CountryCode): string {
  return countryNamesEn.of(country) ?? country;
}

/** A country's name in German, from the JavaScript runtime's Intl data, e.g. `Australien`. */
export function countryNameDe(country: CountryCode): string {
  return countryNamesDe.of(country) ?? country;
}

/** Milliseconds as seconds for English text: `1500` → `1.5 s`. */
export function secondsEn(ms: number): string {
  return `${ms / 1000} s`;
}

/** Milliseconds as seconds for German text: `1500` → `1,5 s`. */
export function secondsDe(ms: number): string {
  return `${String(ms / 1000).replace('.', ',')} s`;
}

/** A list in English: `a, b and c`. */
export function listEn(items: ReadonlyArray<string>): string {
  return joinList(items, 'and');
}

/** A list in German: `a, b und c`. */
export function listDe(items: ReadonlyArray<string>): string {
  return joinList(items, 'und');
}

/** Quotes a text the English way: `"text"`. */
export function quoteEn(text: string): string {
  return `"${text}"`;
}

/** Quotes a text the German way: `„text“`. */
export function quoteDe(text: string): string {
  return `„${text}“`;
}

function joinList(items: ReadonlyArray<string>, and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
