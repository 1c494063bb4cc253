import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadScenario } from '@shared/scenario';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';
import { assertValid, type LibraryChange, parseObject, type ScenarioLibrary, scenarioText } from './library';
import { clipFolder, insideFolder, uniqueId } from './paths';

/** One scenario in the trash. */
export interface TrashEntry {
  readonly trashId: string;
  readonly id: string;
  readonly title: string;
  readonly deletedAt: string;
}

const TrashMetaSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
  title: z.string(),
  deletedAt: z.string(),
});

const META = 'meta.json';
const SCENARIO = 'scenario.json';
const CLIPS = 'clips';

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function trashIdFor(id: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').toLowerCase();
  return `${stamp}-${id}-${randomBytes(3).toString('hex')}`;
}

/**
 * Moves a user scenario and its clips to `trash/<trashId>/`: the description first, then the
 * file and the clip folder by renaming (nothing is copied, nothing half-written).
 */
export async function moveToTrash(library: ScenarioLibrary, id: string): Promise<TrashEntry> {
  const entry = await library.userEntry(id);
  const deletedAt = library.options.now().toISOString();
  const trashId = trashIdFor(id, library.options.now());
  const folder = insideFolder(library.folders.trash, trashId);
  await mkdir(folder, { recursive: true });
  const meta: TrashEntry = { trashId, id, title: entry.scenario.title, deletedAt };
  try {
    await writeFileAtomic(join(folder, META), `${JSON.stringify(meta, null, 2)}\n`);
    await rename(entry.path, join(folder, SCENARIO));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const clips = clipFolder(library.folders, id);
  if (await isDirectory(clips)) await rename(clips, join(folder, CLIPS));
  library.changed();
  return meta;
}

/** The scenarios in the trash, newest first (entries that cannot be read are left out). */
export async function listTrash(library: ScenarioLibrary): Promise<ReadonlyArray<TrashEntry>> {
  const names = await readdir(library.folders.trash).catch(() => [] as string[]);
  const entries: TrashEntry[] = [];
  for (const trashId of names) {
    if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(trashId)) continue;
    const text = await readFile(join(library.folders.trash, trashId, META), 'utf8').catch(() => null);
    if (text === null || text.length > 64 * 1024) continue;
    let meta: z.infer<typeof TrashMetaSchema>;
    try {
      meta = TrashMetaSchema.parse(JSON.parse(text));
    } catch {
      continue;
    }
    entries.push({ trashId, id: meta.id, title: meta.title, deletedAt: meta.deletedAt });
  }
  return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || b.trashId.localeCompare(a.trashId));
}

/**
 * Restores a scenario from the trash, with its clips. When its id was taken meanwhile, it comes
 * back under a new one (`renamedFrom` says so).
 */
export async function restoreFromTrash(
  library: ScenarioLibrary,
  trashId: string,
): Promise<LibraryChange & { readonly renamedFrom?: string }> {
  const folder = insideFolder(library.folders.trash, trashId);
  const entry = (await listTrash(library)).find((e) => e.trashId === trashId);
  if (!entry) throw new Error(`nothing in the trash is called "${trashId}"`);
  const text = await readFile(join(folder, SCENARIO), 'utf8');
  const loaded = loadScenario(text);
  assertValid(loaded, `the trashed scenario "${entry.id}"`);
  const taken = await library.takenIds();
  const id = taken(entry.id) ? uniqueId(`${entry.id}-restored`, taken) : entry.id;
  if (id === entry.id) {
    await mkdir(library.folders.scenarios, { recursive: true });
    await rename(join(folder, SCENARIO), join(library.folders.scenarios, `${id}.json`));
  } else {
    await library.writeScenario(id, scenarioText({ ...parseObject(text), id }));
  }
  const clips = join(folder, CLIPS);
  if (await isDirectory(clips)) {
    const target = clipFolder(library.folders, id);
    await mkdir(library.folders.clips, { recursive: true });
    // A clip folder without a scenario is left over; the restored scenario's clips take its place.
    await rm(target, { recursive: true, force: true });
    await rename(clips, target);
  }
  await rm(folder, { recursive: true, force: true });
  library.changed();
  const findings = loaded.findings;
  const title = loaded.scenario?.title ?? entry.title;
  return id === entry.id
    ? { id, title, source: 'user', findings }
    : { id, title, source: 'user', findings, renamedFrom: entry.id };
}
