import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Finding,
  hasErrors,
  loadScenario,
  MAX_SCENARIO_BYTES,
  type ScenarioValidation,
  validateScenario,
} from '@shared/scenario';
import { findScenario, type Library, type LibraryEntry, loadLibrary } from '../library';
import { writeFileAtomic } from '../storage/atomic';
import { clipsOf, readClip, writeClip } from './clips';
import {
  clipFolder,
  insideFolder,
  type LibraryFolders,
  libraryFolders,
  printable,
  scenarioFile,
  slugOf,
  uniqueId,
} from './paths';

/** What the library is built on; tests give temporary folders. */
export interface ScenarioLibraryOptions {
  readonly dataFolder: string;
  readonly bundledScenarios: string;
  /** Where bundled scenarios keep their clips (default: `../audio/lines` beside them). */
  readonly bundledClips?: string;
  /** Where the templates are (default: `../templates` beside the bundled scenarios). */
  readonly templates?: string;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Called after every change of the user's scenarios (so caches of the library reload). */
  readonly onChange?: () => void;
}

/** A scenario the library made or changed, with the validator's findings (warnings, infos). */
export interface LibraryChange {
  readonly id: string;
  readonly title: string;
  readonly source: 'bundled' | 'user';
  readonly findings: ReadonlyArray<Finding>;
}

