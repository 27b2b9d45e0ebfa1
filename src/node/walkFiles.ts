import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compileGlob } from './globMatch';
import { READ_LIMITS, readRegularFile } from './readTextFile';
import { isInsideFolder, realPath } from './insideFolder';

/** Folders that never hold a writer's briefs or bibliographies: installed packages, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
/** Enough for any real brief collection; a larger tree is not searched further. */
export const MAX_FILES = 5000;

export interface WalkOptions {
  /**
   * Leave out what the `.gitignore` files met on the way exclude. Set when looking for briefs:
   * a site or book build (`_site/`, `_book/`) holds copies of them. Not for bibliographies, which
   * reference managers often export to an ignored file.
   */
  gitignore?: boolean;
}

/** The rules of one `.gitignore`, with the folder its patterns are relative to. */
interface IgnoreFile {
  folder: string;
  rules: Array<{ matches: (path: string) => boolean; negated: boolean; foldersOnly: boolean }>;
}

/**
 * The files under `root` that `accept` takes, folder by folder in name order (so every run lists
 * them alike), skipping the folders above and dot-folders (`.quarto`, `.obsidian`).
 */
export async function walkFiles(root: string, accept: (path: string) => boolean, options: WalkOptions = {}): Promise<string[]> {
  const walk: Walk = { accept, found: [], root, realRoot: realPath(root), seen: new Map() };
  await walkFolder(root, options.gitignore ? [] : undefined, walk);
  return walk.found;
}

interface Walk {
  accept: (path: string) => boolean;
  found: string[];
  root: string;
  /** The root with its links resolved: a linked file counts only when its target is under it. */
  realRoot: string;
  /**
   * Real paths listed so far, with where, so a file reached through links is listed once, by its
   * own name when the walk meets it (a rename then edits the file, not a link to it).
   */
  seen: Map<string, { index: number; linked: boolean }>;
}

/**
 * A linked file's path when it stays under the root, else undefined: a link in a pull request
 * must not make BriefKit read (or rename keys in) a file elsewhere on the machine. Links to
 * folders are not followed, so the walk cannot loop.
 */
async function linkedFile(path: string, walk: Walk): Promise<string | undefined> {
  try {
    const target = await realpath(path);
    return isInsideFolder(target, walk.realRoot) && (await stat(target)).isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

async function walkFolder(folder: string, ignores: IgnoreFile[] | undefined, walk: Walk): Promise<void> {
  const { accept, found } = walk;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  if (ignores && entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
    ignores = [...ignores, await readIgnoreFile(folder)];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (found.length >= MAX_FILES) break;
    const path = join(folder, entry.name);
    const isFolder = entry.isDirectory();
    if (ignores && isIgnored(ignores, path, isFolder)) continue;
    if (isFolder) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walkFolder(path, ignores, walk);
    } else if (accept(path)) {
      const linked = entry.isSymbolicLink();
      // Links to folders are not followed, so a file met by name lies where the root's real path says: no call to the file system.
      const real = linked ? await linkedFile(path, walk) : join(walk.realRoot, relative(walk.root, path));
      if (real === undefined) continue;
      const seen = walk.seen.get(real);
      if (seen === undefined) {
        walk.seen.set(real, { index: found.length, linked });
        found.push(path);
      } else if (seen.linked && !linked) {
        found[seen.index] = path;
        seen.linked = false;
      }
    }
  }
}

/**
 * A `.gitignore` read as git reads it: `#` comments, `!` re-includes, a trailing `/` for folders
 * only, a pattern with a `/` anchored to the file's folder and one without matched at any depth.
 */
async function readIgnoreFile(folder: string): Promise<IgnoreFile> {
  let text = '';
  try {
    text = (await readRegularFile(join(folder, '.gitignore'), READ_LIMITS.gitignore)).toString('utf8');
  } catch {
    // Unreadable, or larger than any real one: ignores nothing, as git would if it could not read it.
  }
  const rules: IgnoreFile['rules'] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trimEnd();
    // `\ ` keeps a trailing space that belongs to the name.
    if (line.endsWith('\\') && raw.length > line.length) line = `${line.slice(0, -1)} `;
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const foldersOnly = line.endsWith('/');
    if (foldersOnly) line = line.slice(0, -1);
    if (line === '') continue;
    const anchored = line.includes('/');
    const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
    // Compiled once, not for each file: a long pattern is read in full only here.
    rules.push({ matches: compileGlob(glob), negated, foldersOnly });
  }
  return { folder, rules };
}

/** The last rule that matches decides, deeper files after shallower ones, as in git. */
function isIgnored(ignores: readonly IgnoreFile[], path: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const file of ignores) {
    const rel = relative(file.folder, path).split(sep).join('/');
    for (const rule of file.rules) {
      if (rule.negated !== ignored || (rule.foldersOnly && !isFolder)) continue;
      if (rule.matches(rel)) ignored = !rule.negated;
    }
  }
  return ignored;
}
