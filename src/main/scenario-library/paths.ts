import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The folders of the library inside the data folder. */
export interface LibraryFolders {
  /** `<data>/scenarios`: one `<id>.json` per user scenario. */
  readonly scenarios: string;
  /** `<data>/clips/<id>/…`: the audio clips of each user scenario. */
  readonly clips: string;
  /** `<data>/trash/<trashId>/`: deleted scenarios with their clips, until restored. */
  readonly trash: string;
  /** `<data>/drafts/<key>.json`: the editor's autosaved drafts. */
  readonly drafts: string;
  /** Where bundled scenarios keep their clips (`resources/audio/lines`). */
  readonly bundledClips: string;
}

/** The library's folders under a data folder. */
export function libraryFolders(dataFolder: string, bundledClips: string): LibraryFolders {
  return {
    scenarios: join(dataFolder, 'scenarios'),
    clips: join(dataFolder, 'clips'),
    trash: join(dataFolder, 'trash'),
    drafts: join(dataFolder, 'drafts'),
    bundledClips,
  };
}

// Windows reserves these names in every folder, with any extension (`con.wav`, `aux/x.ogg`).
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Why a name of a file or folder inside the library is unsafe, or null when it is safe. */
export function unsafeSegment(segment: string): string | null {
  if (segment.length === 0) return 'is empty';
  if (segment.length > 100) return 'is longer than 100 characters';
  if (segment.includes('\0')) return 'contains a NUL character';
  if (segment === '.' || segment === '..') return 'points outside its folder';
  if (/[\\/:*?"<>|]/.test(segment)) return 'contains a character that is not allowed in file names';
  if ([...segment].some(isControl)) return 'contains a control character';
  if (/[. ]$/.test(segment)) return 'ends with a dot or a space';
  if (DEVICE_NAME.test(segment)) return 'is a reserved device name on Windows';
  return null;
}

/**
 * Why a relative name (`a/b.wav`, always with `/`) is unsafe, or null: an absolute path, a
 * drive, `..`, a device name, NUL or a control character in any segment is refused.
 */
export function unsafeRelativeName(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 200) return 'is longer than 200 characters';
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || isAbsolute(name) || /^[a-z]:/i.test(name)) return 'is an absolute path';
  const segments = name.split('/');
  if (segments.length > 4) return 'is nested more than 4 folders deep';
  for (const segment of segments) {
    const problem = unsafeSegment(segment);
    if (problem !== null) return `has a part "${segment.replace(/\0/g, '\\0')}" that ${problem}`;
  }
  return null;
}

/**
 * The path of `name` (relative, `/`-separated) inside `root`. Throws when the name is unsafe or
 * would resolve outside `root`: the last line of defence behind every schema.
 */
export function insideFolder(root: string, name: string): string {
  const problem = unsafeRelativeName(name);
  if (problem !== null) throw new Error(`the name "${printable(name)}" ${problem}`);
  const base = resolve(root);
  const path = resolve(base, ...name.split('/'));
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new Error(`the name "${printable(name)}" points outside the library folder`);
  }
  return path;
}

/** A name as it may appear in a message: control characters escaped, cut to 80 characters. */
export function printable(name: string): string {
  const escaped = [...name]
    .map((c) => (isControl(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}

/** The file of a user scenario: `<scenarios>/<id>.json`, the id checked. */
export function scenarioFile(folders: LibraryFolders, id: string): string {
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(id)) throw new Error(`"${printable(id)}" is not a scenario id`);
  return insideFolder(folders.scenarios, `${id}.json`);
}

/** The clip folder of a user scenario. */
export function clipFolder(folders: LibraryFolders, id: string): string {
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(id)) throw new Error(`"${printable(id)}" is not a scenario id`);
  return insideFolder(folders.clips, id);
}

/** Turns a title into an id: `Mortgage closing (copy)` → `mortgage-closing-copy`. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'scenario';
}

/** The first of `base`, `base-2`, `base-3`… that `taken` does not hold, at most 64 characters. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  const stem = base.slice(0, 56).replace(/-+$/, '');
  if (!taken(stem) && !DEVICE_NAME.test(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
