import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioSummary } from '@shared/ipc';
import type { Scenario } from '@shared/scenario';
import { type Finding, fileTooLargeFinding, loadScenario, MAX_SCENARIO_BYTES } from '@shared/scenario';
import { scenarioHash } from '@shared/scoring/grade';

/** Where scenarios come from: the app's own, or the user's data folder. */
export type ScenarioSource = 'bundled' | 'user';

/** One scenario of the library, loaded and validated. */
export interface LibraryEntry {
  readonly scenario: Scenario;
  readonly source: ScenarioSource;
  readonly path: string;
  /** The content hash assessments record (`scenarioHash`). */
  readonly hash: string;
  /** Warnings (a scenario with errors is not in the library). */
  readonly findings: ReadonlyArray<Finding>;
}

/** A file of a library folder that could not be loaded, with why. */
export interface LibraryProblem {
  readonly path: string;
  readonly findings: ReadonlyArray<Finding>;
}

/** The scenarios of a set of folders. */
export interface Library {
  readonly entries: ReadonlyArray<LibraryEntry>;
  readonly problems: ReadonlyArray<LibraryProblem>;
}

/**
 * Loads every `*.json` of the folders as a scenario, validating each (a missing folder is an
 * empty one). Files with errors are left out and reported; a later folder's scenario with the
 * same id and hash as an earlier one is left out as a duplicate.
 */
export async function loadLibrary(
  folders: ReadonlyArray<{ readonly path: string; readonly source: ScenarioSource }>,
): Promise<Library> {
  const entries: LibraryEntry[] = [];
  const problems: LibraryProblem[] = [];
  for (const folder of folders) {
    const names = await readdir(folder.path).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const path = join(folder.path, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_SCENARIO_BYTES) {
        problems.push({ path, findings: [fileTooLargeFinding(info.size)] });
        continue;
      }
      const { scenario, findings } = loadScenario(await readFile(path, 'utf8'));
      if (!scenario) {
        problems.push({ path, findings });
        continue;
      }
      const hash = scenarioHash(scenario);
      if (entries.some((entry) => entry.scenario.id === scenario.id && entry.hash === hash)) continue;
      entries.push({ scenario, source: folder.source, path, hash, findings });
    }
  }
  return { entries, problems };
}

/** The scenario with this id and, if given, this content hash. */
export function findScenario(library: Library, id: string, hash?: string): LibraryEntry | undefined {
  return library.entries.find(
    (entry) => entry.scenario.id === id && (hash === undefined || entry.hash === hash),
  );
}

/** The picker's summary of a library entry. */
export function summaryOf(entry: LibraryEntry): ScenarioSummary {
  const { scenario } = entry;
  return {
    id: scenario.id,
    title: scenario.title,
    difficulty: scenario.difficulty,
    estimatedMinutes: scenario.estimatedMinutes,
    mode: scenario.call.mode,
    language: scenario.language,
    tags: [...scenario.tags],
    source: entry.source,
  };
}
