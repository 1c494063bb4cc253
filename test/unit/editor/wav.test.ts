import { describe, expect, it } from 'vitest';
import { encodeWav, levelDb, mixDown, trimSilence, wavClipName } from '../../../src/renderer/src/editor/wav';

const RATE = 8000;

/** `seconds` of silence, a 440 Hz tone at half scale, and silence again. */
function silenceToneSilence(before: number, tone: number, after: number, noise = 0): Float32Array {
  const samples = new Float32Array(Math.round((before + tone + after) * RATE));
  const start = Math.round(before * RATE);
  const end = start + Math.round(tone * RATE);
  for (let i = 0; i < samples.length; i++) {
    samples[i] =
      i >= start && i < end
        ? 0.5 * Math.sin((2 * Math.PI * 440 * (i - start)) / RATE)
        : noise * (i % 2 ? 1 : -1);
  }
  return samples;
}

describe('trimming silence from a recording', () => {
  it('keeps the tone and the padding around it, nothing of the silence beyond', () => {
    const samples = silenceToneSilence(1, 0.5, 1.5);
    const trimmed = trimSilence(samples, RATE, -45, 0.1);
    // The first loud sample is the tone's second (the first is sin 0); the last is within its end.
    expect(trimmed.length / RATE).toBeGreaterThan(0.69);
    expect(trimmed.length / RATE).toBeLessThanOrEqual(0.7 + 1 / RATE);
    expect(trimmed.byteOffset / 4 / RATE).toBeCloseTo(0.9, 2);
  });

  it('counts noise below the threshold as silence and noise above it as sound', () => {
    const quiet = silenceToneSilence(1, 0.5, 1, 10 ** (-50 / 20));
    expect(trimSilence(quiet, RATE, -45, 0).length / RATE).toBeCloseTo(0.5, 2);
    const loud = silenceToneSilence(1, 0.5, 1, 10 ** (-40 / 20));
    expect(trimSilence(loud, RATE, -45, 0).length).toBe(loud.length);
  });

  it('keeps the padding within the recording and gives nothing for a silent one', () => {
    const edge = silenceToneSilence(0.02, 0.5, 0.02);
    expect(trimSilence(edge, RATE, -45, 0.1).length).toBe(edge.length);
    expect(trimSilence(new Float32Array(RATE), RATE).length).toBe(0);
  });
});

describe('the WAV encoder', () => {
  it('writes a RIFF/WAVE header for mono 16-bit PCM and the samples, clipped, little-endian', () => {
    const bytes = encodeWav(new Float32Array([0, 1, -1, 0.5, 2, -3]), 24000);
    const view = new DataView(bytes.buffer);
    const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
    expect(bytes.length).toBe(44 + 12);
    expect(ascii(0)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(36 + 12);
    expect(ascii(8)).toBe('WAVE');
    expect(ascii(12)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(24000);
    expect(view.getUint32(28, true)).toBe(48000);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(36)).toBe('data');
    expect(view.getUint32(40, true)).toBe(12);
    const pcm = [0, 1, 2, 3, 4, 5].map((i) => view.getInt16(44 + i * 2, true));
    expect(pcm).toEqual([0, 32767, -32768, 16384, 32767, -32768]);
  });
});

describe('helpers of a recording', () => {
  it('mixes channels to their mean and measures the level in dBFS', () => {
    expect([...mixDown([new Float32Array([1, 0]), new Float32Array([0, -1])])]).toEqual([0.5, -0.5]);
    expect(levelDb(new Float32Array([0.5, -0.5]))).toBeCloseTo(-6.02, 1);
    expect(levelDb(new Float32Array(4))).toBe(-100);
  });

  it('names the WAV a recording is stored under after the clip', () => {
    expect(wavClipName('mortgage/broker-hello.ogg')).toBe('mortgage/broker-hello.wav');
    expect(wavClipName('a/b.mp3')).toBe('a/b.wav');
    expect(wavClipName('a/b.wav')).toBe('a/b.wav');
  });
});
