import type { ActionOption, AgentCommand } from '@shared/conference';
import type { LiveInput } from '../session/live-session';

/** The trainee input of a console command (the live session stamps the time). */
export function inputOf(command: AgentCommand, digits?: string): LiveInput {
  const via =
    command.via === null
      ? undefined
      : command.via.kind === 'quick-connect'
        ? { quickConnect: command.via.name }
        : command.via.kind === 'number-pad'
          ? {
              numberPad: command.via.number,
              ...(command.via.country === undefined ? {} : { country: command.via.country }),
            }
          : undefined;
  return {
    kind: 'action',
    action: command.action,
    ...(command.target === null ? {} : { target: command.target }),
    ...(via === undefined ? {} : { via }),
    ...(digits === undefined ? {} : { digits }),
  };
}

/** The option for an action (on a target), from `actionOptions`; undefined when the console offers none. */
export function optionFor(
  options: ReadonlyArray<ActionOption>,
  action: ActionOption['action'],
  target: string | null = null,
): ActionOption | undefined {
  return options.find(
    (option) => option.action === action && option.target === target && option.via === null,
  );
}
