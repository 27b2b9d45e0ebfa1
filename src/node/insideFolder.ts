import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path with every symbolic link resolved, so a link inside a folder to a file outside it counts
 * as outside. A path that does not exist yet resolves through its nearest existing folder.
 */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** Whether a file: URI names a file inside one of the folders, links resolved; a URI that is not a local path (`file://host/…`, `%2F`) is not. */
export function isInsideFolders(uri: string, folders: readonly string[]): boolean {
  if (!uri.startsWith('file:')) return false;
  let path: string;
  try {
    path = realPath(fileURLToPath(uri));
  } catch {
    return false;
  }
  return folders.some((folder) => isInsideFolder(path, realPath(folder)));
}

/** Whether a path lies under a folder, both as given (resolve links first where they matter). */
export function isInsideFolder(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
}

/**
 * Whether a path under `folder` as written leads out of it through a link: a brief in a pull
 * request linked to a file elsewhere on the machine. Paths outside the folder as written are the
 * user's own choice, not this.
 */
export function leavesFolderThroughLink(path: string, folder: string): boolean {
  const absolute = resolve(path);
  return isInsideFolder(absolute, resolve(folder)) && !isInsideFolder(realPath(absolute), realPath(folder));
}
