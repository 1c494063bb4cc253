// Signal analysis for the sound tests: what a DTMF receiver or an ear would measure in a file.

/** The power of `samples` at `frequency` (Goertzel's algorithm), normalised to amplitude²/4. */
export function goertzel(samples: ArrayLike<number>, sampleRate: number, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = 0; i < samples.length; i++) {
    const current = (samples[i] as number) + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return power / (samples.length * samples.length);
}

/** Power in decibels relative to `reference`. */
export function decibels(power: number, reference: number): number {
  return 10 * Math.log10(power / reference);
}

function energy(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += (samples[i] as number) ** 2;
  return sum;
}

/** Solves the square system `a x = b` by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]?.[col] as number) > Math.abs(a[pivot]?.[col] as number)) pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    [b[col], b[pivot]] = [b[pivot] as number, b[col] as number];
    for (let row = col + 1; row < n; row++) {
      const factor = (a[row]?.[col] as number) / (a[col]?.[col] as number);
      const target = a[row] as number[];
      for (let k = col; k < n; k++) target[k] = (target[k] as number) - factor * (a[col]?.[k] as number);
      b[row] = (b[row] as number) - factor * (b[col] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row] as number;
    for (let k = row + 1; k < n; k++) sum -= (a[row]?.[k] as number) * (x[k] as number);
    x[row] = sum / (a[row]?.[row] as number);
  }
  return x;
}

/**
 * Fits `samples` with sines of exactly `frequencies` (any amplitude and phase) by least
 * squares: the amplitude found for each frequency, and the share of the signal's energy that
 * the fit leaves unexplained (0 when the signal holds those frequencies and nothing else).
 */
export function fitSines(
  samples: ArrayLike<number>,
  sampleRate: number,
  frequencies: ReadonlyArray<number>,
): { readonly amplitudes: ReadonlyArray<number>; readonly residual: number } {
  const basis: Float64Array[] = [];
  for (const frequency of frequencies) {
    const sine = new Float64Array(samples.length);
    const cosine = new Float64Array(samples.length);
    for (let n = 0; n < samples.length; n++) {
      sine[n] = Math.sin((2 * Math.PI * frequency * n) / sampleRate);
      cosine[n] = Math.cos((2 * Math.PI * frequency * n) / sampleRate);
    }
    basis.push(sine, cosine);
  }
  const dot = (u: ArrayLike<number>, v: ArrayLike<number>) => {
    let sum = 0;
    for (let n = 0; n < u.length; n++) sum += (u[n] as number) * (v[n] as number);
    return sum;
  };
  const gram = basis.map((u) => basis.map((v) => dot(u, v)));
  const weights = solve(
    gram,
    basis.map((u) => dot(u, samples)),
  );
  const fitted = new Float64Array(samples.length);
  basis.forEach((u, k) => {
    for (let n = 0; n < u.length; n++)
      fitted[n] = (fitted[n] as number) + (weights[k] as number) * (u[n] as number);
  });
  const left = new Float64Array(samples.length);
  for (let n = 0; n < left.length; n++) left[n] = (samples[n] as number) - (fitted[n] as number);
  return {
    amplitudes: frequencies.map((_, k) => Math.hypot(weights[2 * k] as number, weights[2 * k + 1] as number)),
    residual: energy(left) / energy(samples),
  };
}

/** A stretch of sound or silence, in milliseconds from the start. */
export interface Run {
  readonly on: boolean;
  readonly startMs: number;
  readonly ms: number;
}

/**
 * Splits a file into sounding and silent stretches, as an ear (or a cadence detector) would:
 * a sample counts as sounding when the signal reaches `threshold` of its peak within
 * `holdMs` either side of it, so that the zero crossings of a tone are no gaps.
 */
export function runs(
  samples: ArrayLike<number>,
  sampleRate: number,
  threshold = 0.05,
  holdMs = 1.5,
): ReadonlyArray<Run> {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] as number));
  const loud = Array.from(
    { length: samples.length },
    (_, i) => Math.abs(samples[i] as number) >= threshold * peak,
  );
  const hold = Math.round((holdMs * sampleRate) / 1000);
  const sounding = loud.map((_, i) => {
    for (let k = Math.max(0, i - hold); k <= Math.min(samples.length - 1, i + hold); k++)
      if (loud[k]) return true;
    return false;
  });
  const result: Run[] = [];
  let start = 0;
  for (let i = 1; i <= sounding.length; i++) {
    if (i === sounding.length || sounding[i] !== sounding[start]) {
      result.push({
        on: sounding[start] as boolean,
        startMs: (start * 1000) / sampleRate,
        ms: ((i - start) * 1000) / sampleRate,
      });
      start = i;
    }
  }
  return result;
}

/** The samples between two times, in milliseconds. */
export function slice(samples: Float64Array, sampleRate: number, fromMs: number, toMs: number): Float64Array {
  return samples.subarray(Math.round((fromMs * sampleRate) / 1000), Math.round((toMs * sampleRate) / 1000));
}
