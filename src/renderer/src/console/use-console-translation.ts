import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A translation of a key with its values, as `t` gives it. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** How many different texts one component remembers before it starts again. */
const MAX_REMEMBERED = 2000;

/**
 * `useTranslation` for the console, whose every click renders dozens of labels again: each text
 * is translated once per language and then remembered. A new language (or new resources) gives
 * a new `t`, and with it an empty memory.
 */
export function useConsoleTranslation() {
  const { t, i18n } = useTranslation('console');
  const remembered = useMemo(() => remember(t as unknown as Translate), [t]);
  return { t: remembered, i18n };
}

function remember(t: Translate): Translate {
  const texts = new Map<string, string>();
  return (key, values) => {
    const id = values === undefined ? key : `${key}\u0000${JSON.stringify(values)}`;
    let text = texts.get(id);
    if (text === undefined) {
      if (texts.size >= MAX_REMEMBERED) texts.clear();
      text = t(key, values);
      texts.set(id, text);
    }
    return text;
  };
}
