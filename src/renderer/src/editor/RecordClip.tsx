import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeWav, levelDb, mixDown, trimSilence, wavClipName } from './wav';

/** The sample rate recordings are stored at: speech stays clear, a 40-second line fits a clip. */
const STORED_RATE = 24000;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'recording' }
  | { readonly kind: 'processing' }
  | {
      readonly kind: 'recorded';
      readonly wav: Uint8Array;
      readonly url: string;
      readonly recordedSeconds: number;
      readonly trimmedSeconds: number;
    };

interface Capture {
  readonly stream: MediaStream;
  readonly recorder: MediaRecorder;
  readonly context: AudioContext;
  readonly analyser: AnalyserNode;
  readonly startedAt: number;
  readonly timer: number;
  readonly chunks: Blob[];
}

function seconds(value: number): string {
  return value.toFixed(1);
}

/** The recording's samples, decoded, mixed to one channel and resampled to the stored rate. */
async function decode(blob: Blob): Promise<Float32Array> {
  const encoded = await blob.arrayBuffer();
  const context = new OfflineAudioContext(1, 1, STORED_RATE);
  const buffer = await context.decodeAudioData(encoded);
  const channels: Float32Array[] = [];
  for (let i = 0; i < buffer.numberOfChannels; i++) channels.push(buffer.getChannelData(i));
  return mixDown(channels);
}

/** Stops the microphone, the level timer and the audio context. */
function releaseCapture(capture: Capture): void {
  window.clearInterval(capture.timer);
  for (const track of capture.stream.getTracks()) track.stop();
  void capture.context.close();
}

function revokeUrl(ref: { current: string | null }): void {
  if (ref.current !== null) URL.revokeObjectURL(ref.current);
  ref.current = null;
}

/**
 * Records a line with the microphone: Record/Stop, the elapsed time and the level while
 * recording; then the silence at the start and end trimmed, playback, and saving as a WAV clip.
 * A clip named .ogg or .mp3 is saved under the same name with .wav, and the scenario's lines are
 * renamed to it (`onSave` does both).
 */
