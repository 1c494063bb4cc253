/**
 * Reading the CLI's inputs, the same guarded way for every command: a regular file (or `-` for
 * standard input) read with a size limit while reading, strict UTF-8, and JSON scanned for
 * nesting depth and duplicate keys before it is parsed. Anything else is one clear line.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { scanJson } from '../shared/scenario/library/json-text';

/** An error the CLI reports as one clear line and exit code 2, without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input over the size limit, read no further than the limit. */
export class InputTooLargeError extends UsageError {
  constructor(
    readonly file: string,
    readonly limit: number,
  ) {
    super(`${file}: more than ${limit} bytes; the limit is ${limit} bytes`);
  }
}

/** The most bytes the CLI reads from one input file. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** The deepest nesting of arrays and objects the CLI reads. */
export const MAX_INPUT_DEPTH = 64;

const CHUNK = 64 * 1024;

function readAll(fd: number, file: string, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking standard input with nothing yet: wait a moment and read again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw new UsageError(`${file}: cannot read: ${(error as Error).message}`);
    }
    if (read === 0) break;
    total += read;
    if (total > limit) throw new InputTooLargeError(file, limit);
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}

/**
 * The bytes of an input: `-` is standard input; anything else must be a regular file (a
 * device, a pipe, a folder or a socket is refused before reading). At most `limit` bytes are
 * read: a longer input is refused as soon as it passes the limit, however it reports its size.
 */
export function readInputBytes(file: string, limit: number = MAX_INPUT_BYTES): Buffer {
  if (file === '-') return readAll(0, 'standard input', limit);
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe with no writer cannot hang.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: file not found`);
    throw new UsageError(`${file}: cannot open: ${code ?? (error as Error).message}`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UsageError(`${file}: not a regular file`);
    return readAll(fd, file, limit);
  } finally {
    closeSync(fd);
  }
}

/** The offset of the first byte that is not well-formed UTF-8, or -1 when all are. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The 1-based line and column (in characters) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { line, column };
}

/**
 * The text of an input (`readInputBytes`), decoded as strict UTF-8: a byte that is not
 * UTF-8 is refused with its line and column, never replaced. A byte order mark is dropped.
 */
export function readInputText(file: string, limit: number = MAX_INPUT_BYTES): string {
  const bytes = readInputBytes(file, limit);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const { line, column } = bytePosition(bytes, bad);
    throw new UsageError(`${file}: not UTF-8 at line ${line}, column ${column} (byte ${bad})`);
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses JSON text from `file` with the scanner `validate` uses: malformed JSON, nesting deeper
 * than `MAX_INPUT_DEPTH` and a key that occurs twice in one object (JSON.parse would silently
 * keep the last) are each refused with the line and column. Never overflows the stack.
 */
export function parseGuardedJson(text: string, file: string): unknown {
  const scan = scanJson(text, MAX_INPUT_DEPTH);
  if (!scan.ok) {
    const at = `line ${scan.position.line}, column ${scan.position.column}`;
    if (scan.kind === 'syntax') throw new UsageError(`${file}: malformed JSON at ${at}: ${scan.message}`);
    throw new UsageError(`${file}: nested more than ${MAX_INPUT_DEPTH} levels deep at ${at}`);
  }
  const duplicate = scan.duplicateKeys[0];
  if (duplicate) {
    throw new UsageError(
      `${file}: the key ${duplicate.path} occurs twice in its object at line ${duplicate.line}, column ${duplicate.column}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: ${describeJsonError(text, error)}`);
  }
}

/**
 * Reads and parses a JSON input (a regular file, or `-` for standard input), guarded as
 * `readInputText` and `parseGuardedJson` say. Every problem is a UsageError naming the file.
 */
export function readJsonFile(path: string, limit: number = MAX_INPUT_BYTES): unknown {
  return parseGuardedJson(readInputText(path, limit), path);
}

/** Turns a JSON.parse error into "malformed JSON at line L, column C: …". */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `malformed JSON at line ${lineColumn[1]}, column ${lineColumn[2]}: ${message}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    return `malformed JSON at line ${line}, column ${column}: ${message}`;
  }
  return `malformed JSON: ${message}`;
}
