import type { i18n } from 'i18next';
import { de } from './locales/de';
import { en } from './locales/en';

/**
 * Adds the checks screen's text (namespace `authoring`) to the app's i18next instance when the
 * screen is first loaded, so that the text travels with the lazily loaded screen.
 */
export function addAuthoringText(instance: i18n): void {
  if (!instance.hasResourceBundle('en', 'authoring')) instance.addResourceBundle('en', 'authoring', en);
  if (!instance.hasResourceBundle('de', 'authoring')) instance.addResourceBundle('de', 'authoring', de);
}
