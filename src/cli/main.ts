import { escapeUnsafeText } from '../shared/clean-text';
import { type CliCommand, commands as defaultCommands } from './commands';
import { UsageError } from './io';

/** The CLI's name and version, from package.json. */
export interface CliIdentity {
  readonly name: string;
  readonly version: string;
}

/** The text `--help` prints. */
export function usage(identity: CliIdentity, commands: ReadonlyArray<CliCommand>): string {
  const width = Math.max(10, ...commands.map((c) => c.name.length));
  const list = commands.length
    ? commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')
    : '  (none yet)';
  return [
    `${identity.name} ${identity.version}: the headless face of the conference-call trainer`,
    '',
    'Usage: npm run cli -- <command> [arguments]',
    '       npm run cli -- <command> --help',
    '',
    'Commands:',
    list,
    '',
    'Options:',
    '  --help, -h     show this help',
    '  --version, -v  print the version',
    '',
    'Exit codes: 0 success, 1 the input was checked and found wanting, 2 bad usage or unreadable input.',
  ].join('\n');
}

/**
 * Runs the CLI on the given arguments and returns the exit code. Output goes to `out`,
 * errors to `err`; a UsageError prints one line, never a stack trace. Whatever is printed has
 * its control characters and bidi overrides escaped (`\u001b`, `\u202e`): text read from a
 * file can neither drive the terminal nor reorder the lines after it.
 */
export async function runCli(
  args: ReadonlyArray<string>,
  identity: CliIdentity,
  rawIo: { out: (text: string) => void; err: (text: string) => void },
  commands: ReadonlyArray<CliCommand> = defaultCommands,
): Promise<number> {
  const io = {
    out: (text: string) => rawIo.out(escapeUnsafeText(text)),
    err: (text: string) => rawIo.err(escapeUnsafeText(text)),
  };
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage(identity, commands));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(identity.version);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.err(`error: unknown command "${first}". Run with --help to list the commands.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io.out);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`error: ${first} failed unexpectedly: ${message}`);
    return 2;
  }
}
