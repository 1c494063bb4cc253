import type { i18n } from 'i18next';
import { de } from './de';
import { en } from './en';

/**
 * Adds the editor's text (namespace `editor`) to the app's i18next instance. The editor loads
 * lazily, and its text with it: the app's first bundle does not carry it.
 */
export function registerEditorText(instance: i18n): void {
  if (instance.hasResourceBundle('en', 'editor')) return;
  instance.addResourceBundle('en', 'editor', en);
  instance.addResourceBundle('de', 'editor', de);
}
