import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders that never hold a writer's briefs or bibliographies: installed packages, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
/** Enough for any real brief collection; a larger tree is not searched further. */
export const MAX_FILES = 5000;

/**
 * The files under `root` that `accept` takes, folder by folder in name order (so every run lists
 * them alike), skipping the folders above and dot-folders (`.quarto`, `.obsidian`).
 */
export async function walkFiles(root: string, accept: (path: string) => boolean, found: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return found;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (found.length >= MAX_FILES) break;
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walkFiles(path, accept, found);
    } else if (accept(path)) {
      found.push(path);
    }
  }
  return found;
}
