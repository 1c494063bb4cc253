import { readFileSync, statSync } from 'node:fs';

/** An error the CLI reports as one clear line and exit code 2, without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The most bytes the CLI reads from one input file. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/**
 * Reads and parses a JSON input file. A missing, oversized or malformed file becomes a
 * UsageError that names the file and, for bad JSON, the line and column.
 */
export function readJsonFile(path: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`${path}: file not found`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new UsageError(`${path}: file is ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes`);
  }
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: ${describeJsonError(text, error)}`);
  }
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
