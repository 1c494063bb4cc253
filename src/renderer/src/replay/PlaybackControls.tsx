import type { Cue } from '@shared/scenario';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CuePlayer, createCuePlayer, soundCaptions, useAudioSettings } from '../audio';
import { loadClip } from '../audio/load-clip';
import { partyName } from './format';
import type { ReplayModel } from './model';
import { PLAYBACK_SPEEDS, type PlaybackHost, type PlaybackSpeed, ReplayPlayback } from './playback';

/** A caption that passed while playing. */
type Passed =
  | { readonly id: number; readonly kind: 'line'; readonly party: string; readonly text: string }
  | {
      readonly id: number;
      readonly kind: 'sound';
      readonly key: string;
      readonly values?: Record<string, string>;
    };

const SHOWN_CAPTIONS = 3;
const RECENT_POSITIONS = 64;

/** The playback of a replay, for the panel: the controls' state and what they do. */
export interface ReplayPlaybackControl {
  readonly playing: boolean;
  readonly speed: PlaybackSpeed;
  readonly toggle: () => void;
  readonly setSpeed: (speed: PlaybackSpeed) => void;
  readonly captions: ReadonlyArray<Passed>;
}

/**
 * Plays the replay: moves the cursor with the clock at the chosen speed and plays the log's cues
 * through the cue player (the user's volume, mute and caption settings apply). A cursor moved by
 * anyone else while playing (scrubbing, an evidence link) plays on from there.
 */
export function useReplayPlayback(
  model: ReplayModel,
  cursor: number,
  onCursor: (time: number) => void,
  host?: PlaybackHost,
): ReplayPlaybackControl {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeedState] = useState<PlaybackSpeed>(1);
  const [captions, setCaptions] = useState<ReadonlyArray<Passed>>([]);
  const onCursorRef = useRef(onCursor);
  onCursorRef.current = onCursor;
  // The positions this playback moved the cursor to lately: a render may show one of them
  // after the next has been set, and that is no move of the user's.
  const emitted = useRef<number[]>([]);
  const player = useRef<CuePlayer | null>(null);
  const counter = useRef(0);

  const playback = useMemo(
    () =>
      new ReplayPlayback({
        cues: model.cues,
        endTime: model.endTime,
        context: {
          ...model.sound,
          parties: model.lanes.map((lane) => ({ id: lane.party, name: lane.name, kind: lane.kind })),
        },
        player: () => {
          if (player.current === null) {
            try {
              player.current = createCuePlayer({ loadClip });
            } catch {
              player.current = null; // no audio here: the captions still pass
            }
          }
          return player.current;
        },
        onPosition: (time) => {
          emitted.current.push(time);
          if (emitted.current.length > RECENT_POSITIONS) emitted.current.shift();
          onCursorRef.current(time);
        },
        onCues: (cues: ReadonlyArray<Cue>) => {
          const passed: Passed[] = [];
          for (const cue of cues) {
            if (cue.cue === 'line')
              passed.push({ id: ++counter.current, kind: 'line', party: cue.party, text: cue.text });
          }
          for (const caption of soundCaptions(cues))
            passed.push({ id: ++counter.current, kind: 'sound', ...caption });
          if (passed.length > 0) setCaptions((shown) => [...shown, ...passed].slice(-SHOWN_CAPTIONS));
        },
        onPlaying: setPlaying,
        ...(host === undefined ? {} : { host }),
      }),
    [model, host],
  );
  useEffect(() => () => playback.dispose(), [playback]);
  useEffect(() => () => player.current?.dispose(), []);
  // A cursor this playback did not move: scrubbing, a key, an evidence link.
  useEffect(() => {
    if (emitted.current.includes(cursor)) return;
    emitted.current = [cursor];
    playback.seek(cursor);
    setCaptions([]);
  }, [cursor, playback]);

  return {
    playing,
    speed,
    captions,
    toggle: () => {
      if (playback.playing) playback.pause();
      else {
        setCaptions([]);
        playback.play(cursor);
      }
    },
    setSpeed: (next) => {
      playback.setSpeed(next);
      setSpeedState(next);
    },
  };
}

/** Play or pause, and the speed. */
export function PlaybackControls(props: { readonly control: ReplayPlaybackControl }) {
  const { t } = useTranslation('replay');
  const name = useId();
  const { control } = props;
  return (
    <div className="replay-playback">
      <button
        type="button"
        className="replay-play"
        aria-keyshortcuts="Space"
        onClick={control.toggle}
        title={t('playback.hint')}
      >
        {control.playing ? t('playback.pause') : t('playback.play')}
      </button>
      <fieldset className="replay-speed">
        <legend>{t('playback.speed')}</legend>
        {PLAYBACK_SPEEDS.map((speed) => (
          <label key={speed}>
            <input
              type="radio"
              name={name}
              value={speed}
              checked={control.speed === speed}
              onChange={() => control.setSpeed(speed)}
            />
            {t('playback.speedValue', { speed })}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** The captions of what passed while playing: lines always, sounds when sound captions are on. */
export function PlaybackCaptions(props: {
  readonly control: ReplayPlaybackControl;
  readonly model: ReplayModel;
}) {
  const { t } = useTranslation(['replay', 'audio']);
  const [settings] = useAudioSettings();
  const shown = props.control.captions.filter((caption) => caption.kind === 'line' || settings.captions);
  return (
    <div className="replay-live-captions" role="log" aria-label={t('replay:playback.captions')}>
      {shown.map((caption) =>
        caption.kind === 'line' ? (
          <p key={caption.id}>
            <strong>{partyName(props.model.lanes, caption.party)}:</strong> {caption.text}
          </p>
        ) : (
          <p key={caption.id} className="replay-sound-caption">
            {t(caption.key, caption.values)}
          </p>
        ),
      )}
    </div>
  );
}
