// The synthesis script: the same bytes every run, in the format the tests and browsers read.
import { describe, expect, it } from 'vitest';
import { cueFiles } from '../../../scripts/synth-audio/render';
import { decodeWav, encodeWav } from '../../../scripts/synth-audio/wav';
import { SOUND_IDS, soundFileName } from '../../../src/renderer/src/audio/sounds';

describe('npm run audio', () => {
  it('makes the same bytes every run', () => {
    const first = cueFiles();
    const second = cueFiles();
    expect([...first.keys()]).toEqual(SOUND_IDS.map(soundFileName));
    for (const [name, bytes] of first)
      expect(Buffer.from(bytes).equals(Buffer.from(second.get(name) ?? []))).toBe(true);
  });

  it('writes WAV files that decode to the samples it rendered, within 16-bit rounding', () => {
    const samples = Float64Array.from([0, 0.5, -0.5, 1, -1, 1.5, -1.5, 1 / 32767]);
    const decoded = decodeWav(encodeWav(samples, 8000));
    expect(decoded.sampleRate).toBe(8000);
    expect(Array.from(decoded.samples)).toEqual(
      [0, 16384, -16384, 32767, -32767, 32767, -32767, 1].map((value) => value / 32767),
    );
  });

  it('refuses to read a file that is not mono 16-bit PCM, naming it', () => {
    const stereo = encodeWav(Float64Array.from([0, 0]), 8000);
    new DataView(stereo.buffer).setUint16(22, 2, true);
    expect(() => decodeWav(stereo, 'ring.wav')).toThrow('ring.wav: expected mono 16-bit PCM');
    expect(() => decodeWav(new Uint8Array(10), 'x.wav')).toThrow('x.wav is not a RIFF WAVE file');
  });
});