/** The text a scenario value is written as. */
export function scenarioText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Parses a scenario file's text into a plain object (the loader has already accepted it). */
export function parseObject(text: string): Record<string, unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value: unknown = JSON.parse(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('the scenario file is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Throws with the first error among the findings, for operations that must not write an invalid file. */
export function assertValid(validation: ScenarioValidation, what: string): void {
  const error = validation.findings.find((f) => f.severity === 'error');
  if (error) throw new Error(`${what} is not a valid scenario: ${error.path}: ${error.message}`);
}

/**
 * The user's scenario library in the data folder, beside the bundled (read-only) scenarios.
 * Every write is atomic; every name is checked so that nothing is written outside its folder.
 */
export class ScenarioLibrary {
  readonly folders: LibraryFolders;
  readonly templates: string;

  constructor(readonly options: ScenarioLibraryOptions) {
    this.folders = libraryFolders(
      options.dataFolder,
      options.bundledClips ?? join(options.bundledScenarios, '../audio/lines'),
    );
    this.templates = options.templates ?? join(options.bundledScenarios, '../templates');
  }

  private cached: { readonly fingerprint: string; readonly library: Promise<Library> } | null = null;

  /** The names, sizes and modification times of the scenario files: what the cache depends on. */
  private async fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const folder of [this.options.bundledScenarios, this.folders.scenarios]) {
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
        const info = await stat(join(folder, name)).catch(() => null);
        parts.push(`${folder}/${name}:${info?.size}:${info?.mtimeMs}:${info?.ino}`);
      }
    }
    return parts.join('\n');
  }

  /** Both folders' scenarios, validated; read again only when a file changed. */
  async load(): Promise<Library> {
    const fingerprint = await this.fingerprint();
    if (this.cached?.fingerprint !== fingerprint) {
      const library = loadLibrary([
        { path: this.options.bundledScenarios, source: 'bundled' },
        { path: this.folders.scenarios, source: 'user' },
      ]);
      this.cached = { fingerprint, library };
      library.catch(() => {
        if (this.cached?.library === library) this.cached = null;
      });
    }
    return this.cached.library;
  }

  /** The entry with this id, or a clear error. */
  async entry(id: string, library?: Library): Promise<LibraryEntry> {
    const found = findScenario(library ?? (await this.load()), id);
    if (!found) throw new Error(`no scenario "${printable(id)}" in the library`);
    return found;
  }

  /** The user entry with this id; a bundled one is refused as read-only. */
  async userEntry(id: string, library?: Library): Promise<LibraryEntry> {
    const found = await this.entry(id, library);
    if (found.source !== 'user') {
      throw new Error(`"${id}" is a bundled scenario and read-only: duplicate it to make an editable copy`);
    }
    return found;
  }

  /** A test of whether an id is taken: by any scenario of the library or by a user file of that name. */
  async takenIds(library?: Library): Promise<(id: string) => boolean> {
    const lib = library ?? (await this.load());
    const ids = new Set(lib.entries.map((e) => e.scenario.id));
    const names = await readdir(this.folders.scenarios).catch(() => [] as string[]);
    for (const name of names) if (name.endsWith('.json')) ids.add(name.slice(0, -'.json'.length));
    return (id) => ids.has(id);
  }

  /** The text of an entry's file, size-checked. */
  async readText(entry: LibraryEntry): Promise<string> {
    const info = await stat(entry.path);
    if (info.size > MAX_SCENARIO_BYTES)
      throw new Error(`${entry.path} is larger than ${MAX_SCENARIO_BYTES} bytes`);
    return readFile(entry.path, 'utf8');
  }

  /** The folder of an entry's clips: the bundled lines, or the user scenario's own folder. */
  clipFolderOf(entry: LibraryEntry): string {
    return entry.source === 'bundled'
      ? this.folders.bundledClips
      : clipFolder(this.folders, entry.scenario.id);
  }

  /** The clips an entry names that the library has, with their bytes. */
  async clipsFor(entry: LibraryEntry): Promise<Map<string, Uint8Array>> {
    const clips = new Map<string, Uint8Array>();
    for (const name of clipsOf(entry.scenario)) {
      const bytes = await readClip(this.clipFolderOf(entry), name);
      if (bytes !== null) clips.set(name, bytes);
    }
    return clips;
  }

  /** Writes a user scenario's file atomically (the caller has validated it). */
  async writeScenario(id: string, text: string): Promise<string> {
    await mkdir(this.folders.scenarios, { recursive: true });
    const path = scenarioFile(this.folders, id);
    await writeFileAtomic(path, text);
    this.changed();
    return path;
  }

  /** Writes a user scenario's clips into its folder. */
  async writeClips(id: string, clips: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const folder = clipFolder(this.folders, id);
    for (const [name, bytes] of clips) await writeClip(folder, name, bytes);
  }

  /** Tells the host that the user's scenarios changed. */
  changed(): void {
    this.options.onChange?.();
  }

  /** One scenario with its text, value, findings and clips. */
  async open(id: string) {
    const entry = await this.entry(id);
    const text = await this.readText(entry);
    const folder = this.clipFolderOf(entry);
    const clips = [];
    for (const name of clipsOf(entry.scenario)) {
      const present = await stat(insideFolder(folder, name)).then(
        (s) => s.isFile(),
        () => false,
      );
      clips.push({ name, present });
    }
    return {
      id: entry.scenario.id,
      title: entry.scenario.title,
      source: entry.source,
      readOnly: entry.source === 'bundled',
      text,
      value: parseObject(text),
      findings: [...entry.findings],
      clips,
    };
  }

  /**
   * Writes a new user scenario made from `value` under a fresh id (from `idBase`) and `title`,
   * validating it in full first; copies `clips` with it.
   */
  async addNew(
    value: Record<string, unknown>,
    idBase: string,
    title: string,
    clips: ReadonlyMap<string, Uint8Array> = new Map(),
  ): Promise<LibraryChange> {
    const taken = await this.takenIds();
    const id = uniqueId(idBase, taken);
    const next = { ...value, id, title: title.slice(0, 120) };
    const validation = validateScenario(next);
    assertValid(validation, `"${title}"`);
    await this.writeClips(id, clips);
    await this.writeScenario(id, scenarioText(next));
    return { id, title: next.title, source: 'user', findings: validation.findings };
  }

  /** A new user scenario from a template. */
  async create(template: string, title?: string): Promise<LibraryChange> {
    const path = insideFolder(this.templates, `${template}.json`);
    const value = parseObject(await readFile(path, 'utf8'));
    const name = title ?? String(value.title ?? template);
    return this.addNew(value, slugOf(title ?? `new-${template}`), name);
  }

  /** An editable copy of a scenario under a new id, with its clips. */
  async duplicate(id: string): Promise<LibraryChange> {
    const entry = await this.entry(id);
    const value = parseObject(await this.readText(entry));
    const clips = await this.clipsFor(entry);
    return this.addNew(value, `${id}-copy`, `${entry.scenario.title} (copy)`, clips);
  }

  /**
   * Saves a user scenario from its text or value: validated in full, nothing written when any
   * finding is an error. The id in the file must be the id saved under (rename changes ids).
   */
  async save(
    id: string,
    input: { readonly text: string } | { readonly value: unknown },
  ): Promise<{ status: 'saved'; scenario: LibraryChange } | { status: 'invalid'; findings: Finding[] }> {
    const library = await this.load();
    const existing = findScenario(library, id);
    if (existing && existing.source === 'bundled') {
      throw new Error(`"${id}" is a bundled scenario and read-only: duplicate it to make an editable copy`);
    }
    const validation = 'text' in input ? loadScenario(input.text) : validateScenario(input.value);
    const findings = [...validation.findings];
    const value = 'text' in input ? null : input.value;
    const fileId =
      validation.scenario?.id ??
      (value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined);
    if (validation.scenario !== null && fileId !== id) {
      findings.push({
        path: '$.id',
        severity: 'error',
        code: 'invalid-value',
        rule: null,
        message: `the scenario is saved as "${id}" but its id is ${JSON.stringify(fileId)}; rename it to change its id`,
      });
    }
    if (validation.scenario === null || hasErrors(findings)) return { status: 'invalid', findings };
    const text = 'text' in input ? input.text : scenarioText(input.value);
    if (existing) {
      await writeFileAtomic(existing.path, text);
      this.changed();
    } else await this.writeScenario(id, text);
    return {
      status: 'saved',
      scenario: { id, title: validation.scenario.title, source: 'user', findings },
    };
  }

  /** Gives a user scenario a new title and/or id; its clips move with it. */
  async rename(id: string, newId?: string, title?: string): Promise<LibraryChange> {
    const library = await this.load();
    const entry = await this.userEntry(id, library);
    const targetId = newId ?? id;
    if (targetId !== id && (await this.takenIds(library))(targetId)) {
      throw new Error(`the id "${targetId}" is taken by another scenario`);
    }
    const value = parseObject(await this.readText(entry));
    const next = { ...value, id: targetId, title: title ?? entry.scenario.title };
    const validation = validateScenario(next);
    assertValid(validation, `"${id}" renamed`);
    const text = scenarioText(next);
    if (targetId === id) {
      await writeFileAtomic(entry.path, text);
      this.changed();
      return { id, title: next.title, source: 'user', findings: validation.findings };
    }
    // The new file first, then the clips, then the old file goes: a failure leaves the old one.
    const newPath = await this.writeScenario(targetId, text);
    const oldClips = clipFolder(this.folders, id);
    const hasClips = await stat(oldClips).then(
      (s) => s.isDirectory(),
      () => false,
    );
    try {
      if (hasClips) {
        await rm(clipFolder(this.folders, targetId), { recursive: true, force: true });
        await rename(oldClips, clipFolder(this.folders, targetId));
      }
    } catch (error) {
      await rm(newPath, { force: true });
      this.changed();
      throw error;
    }
    await rm(entry.path, { force: true });
    this.changed();
    return { id: targetId, title: next.title, source: 'user', findings: validation.findings };
  }

  /** One clip of a scenario, checked. */
  async getClip(id: string, clip: string): Promise<Uint8Array> {
    const entry = await this.entry(id);
    const bytes = await readClip(this.clipFolderOf(entry), clip);
    if (bytes === null) throw new Error(`the scenario "${id}" has no clip "${clip}"`);
    return bytes;
  }

  /** Stores a clip for a user scenario. */
  async putClip(id: string, clip: string, bytes: Uint8Array): Promise<void> {
    await this.userEntry(id);
    await writeClip(clipFolder(this.folders, id), clip, bytes);
  }
}
