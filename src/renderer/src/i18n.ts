import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de as audioDe } from './audio/locales/de';
import { en as audioEn } from './audio/locales/en';
import { de as consoleDe } from './console/locales/de';
import { en as consoleEn } from './console/locales/en';
import { de as desktopDe } from './desktop/locales/de';
import { en as desktopEn } from './desktop/locales/en';
import { de as libraryDe } from './library/locales/de';
import { en as libraryEn } from './library/locales/en';
import { de } from './locales/de';
import { en } from './locales/en';
import { de as overviewDe } from './overview/locales/de';
import { en as overviewEn } from './overview/locales/en';
import { de as pickerDe } from './picker/locales/de';
import { en as pickerEn } from './picker/locales/en';
import { de as recoveryDe } from './recovery/locales/de';
import { en as recoveryEn } from './recovery/locales/en';
import { de as replayDe } from './replay/locales/de';
import { en as replayEn } from './replay/locales/en';
import { de as resultsDe } from './results/locales/de';
import { en as resultsEn } from './results/locales/en';

/** The UI languages, in the order the language switch lists them. */
export const languages = ['en', 'de'] as const;
/** A UI language. */
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'language';

/** Picks the UI language: the user's earlier choice, else the system's, else English. */
export function detectLanguage(stored: string | null, systemLanguages: ReadonlyArray<string>): Language {
  if (stored === 'en' || stored === 'de') return stored;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the user's choice of language. */
export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
}

/** Creates and initialises the i18next instance the React tree uses. */
export async function createI18n(language?: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  const lng = language ?? detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  await instance.use(initReactI18next).init({
    // Each feature folder brings its own namespace: `t('audio:caption.ring')`.
    resources: {
      en: {
        translation: en,
        audio: audioEn,
        console: consoleEn,
        picker: pickerEn,
        results: resultsEn,
        replay: replayEn,
        overview: overviewEn,
        recovery: recoveryEn,
        library: libraryEn,
        desktop: desktopEn,
      },
      de: {
        translation: de,
        audio: audioDe,
        console: consoleDe,
        picker: pickerDe,
        results: resultsDe,
        replay: replayDe,
        overview: overviewDe,
        recovery: recoveryDe,
        library: libraryDe,
        desktop: desktopDe,
      },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
  return instance;
}
