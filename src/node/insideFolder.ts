import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
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
  return folders.some((folder) => {
    const fromFolder = relative(realPath(folder), path);
    return fromFolder !== '' && !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
  });
}
