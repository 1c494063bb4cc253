// Mono 16-bit PCM WAV: the one format of the cue files. Every browser decodes it, and at the
// telephone band's 8 kHz a second costs 16 KB.

const HEADER_BYTES = 44;

/** Encodes samples in [-1, 1] as a mono 16-bit PCM WAV file (clipped, rounded half away from zero). */
export function encodeWav(samples: Float64Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const clipped = Math.max(-1, Math.min(1, samples[i] as number));
    const scaled = clipped * 32767;
    view.setInt16(HEADER_BYTES + i * 2, Math.sign(scaled) * Math.round(Math.abs(scaled)), true);
  }
  return bytes;
}

/** A decoded WAV file: its rate and its samples in [-1, 1]. */
export interface DecodedWav {
  readonly sampleRate: number;
  readonly samples: Float64Array;
}

/** Decodes a mono 16-bit PCM WAV file; throws naming what is wrong with any other file. */
export function decodeWav(bytes: Uint8Array, name = 'the file'): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number, length: number) =>
    String.fromCharCode(...bytes.subarray(offset, offset + length));
  if (bytes.length < HEADER_BYTES || ascii(0, 4) !== 'RIFF' || ascii(8, 4) !== 'WAVE') {
    throw new Error(`${name} is not a RIFF WAVE file`);
  }
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = ascii(offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      const format = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const bits = view.getUint16(body + 14, true);
      if (format !== 1 || channels !== 1 || bits !== 16) {
        throw new Error(
          `${name}: expected mono 16-bit PCM, found format ${format}, ${channels} channel(s), ${bits} bits`,
        );
      }
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === 'data') {
      if (sampleRate === 0) throw new Error(`${name}: the data chunk comes before the fmt chunk`);
      if (body + size > bytes.length)
        throw new Error(`${name}: the data chunk runs past the end of the file`);
      const samples = new Float64Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + i * 2, true) / 32767;
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${name} has no data chunk`);
}
