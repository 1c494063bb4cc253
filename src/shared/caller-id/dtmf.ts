/**
 * When "Send DTMF" sends each digit (XFER-6).
 *
 * The seed fixes one timing only: a comma pauses 750 ms. It is silent on the spacing of the
 * digits themselves. Judgment call (XFER-6): each digit takes a 200 ms slot, a 100 ms tone and
 * a 100 ms gap, a usual cadence for automated DTMF senders and well above the shortest tones
 * and gaps DTMF receivers are built to detect. The first digit goes out the moment the
 * external party answers; a leading comma is how a flow waits before it.
 */

/** XFER-6: the pause a comma makes, in milliseconds (from the seed). */
export const DTMF_COMMA_PAUSE_MS = 750;

/** The default time from one digit to the next, in milliseconds (a judgment call, see above). */
export const DEFAULT_DTMF_DIGIT_INTERVAL_MS = 200;

/** One step of a DTMF string on the simulated clock. */
export type DtmfStep =
  /** A digit (`0-9`, `*`, `#`) is sent at `atMs`. */
  | { readonly type: 'dtmf-digit'; readonly atMs: number; readonly digit: string }
  /** A comma: nothing is sent from `atMs` for `durationMs`. */
  | { readonly type: 'dtmf-pause'; readonly atMs: number; readonly durationMs: number };

/**
 * Schedules a DTMF string from `startMs`: each digit at the start of its slot, each comma a
 * pause of 750 ms. The string is taken as valid (see `invalidDtmfCharacters`).
 */
export function scheduleDtmf(
  dtmf: string,
  startMs: number,
  digitIntervalMs: number = DEFAULT_DTMF_DIGIT_INTERVAL_MS,
): ReadonlyArray<DtmfStep> {
  const steps: DtmfStep[] = [];
  let cursor = startMs;
  for (const character of dtmf) {
    if (character === ',') {
      steps.push({ type: 'dtmf-pause', atMs: cursor, durationMs: DTMF_COMMA_PAUSE_MS });
      cursor += DTMF_COMMA_PAUSE_MS;
    } else {
      steps.push({ type: 'dtmf-digit', atMs: cursor, digit: character });
      cursor += digitIntervalMs;
    }
  }
  return steps;
}
