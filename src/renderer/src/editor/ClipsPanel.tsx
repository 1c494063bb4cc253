import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api';

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
}) {
  const { t } = useTranslation('editor');
  const names = useMemo(() => clipNames(props.value), [props.value]);
  const [stored, setStored] = useState<ReadonlySet<string>>(
    () => new Set(props.known.filter((c) => c.present).map((c) => c.name)),
  );
  const [message, setMessage] = useState('');

  const put = async (clip: string, file: File) => {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const answer = await callApi('clips:put', {
        scenarioId: props.scenarioId,
        clip,
        base64: toBase64(bytes),
      });
      setStored((previous) => new Set([...previous, clip]));
      setMessage(t('clips.stored', { clip, bytes: answer.bytes }));
    } catch (error) {
      setMessage(
        t('clips.failed', { clip, message: error instanceof Error ? error.message : String(error) }),
      );
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
            </li>
          );
        })}
      </ul>
      <p role="status">{message}</p>
    </section>
  );
}
