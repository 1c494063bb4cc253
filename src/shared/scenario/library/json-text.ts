/**
 * Reading a scenario's text: where each value starts (so that findings can name a line and a
 * column), which keys are duplicated (JSON.parse silently keeps the last), how deep the nesting
 * goes, and, for text that is not JSON, the line and column of the first error. The scanner
 * follows RFC 8259 and is iterative, so that no text, however deeply nested, can overflow the
 * stack; the value itself is still built by `JSON.parse`.
 */
import { pathSegment } from '../format/findings';

/** A place in a text: 1-based line and column (columns count UTF-16 code units). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A key that occurs twice in one object. */
export interface DuplicateKey extends TextPosition {
  /** The JSON path of the second occurrence. */
  readonly path: string;
}

/** What `scanJson` learns about a text. */
export type JsonScan =
  | {
      readonly ok: true;
      /** Where each value starts, by JSON path; an object member's entry is the position of its key. */
      readonly positions: ReadonlyMap<string, TextPosition>;
      readonly duplicateKeys: ReadonlyArray<DuplicateKey>;
    }
  | { readonly ok: false; readonly kind: 'syntax'; readonly message: string; readonly position: TextPosition }
  | { readonly ok: false; readonly kind: 'too-deep'; readonly path: string; readonly position: TextPosition };

interface Frame {
  readonly kind: 'object' | 'array';
  readonly path: string;
  readonly keys: Set<string> | null;
  count: number;
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/**
 * Scans a JSON text. Nesting deeper than `maxDepth` containers stops the scan with a `too-deep`
 * result naming the first value beyond it.
 */
export function scanJson(text: string, maxDepth: number): JsonScan {
  const positions = new Map<string, TextPosition>();
  const duplicateKeys: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (offset: number = i): TextPosition => ({ line, column: offset - lineStart + 1 });
  const describe = (offset: number): string =>
    offset >= text.length ? 'the end of the text' : `${JSON.stringify(text[offset])}`;

  const skipWhitespace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        line++;
        lineStart = i + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return;
      i++;
    }
  };

  const scanString = (): string => {
    const start = i;
    i++; // the opening quote
    let escaped = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        // Keys are decoded for the path; values only need to be well formed.
        return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
      }
      if (c < 0x20) throw new ScanError('a control character (such as a line break) inside a string', i);
      if (c === 0x5c) {
        escaped = true;
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            throw new ScanError('an invalid \\u escape in a string', i);
          }
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          throw new ScanError(`an invalid escape ${next === undefined ? '' : `\\${next} `}in a string`, i);
        }
        i += 2;
        continue;
      }
      i++;
    }
    throw new ScanError('a string that is never closed', start);
  };

  const childPath = (frame: Frame, key: string | number): string => `${frame.path}${pathSegment(key)}`;

  // Reads `"key" :` and returns the member's path; records its position and duplicates.
  const scanKey = (frame: Frame): string => {
    skipWhitespace();
    if (text[i] !== '"')
      throw new ScanError(`expected a property name in double quotes, found ${describe(i)}`, i);
    const at = here();
    const key = scanString();
    const path = childPath(frame, key);
    if (frame.keys?.has(key)) duplicateKeys.push({ path, ...at });
    frame.keys?.add(key);
    if (!positions.has(path)) positions.set(path, at);
    skipWhitespace();
    if (text[i] !== ':') throw new ScanError(`expected ':' after the property name, found ${describe(i)}`, i);
    i++;
    return path;
  };

  try {
    if (text.trim() === '') throw new ScanError('the text is empty', 0);
    let valuePath = '$';
    let expectValue = true;
    for (;;) {
      skipWhitespace();
      if (expectValue) {
        if (stack.length === 0 || stack.at(-1)?.kind === 'array') {
          if (!positions.has(valuePath)) positions.set(valuePath, here());
        }
        const c = text[i];
        if (c === '{' || c === '[') {
          if (stack.length >= maxDepth)
            return { ok: false, kind: 'too-deep', path: valuePath, position: here() };
          const frame: Frame = {
            kind: c === '{' ? 'object' : 'array',
            path: valuePath,
            keys: c === '{' ? new Set() : null,
            count: 0,
          };
          stack.push(frame);
          i++;
          skipWhitespace();
          if (text[i] === (c === '{' ? '}' : ']')) {
            i++;
            stack.pop();
            expectValue = false;
            continue;
          }
          valuePath = frame.kind === 'object' ? scanKey(frame) : childPath(frame, 0);
          continue;
        }
        if (c === '"') scanString();
        else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const match = NUMBER.exec(text);
          if (match === null) throw new ScanError('an invalid number', i);
          i += match[0].length;
        } else {
          const literal = LITERALS.find((word) => text.startsWith(word, i));
          if (literal === undefined) throw new ScanError(`expected a value, found ${describe(i)}`, i);
          i += literal.length;
        }
        expectValue = false;
        continue;
      }
      const frame = stack.at(-1);
      if (frame === undefined) {
        if (i < text.length)
          throw new ScanError(`unexpected ${describe(i)} after the end of the JSON value`, i);
        return { ok: true, positions, duplicateKeys };
      }
      const close = frame.kind === 'object' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        frame.count++;
        valuePath = frame.kind === 'object' ? scanKey(frame) : childPath(frame, frame.count);
        expectValue = true;
      } else if (text[i] === close) {
        i++;
        stack.pop();
      } else {
        const what = frame.kind === 'object' ? 'a property value' : 'an array element';
        throw new ScanError(`expected ',' or '${close}' after ${what}, found ${describe(i)}`, i);
      }
    }
  } catch (error) {
    if (error instanceof ScanError) {
      return { ok: false, kind: 'syntax', message: error.message, position: here(error.offset) };
    }
    throw error;
  }
}

/**
 * The line and column of a character offset, for error messages that give only an offset.
 */
export function positionOfOffset(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
