// The same screen in German: a test switches the header's language, looks, and switches back.
import type { Page } from 'playwright-core';

/**
 * Switches the UI to German with the header's language control, runs `look` (a screenshot, an
 * assertion) and switches back to English, so the test goes on as before.
 */
export async function inGerman(page: Page, look: () => Promise<void>): Promise<void> {
  // The select sits inside its label, so its name is the label followed by the chosen language.
  await page.getByRole('combobox', { name: /^Language/ }).selectOption('de');
  await page.getByRole('combobox', { name: /^Sprache/ }).waitFor();
  await look();
  await page.getByRole('combobox', { name: /^Sprache/ }).selectOption('en');
  await page.getByRole('combobox', { name: /^Language/ }).waitFor();
}
