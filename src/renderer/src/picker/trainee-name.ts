const KEY = 'trainee-name';

/** The trainee's name as last entered (remembered on this machine), or `''`. */
export function readTraineeName(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the trainee's name for the next session. */
export function storeTraineeName(name: string): void {
  try {
    window.localStorage.setItem(KEY, name);
  } catch {
    // Storage may be unavailable: the name is then asked again next time.
  }
}
