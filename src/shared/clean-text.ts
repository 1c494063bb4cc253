/**
 * Clean text: names and free text that reach a terminal or the UI carry no control characters
 * and no bidirectional overrides, so that a forged name can neither move a terminal's cursor,
 * colour or clear its screen, nor reorder what is printed after it (the "Trojan Source" trick).
 * Refused at the schema, with one message; `escapeUnsafeText` makes any other text safe to print.
 */
import { z } from 'zod';

/**
 * Whether a code point may not appear in a name: C0 controls (U+0000 to U+001F), DEL and the C1
 * controls (U+007F to U+009F), the line and paragraph separators (U+2028, U+2029), and the
 * bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069).
 * Free text may hold two of them: the line break and the tab.
 */
function isUnsafe(code: number, allowBreaks: boolean): boolean {
  if (allowBreaks && (code === 0x0a || code === 0x09)) return false;
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function isClean(text: string, allowBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) if (isUnsafe(text.charCodeAt(i), allowBreaks)) return false;
  return true;
}

/** The message of a refused name or text. */
export const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or bidirectional overrides';

/** Whether a one-line name is clean: no control character, separator or bidi override. */
export function isCleanLine(text: string): boolean {
  return isClean(text, false);
}

/** Whether free text is clean: as `isCleanLine`, but line breaks and tabs are allowed. */
export function isCleanText(text: string): boolean {
  return isClean(text, true);
}

/**
 * A one-line name or label (a trainee's name, a title): a string that `isCleanLine` accepts.
 * Further checks (`.min`, `.max`) chain on as on any string.
 */
export function cleanLine(): z.ZodString {
  return z.string().refine(isCleanLine, { error: UNSAFE_TEXT_MESSAGE });
}

/** Free text (a line a party speaks, a briefing): a string that `isCleanText` accepts. */
export function cleanText(): z.ZodString {
  return z.string().refine(isCleanText, { error: UNSAFE_TEXT_MESSAGE });
}

/**
 * Text with every character `isCleanText` refuses written as a `\uXXXX` escape, so that
 * printing it shows what it holds and does nothing else. JSON stays JSON: inside a string the
 * escape is read back as the same character, and outside strings JSON holds none of these.
 */
export function escapeUnsafeText(text: string): string {
  if (isClean(text, true)) return text;
  let escaped = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    escaped += isUnsafe(code, true) ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return escaped;
}

/** A one-line rendering of any text for a table cell: line breaks and tabs escaped as well. */
export function escapeLine(text: string): string {
  return escapeUnsafeText(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}
