// Which system voice speaks each party's lines.
import { describe, expect, it } from 'vitest';
import { voiceFor, voicesFor } from '../../../src/renderer/src/audio/voices';

const voice = (name: string, lang: string) => ({ name, lang, voiceURI: `urn:${name}` });
const system = [
  voice('Samantha', 'en-US'),
  voice('Anna', 'de-DE'),
  voice('Daniel', 'en-GB'),
  voice('Alex', 'en-US'),
  voice('Markus', 'de_DE'),
  voice('Karen', 'en-AU'),
];

describe('speech voices', () => {
  it("offers the scenario language's voices, the country's own accent first, each group by name", () => {
    expect(voicesFor(system, 'en', 'GB').map((v) => v.name)).toEqual(['Daniel', 'Alex', 'Karen', 'Samantha']);
    expect(voicesFor(system, 'en', 'US').map((v) => v.name)).toEqual(['Alex', 'Samantha', 'Daniel', 'Karen']);
    expect(voicesFor(system, 'de', 'DE').map((v) => v.name)).toEqual(['Anna', 'Markus']);
  });

  it('gives each party a voice of its own while the system has enough', () => {
    const names = [0, 1, 2, 3].map((speaker) => voiceFor(system, 'en', 'US', speaker).voice?.name);
    expect(new Set(names).size).toBe(4);
    expect(voiceFor(system, 'en', 'US', 0)).toEqual({ voice: system[3], lang: 'en-US', pitch: 1 });
  });

  it('tells apart parties who must share a voice by pitch', () => {
    const choices = [0, 1, 2, 3, 4].map((speaker) => voiceFor(system, 'de', 'DE', speaker));
    expect(choices.map((c) => c.voice?.name)).toEqual(['Anna', 'Markus', 'Anna', 'Markus', 'Anna']);
    const anna = choices.filter((c) => c.voice?.name === 'Anna').map((c) => c.pitch);
    expect(new Set(anna).size).toBe(anna.length);
  });

  it('finds no voice for a language the system cannot speak (captions only)', () => {
    expect(voiceFor([voice('Samantha', 'en-US')], 'de', 'DE', 0).voice).toBeNull();
    expect(voiceFor([], 'en', 'US', 2).voice).toBeNull();
  });
});
