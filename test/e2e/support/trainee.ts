// A trainee at the console, as a test drives it: by roles and labels, with simulated time run
// through Playwright's clock (the app's own timers, nothing test-only in the app).
import type { Locator, Page } from 'playwright-core';

/** Runs simulated time forward, a second at a time so the page paints in between. */
export async function wait(page: Page, seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) await page.clock.runFor(1000);
}

/** Runs simulated time until the locator is visible; fails after `maxSeconds`. */
export async function waitFor(page: Page, locator: Locator, maxSeconds = 60): Promise<void> {
  for (let i = 0; i <= maxSeconds; i++) {
    if (await locator.isVisible()) return;
    await page.clock.runFor(1000);
  }
  throw new Error(`not visible after ${maxSeconds} simulated seconds: ${locator}`);
}

/** Opens a scenario's briefing from the picker. */
export async function openBriefing(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: /^(Scenarios|Szenarien)$/ }).click();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await card.getByRole('button').click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

/** Chooses the mode, types the name and starts; waits for the console. */
export async function start(page: Page, mode: 'Practice' | 'Assessment' | 'Übung' | 'Prüfung', name: string) {
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByRole('textbox', { name: /^(Your name|Ihr Name)$/ }).fill(name);
  await page.getByRole('button', { name: /^(Start|Starten)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(Console|Konsole):/ }).waitFor();
}

/** The connection card of a party, by the label the console shows. */
export function card(page: Page, label: string | RegExp): Locator {
  return page
    .getByRole('region', { name: /^(Connections|Verbindungen)$/ })
    .getByRole('listitem', { name: label });
}

/** A call control of the toolbar (Join, Swap, Hold all, Leave, Clear contact). */
export function control(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** Adds a party with a quick connect. */
export async function quickConnect(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^(Add|Hinzufügen):? ${escapeRegExp(name)}$`) }).click();
}

/** Dials a number on the number pad. */
export async function dial(page: Page, number: string): Promise<void> {
  await page.getByRole('textbox', { name: /^(Number to dial|Zu wählende Nummer)$/ }).fill(number);
  await page.getByRole('button', { name: /^(Dial|Wählen)$/ }).click();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The caption log. */
export function captions(page: Page): Locator {
  return page.getByRole('log', { name: /^(Captions|Untertitel)$/ });
}
