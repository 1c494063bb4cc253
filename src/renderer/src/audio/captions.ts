/**
 * Sound captions, for trainees who cannot hear the cues: each sound a cue starts is also shown
 * as text ("[ringing]", "[busy tone]", "[DTMF 1 1 3 6 2]"). A cue that only stops a sound, and
 * a spoken line (its caption is the line itself, shown by the console), has none.
 */
import { assertNever } from '@shared/assert-never';
import type { Cue } from '@shared/scenario';

/** An i18n key (namespace included) and its values; render it with `t(key, values)`. */
export interface SoundCaption {
  readonly key: string;
  readonly values?: Record<string, string>;
}

/** The sound caption of one cue; null for a cue without one. */
export function soundCaption(cue: Cue): SoundCaption | null {
  switch (cue.cue) {
    case 'ring':
      return { key: 'audio:caption.ring' };
    case 'ringback':
      return { key: 'audio:caption.ringback' };
    case 'busy':
      return { key: 'audio:caption.busy' };
    case 'hold-music-start':
      return { key: 'audio:caption.holdMusic' };
    case 'join':
      return { key: 'audio:caption.join' };
    case 'leave':
      return { key: 'audio:caption.leave' };
    case 'refused':
      return { key: 'audio:caption.refused' };
    case 'dtmf':
      return { key: 'audio:caption.dtmf', values: { digits: cue.digit } };
    case 'ring-stop':
    case 'ringback-stop':
    case 'hold-music-stop':
    case 'line':
      return null;
    default:
      return assertNever(cue, 'cue');
  }
}

/**
 * The sound captions of a list of cues, in order: consecutive DTMF digits (one "Send DTMF")
 * become one caption with the digits spaced, and a caption repeated by several cues at once
 * (three parties leaving together) is shown once.
 */
export function soundCaptions(cues: ReadonlyArray<Cue>): ReadonlyArray<SoundCaption> {
  const captions: SoundCaption[] = [];
  let last: { readonly cue: Cue; readonly caption: SoundCaption } | null = null;
  for (const cue of cues) {
    const caption = soundCaption(cue);
    if (caption === null) continue;
    if (cue.cue === 'dtmf' && last?.cue.cue === 'dtmf') {
      const digits: string = `${last.caption.values?.digits} ${cue.digit}`;
      const merged: SoundCaption = { key: caption.key, values: { digits } };
      captions[captions.length - 1] = merged;
      last = { cue, caption: merged };
    } else if (!(last && last.caption.key === caption.key && last.cue.time === cue.time)) {
      captions.push(caption);
      last = { cue, caption };
    }
  }
  return captions;
}
