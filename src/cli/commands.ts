import { assessCommand } from './commands/assess';
import { callerIdCommand } from './commands/caller-id';
import { gradeCommand } from './commands/grade';
import { replayCommand } from './commands/replay';
import { validateCommand } from './commands/validate';
import { xapiCommand } from './commands/xapi';
import { xferBlockCommand } from './commands/xfer-block';

/** One sub-command of the CLI. */
export interface CliCommand {
  /** The word after `cli`, e.g. `caller-id`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full help text, including the input format. */
  readonly help: string;
  /**
   * Runs the command. Writes its result to `out`, returns the exit code. Throws UsageError
   * for bad input (exit code 2).
   */
  readonly run: (args: ReadonlyArray<string>, out: (text: string) => void) => number | Promise<number>;
}

/** Every sub-command, in the order `--help` lists them. Later issues add theirs here. */
export const commands: ReadonlyArray<CliCommand> = [
  callerIdCommand,
  xferBlockCommand,
  replayCommand,
  validateCommand,
  assessCommand,
  gradeCommand,
  xapiCommand,
];
