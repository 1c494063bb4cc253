/** What a key press asks the console to do. */
export type ShortcutCommand =
  | 'accept'
  | 'hold-all'
  | 'join'
  | 'swap'
  | 'leave'
  | 'clear'
  | 'select-leg'
  | 'hold'
  | 'mute'
  | 'disconnect'
  | 'quick-connects'
  | 'number-pad'
  | 'captions'
  | 'pause'
  | 'help';

/** One shortcut as the help overlay lists it: the keys to show and the i18n key of what it does. */
export interface Shortcut {
  readonly keys: string;
  readonly command: ShortcutCommand;
  readonly label: string;
}

/** Every shortcut of the console, in the order the help overlay lists them. */
export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: 'A', command: 'accept', label: 'shortcut.accept' },
  { keys: 'Shift+H', command: 'hold-all', label: 'shortcut.holdAll' },
  { keys: 'J', command: 'join', label: 'shortcut.join' },
  { keys: 'S', command: 'swap', label: 'shortcut.swap' },
  { keys: 'L', command: 'leave', label: 'shortcut.leave' },
  { keys: 'C', command: 'clear', label: 'shortcut.clear' },
  { keys: '1 … 6', command: 'select-leg', label: 'shortcut.selectLeg' },
  { keys: 'H', command: 'hold', label: 'shortcut.hold' },
  { keys: 'M', command: 'mute', label: 'shortcut.mute' },
  { keys: 'X', command: 'disconnect', label: 'shortcut.disconnect' },
  { keys: 'Q', command: 'quick-connects', label: 'shortcut.quickConnects' },
  { keys: 'N', command: 'number-pad', label: 'shortcut.numberPad' },
  { keys: 'T', command: 'captions', label: 'shortcut.captions' },
  { keys: 'P', command: 'pause', label: 'shortcut.pause' },
  { keys: '?', command: 'help', label: 'shortcut.help' },
];

const BY_KEY: Readonly<Record<string, ShortcutCommand>> = {
  a: 'accept',
  H: 'hold-all',
  j: 'join',
  s: 'swap',
  l: 'leave',
  c: 'clear',
  h: 'hold',
  m: 'mute',
  x: 'disconnect',
  q: 'quick-connects',
  n: 'number-pad',
  t: 'captions',
  p: 'pause',
  '?': 'help',
};

/** The key press as the console reads it (a KeyboardEvent has these fields). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** Whether the key was pressed in a text field (typing there is never a shortcut). */
  readonly inTextField: boolean;
}

/** The command a key press means, with the connection index (0-based) for `select-leg`; or null. */
export function shortcutOf(
  press: KeyPress,
): { readonly command: ShortcutCommand; readonly index?: number } | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.inTextField) return null;
  if (/^[1-6]$/.test(press.key)) return { command: 'select-leg', index: Number(press.key) - 1 };
  const command = BY_KEY[press.key];
  return command === undefined ? null : { command };
}
