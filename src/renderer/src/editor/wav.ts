/** The level below which a recording's start and end count as silence, in dBFS. */
export const SILENCE_DB = -45;
/** The silence kept before and after the voice when trimming, in seconds. */
export const TRIM_PADDING_SECONDS = 0.1;

/** The mean of the channels, one sample per frame. */
export function mixDown(channels: ReadonlyArray<Float32Array>): Float32Array {
  const first = channels[0];
  if (first === undefined) return new Float32Array(0);
  if (channels.length === 1) return first;
  const mixed = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < mixed.length; i++)
      mixed[i] = (mixed[i] as number) + (channel[i] ?? 0) / channels.length;
  }
  return mixed;
}

/**
 * The part of `samples` from the first to the last sample louder than `thresholdDb` (dBFS, by
 * absolute sample value), widened by `paddingSeconds` on both sides within the recording; empty
 * when nothing is louder than the threshold.
 */
export function trimSilence(
  samples: Float32Array,
  sampleRate: number,
  thresholdDb = SILENCE_DB,
  paddingSeconds = TRIM_PADDING_SECONDS,
): Float32Array {
  const threshold = 10 ** (thresholdDb / 20);
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i] as number) > threshold) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return samples.subarray(0, 0);
  const padding = Math.round(paddingSeconds * sampleRate);
  return samples.subarray(Math.max(0, first - padding), Math.min(samples.length, last + 1 + padding));
}

/** A mono 16-bit PCM WAV file of `samples` (-1..1, clipped beyond) at `sampleRate`. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the format chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // one channel
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    const sample = Math.max(-1, Math.min(1, samples[i] as number));
    view.setInt16(44 + i * 2, sample < 0 ? Math.round(sample * 0x8000) : Math.round(sample * 0x7fff), true);
  }
  return bytes;
}

/** The level of `samples` in dBFS (root mean square), at least -100. */
export function levelDb(samples: Float32Array): number {
  if (samples.length === 0) return -100;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  return rms === 0 ? -100 : Math.max(-100, 20 * Math.log10(rms));
}

/** A clip name with the extension WAV recordings are stored under: `a/b.ogg` → `a/b.wav`. */
export function wavClipName(clip: string): string {
  return `${clip.replace(/\.(ogg|mp3|wav)$/, '')}.wav`;
}
