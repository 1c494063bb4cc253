import { runCli } from '../../src/cli/main';

/** The name and version the in-process CLI runs report. */
export const TEST_IDENTITY = { name: 'conference-call-trainer', version: '0.0.0-test' };

type Commands = Parameters<typeof runCli>[3];

/** Runs the CLI in this process; standard error as the list of lines written. */
export async function runCliLines(
  args: ReadonlyArray<string>,
  options: { identity?: { name: string; version: string }; commands?: Commands } = {},
): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    options.identity ?? TEST_IDENTITY,
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    options.commands,
  );
  return { code, out: out.join('\n'), err };
}

/** Runs the CLI in this process; standard error as one text. */
export async function runCliText(
  args: ReadonlyArray<string>,
  options: { identity?: { name: string; version: string }; commands?: Commands } = {},
): Promise<{ code: number; out: string; err: string }> {
  const result = await runCliLines(args, options);
  return { ...result, err: result.err.join('\n') };
}
