import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';
import { RecordClip } from './RecordClip';

/** The clip names a scenario's `say` effects give, in order of first mention. */
export function clipNames(value: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const say = record.say as Record<string, unknown> | undefined;
    if (say !== null && typeof say === 'object' && typeof say.clip === 'string') names.add(say.clip);
    Object.values(record).forEach(visit);
  };
  visit(value);
  return [...names];
}

/** `value` with every `say.clip` named `from` renamed to `to`. */
export function renameClip(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameClip(item, from, to));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    result[key] = renameClip(item, from, to);
  }
  const say = result.say as Record<string, unknown> | undefined;
  if (say !== null && typeof say === 'object' && say.clip === from) result.say = { ...say, clip: to };
  return result;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The audio clips of the scenario's lines: whether each is stored, a file to store for it, and playback. */
export function ClipsPanel(props: {
  readonly scenarioId: string;
  readonly value: unknown;
  readonly known: ReadonlyArray<{ readonly name: string; readonly present: boolean }>;
  readonly readOnly: boolean;
  /** Renames a clip in the scenario's lines (a recording saved as WAV for an .ogg or .mp3 name). */
  readonly onRename?: (from: string, to: string) => void;
}) {
  const { t } = useTranslation('editor');
  const names = useMemo(() => clipNames(props.value), [props.value]);
  const [stored, setStored] = useState<ReadonlySet<string>>(
    () => new Set(props.known.filter((c) => c.present).map((c) => c.name)),
  );
  const [message, setMessage] = useState('');
  const [renamedTo, setRenamedTo] = useState<string | null>(null);

  const store = async (clip: string, bytes: Uint8Array) => {
    const answer = await callApi('clips:put', {
      scenarioId: props.scenarioId,
      clip,
      base64: toBase64(bytes),
    });
    setStored((previous) => new Set([...previous, clip]));
    setMessage(t('clips.stored', { clip, bytes: answer.bytes }));
  };
  const put = async (clip: string, file: File) => {
    try {
      await store(clip, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      setMessage(
        t('clips.failed', { clip, message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
  const saveRecording = async (clip: string, wav: Uint8Array, storedAs: string) => {
    await store(storedAs, wav);
    if (storedAs !== clip) {
      setRenamedTo(storedAs);
      props.onRename?.(clip, storedAs);
    }
  };
  const play = async (clip: string) => {
    try {
      const answer = await callApi('clips:get', { scenarioId: props.scenarioId, clip });
      await new Audio(`data:${answer.mime};base64,${answer.base64}`).play();
    } catch (error) {
      setMessage(
        t('clips.failed', { clip, message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <section className="editor-clips" aria-labelledby="editor-clips-title">
      <h2 id="editor-clips-title">{t('clips.title')}</h2>
      <p className="editor-help">{t('clips.help')}</p>
      {names.length === 0 ? <p>{t('clips.none')}</p> : null}
      <ul>
        {names.map((clip) => {
          const present = stored.has(clip);
          return (
            <li key={clip}>
              <code>{clip}</code> <span>{present ? t('clips.present') : t('clips.missing')}</span>{' '}
              {props.readOnly ? null : (
                <label className="editor-clip-file">
                  {t('clips.pick', { clip })}
                  <input
                    type="file"
                    accept="audio/ogg,audio/mpeg,audio/wav,.ogg,.mp3,.wav"
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      if (file !== undefined) void put(clip, file);
                      event.target.value = '';
                    }}
                  />
                </label>
              )}
              <button type="button" disabled={!present} onClick={() => void play(clip)}>
                {t('clips.play', { clip })}
              </button>
              {props.readOnly ? null : (
                <RecordClip
                  clip={clip}
                  focusOnMount={clip === renamedTo}
                  onSave={(wav, storedAs) => saveRecording(clip, wav, storedAs)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <p role="status">{message}</p>
    </section>
  );
}
