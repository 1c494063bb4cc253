import { join } from 'node:path';
import type { IpcRequest, IpcResponse } from '@shared/ipc';
import type { LibraryChannel } from '@shared/library-contract';
import type { ChooseSavePath } from '../ipc/handlers';
import { writeFileAtomic } from '../storage/atomic';
import { CLIP_MIME, sniffClipType } from './clips';
import { DraftStore } from './drafts';
import { type ChooseOpenPath, ScenarioImporter } from './import';
import { ScenarioLibrary, type ScenarioLibraryOptions } from './library';
import { buildPack } from './pack';
import { listTrash, moveToTrash, restoreFromTrash } from './trash';

/** The handlers of the library's channels. */
export type LibraryHandlerMap = {
  readonly [C in LibraryChannel]: (payload: IpcRequest<C>) => Promise<IpcResponse<C>>;
};

/** The library, its importer and the drafts, as the handlers use them. */
export interface LibraryServices {
  readonly library: ScenarioLibrary;
  readonly importer: ScenarioImporter;
  readonly drafts: DraftStore;
  readonly chooseSavePath: ChooseSavePath;
}

/** Builds the library's services over the data folder and the host's dialogs. */
export function createLibraryServices(
  options: ScenarioLibraryOptions & {
    readonly chooseSavePath: ChooseSavePath;
    readonly chooseOpenPath: ChooseOpenPath;
  },
): LibraryServices {
  const library = new ScenarioLibrary(options);
  return {
    library,
    importer: new ScenarioImporter(library, options.chooseOpenPath),
    drafts: new DraftStore(join(options.dataFolder, 'drafts'), options.now),
    chooseSavePath: options.chooseSavePath,
  };
}

/** Exports a scenario's file, or a pack with its clips, to where the user chooses. */
export async function exportScenario(
  services: LibraryServices,
  id: string,
  format: 'scenario' | 'pack',
): Promise<IpcResponse<'scenarios:export'>> {
  const { library } = services;
  const entry = await library.entry(id);
  const text = await library.readText(entry);
  const pack = format === 'pack';
  // Everything is read before the dialog opens: a cancelled or failed export leaves no file.
  const data = pack ? buildPack(id, text, await library.clipsFor(entry)) : text;
  const path = await services.chooseSavePath({
    defaultName: pack ? `${id}.scenario-pack.zip` : `${id}.json`,
    filters: pack
      ? [{ name: 'Scenario pack', extensions: ['zip'] }]
      : [{ name: 'Scenario', extensions: ['json'] }],
  });
  if (path === null) return { status: 'cancelled' };
  await writeFileAtomic(path, data);
  return { status: 'saved', path };
}

/**
 * Runs the library's changes one after another: two requests that each pick a free id, or that
 * move the same files, never interleave.
 */
function serialised(): <A, R>(run: (payload: A) => Promise<R>) => (payload: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (run) => (payload) => {
    const next = last.then(() => run(payload));
    last = next.catch(() => undefined);
    return next;
  };
}

/** One handler per library channel. */
export function createLibraryHandlers(services: LibraryServices): LibraryHandlerMap {
  const { library, importer, drafts } = services;
  const change = serialised();
  return {
    'scenarios:open': ({ id }) => library.open(id),
    'scenarios:create': change(({ template, title }) => library.create(template, title)),
    'scenarios:duplicate': change(({ id }) => library.duplicate(id)),
    'scenarios:save': change((request) =>
      library.save(request.id, 'text' in request ? { text: request.text } : { value: request.value }),
    ),
    'scenarios:rename': change(({ id, newId, title }) => library.rename(id, newId, title)),
    'scenarios:delete': change(({ id }) => moveToTrash(library, id)),
    'scenarios:trash': async () => [...(await listTrash(library))],
    'scenarios:restore': change(({ trashId }) => restoreFromTrash(library, trashId)),
    'scenarios:import': change((source) => importer.import(source)),
    'scenarios:import-resolve': change(({ token, choice }) => importer.resolve(token, choice)),
    'scenarios:export': ({ id, format }) => exportScenario(services, id, format),
    'clips:get': async ({ scenarioId, clip }) => {
      const bytes = await library.getClip(scenarioId, clip);
      const type = sniffClipType(bytes);
      if (type === null) throw new Error(`the clip "${clip}" is not audio`);
      return {
        clip,
        mime: CLIP_MIME[type],
        base64: Buffer.from(bytes).toString('base64'),
        bytes: bytes.length,
      };
    },
    'clips:put': change(async ({ scenarioId, clip, base64 }) => {
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      await library.putClip(scenarioId, clip, bytes);
      return { clip, bytes: bytes.length };
    }),
    'drafts:save': ({ key, scenarioId, text }) => drafts.save(key, scenarioId, text),
    'drafts:list': async () => [...(await drafts.list())],
    'drafts:open': ({ key }) => drafts.open(key),
    'drafts:discard': async ({ key }) => ({ discarded: await drafts.discard(key) }),
  };
}
