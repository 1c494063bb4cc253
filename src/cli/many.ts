import { UsageError } from './io';

/**
 * Runs a one-file command on each file. One file prints its result as indented JSON; several
 * print one JSON line each, `{"file", "result"}` or `{"file", "error"}`, in order. The exit
 * code is the worst of them; an unreadable file counts as 2.
 */
export function forEachFile(
  files: ReadonlyArray<string>,
  out: (text: string) => void,
  run: (file: string) => { readonly value: unknown; readonly code: number },
): number {
  const [only] = files;
  if (files.length === 1 && only !== undefined) {
    const { value, code } = run(only);
    out(JSON.stringify(value, null, 2));
    return code;
  }
  if (files.filter((file) => file === '-').length > 1) {
    throw new UsageError('standard input (-) can be read once');
  }
  let worst = 0;
  for (const file of files) {
    try {
      const { value, code } = run(file);
      out(JSON.stringify({ file, result: value }));
      worst = Math.max(worst, code);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      out(JSON.stringify({ file, error: error.message }));
      worst = 2;
    }
  }
  return worst;
}