export function RecordClip(props: {
  readonly clip: string;
  readonly onSave: (wav: Uint8Array, storedAs: string) => Promise<void>;
  /** Focuses the Record button when shown (the line's clip was just renamed by a saved recording). */
  readonly focusOnMount?: boolean;
}) {
  const { t } = useTranslation('editor');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(-100);
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const capture = useRef<Capture | null>(null);
  const urlRef = useRef<string | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const storedAs = wavClipName(props.clip);

  const release = () => {
    const current = capture.current;
    capture.current = null;
    if (current !== null) releaseCapture(current);
  };
  const forgetUrl = () => revokeUrl(urlRef);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only
  useEffect(() => {
    if (props.focusOnMount) recordButton.current?.focus();
  }, []);
  useEffect(
    () => () => {
      const current = capture.current;
      capture.current = null;
      if (current !== null) {
        if (current.recorder.state !== 'inactive') {
          current.recorder.onstop = null;
          current.recorder.stop();
        }
        releaseCapture(current);
      }
      revokeUrl(urlRef);
    },
    [],
  );

  const finish = async (chunks: Blob[], mimeType: string) => {
    try {
      const samples = await decode(new Blob(chunks, { type: mimeType }));
      const trimmed = trimSilence(samples, STORED_RATE);
      if (trimmed.length === 0) {
        setPhase({ kind: 'idle' });
        setAlert(t('record.silent'));
        return;
      }
      const wav = encodeWav(trimmed, STORED_RATE);
      forgetUrl();
      const url = URL.createObjectURL(new Blob([wav as BlobPart], { type: 'audio/wav' }));
      urlRef.current = url;
      setPhase({
        kind: 'recorded',
        wav,
        url,
        recordedSeconds: samples.length / STORED_RATE,
        trimmedSeconds: trimmed.length / STORED_RATE,
      });
    } catch (error) {
      setPhase({ kind: 'idle' });
      setAlert(t('record.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const start = async () => {
    setAlert('');
    setStatus('');
    let stream: MediaStream;
    try {
      if (navigator.mediaDevices?.getUserMedia === undefined) throw new DOMException('', 'NotFoundError');
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = error instanceof DOMException || error instanceof Error ? error.name : '';
      setAlert(
        name === 'NotAllowedError' || name === 'SecurityError'
          ? t('record.denied')
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? t('record.noMicrophone')
            : t('record.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    try {
      const recorder = new MediaRecorder(stream);
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      const chunks: Blob[] = [];
      const startedAt = performance.now();
      const frame = new Float32Array(analyser.fftSize);
      const timer = window.setInterval(() => {
        setElapsed((performance.now() - startedAt) / 1000);
        analyser.getFloatTimeDomainData(frame);
        setLevel(levelDb(frame));
      }, 100);
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      };
      recorder.onstop = () => {
        release();
        void finish(chunks, recorder.mimeType);
      };
      capture.current = { stream, recorder, context, analyser, startedAt, timer, chunks };
      setElapsed(0);
      setLevel(-100);
      recorder.start();
      setPhase({ kind: 'recording' });
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      release();
      setAlert(t('record.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const stop = () => {
    const current = capture.current;
    if (current === null) return;
    setPhase({ kind: 'processing' });
    current.recorder.stop();
  };

  const play = async (url: string) => {
    try {
      const audio = new Audio(url);
      audio.onended = () => setStatus(t('record.played', { clip: props.clip }));
      await audio.play();
      setStatus(t('record.playing', { clip: props.clip }));
    } catch (error) {
      setAlert(t('record.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const save = async (wav: Uint8Array) => {
    setAlert('');
    try {
      await props.onSave(wav, storedAs);
      forgetUrl();
      setPhase({ kind: 'idle' });
      recordButton.current?.focus();
    } catch (error) {
      setAlert(t('record.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const recording = phase.kind === 'recording';
  return (
    <fieldset className="editor-record" aria-label={t('record.group', { clip: props.clip })}>
      <button
        ref={recordButton}
        type="button"
        aria-disabled={phase.kind === 'processing' ? true : undefined}
        onClick={() => {
          // Stays focusable while the recording is trimmed: focus stays where the trainer is.
          if (phase.kind === 'processing') return;
          if (recording) stop();
          else void start();
        }}
      >
        {recording ? t('record.stop', { clip: props.clip }) : t('record.record', { clip: props.clip })}
      </button>
      {recording ? (
        <>
          {' '}
          <span>{t('record.elapsed', { seconds: seconds(elapsed) })}</span>{' '}
          <label>
            {t('record.level')} <meter min={-60} max={0} low={-45} high={-6} value={Math.max(-60, level)} />
          </label>
        </>
      ) : null}
      {phase.kind === 'processing' ? <span role="status"> {t('record.processing')}</span> : null}
      {phase.kind === 'recorded' ? (
        <>
          <p>
            {t('record.trimmed', {
              recorded: seconds(phase.recordedSeconds),
              trimmed: seconds(phase.trimmedSeconds),
            })}
          </p>
          {storedAs !== props.clip ? <p>{t('record.renames', { clip: props.clip, wav: storedAs })}</p> : null}
          <button type="button" onClick={() => void play(phase.url)}>
            {t('record.play', { clip: props.clip })}
          </button>{' '}
          <button type="button" onClick={() => void save(phase.wav)}>
            {t('record.save', { clip: storedAs })}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              forgetUrl();
              setPhase({ kind: 'idle' });
              setStatus('');
              recordButton.current?.focus();
            }}
          >
            {t('record.discard')}
          </button>
        </>
      ) : null}
      {status === '' ? null : <p role="status">{status}</p>}
      {alert === '' ? null : <p role="alert">{alert}</p>}
    </fieldset>
  );
}
