import { watch, type FSWatcher } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globBase, globMatches, isGlob } from '../node/globMatch';
import { MARKDOWN_FILE } from '../node/listFolder';
import { walkFiles } from '../node/walkFiles';
import { READ_LIMITS, readRegularFile } from '../node/readTextFile';

/**
 * The `briefkit.bibliography` setting's paths and globs, relative to each workspace folder, as
 * URIs. A `!glob` takes back files that entries before it named (`"!refs/old/**"`).
 */
export async function resolveBibliographyPatterns(patterns: readonly string[], folders: readonly string[]): Promise<string[]> {
  let uris: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      const excluded = pattern.slice(1).replace(/^\.\//, '');
      uris = uris.filter((uri) => !folders.some((folder) => globMatches(excluded, slashPath(folder, fileURLToPath(uri)))));
      continue;
    }
    if (!isGlob(pattern)) {
      const paths = isAbsolute(pattern) ? [pattern] : folders.map((folder) => join(folder, pattern));
      uris.push(...paths.map((p) => pathToFileURL(p).href));
      continue;
    }
    const glob = pattern.replace(/^\.\//, '');
    for (const folder of folders) {
      // From the glob's fixed folder (`refs/` of `refs/**/*.bib`), so a large workspace is not
      // walked to its file limit first; a base that leaves the folder matches nothing, as before.
      const base = globBase(glob);
      if (isAbsolute(base) || base.split('/').includes('..')) continue;
      const matches = await walkFiles(join(folder, base), (path) => globMatches(glob, slashPath(folder, path)));
      uris.push(...matches.map((p) => pathToFileURL(p).href));
    }
  }
  return [...new Set(uris)];
}

function slashPath(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

/** A file URI's path as the file system compares paths (Windows ignores case); undefined for other URIs. */
function comparablePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    return process.platform === 'win32' ? path.toLowerCase() : path;
  } catch {
    return undefined;
  }
}

/**
 * The Markdown files of the folders, as saved. A file the editor has open (`openUris`) is listed
 * under the editor's URI for it, which may escape what Node does not (VS Code writes `@` as `%40`,
 * `C:` as `c%3A`): the same file is then never taken for two.
 */
export async function listMarkdownFiles(folders: readonly string[], openUris: readonly string[] = []): Promise<Array<{ uri: string; text: string }>> {
  const openByPath = new Map<string, string>();
  for (const uri of openUris) {
    const path = comparablePath(uri);
    if (path !== undefined) openByPath.set(path, uri);
  }
  const files: Array<{ uri: string; text: string }> = [];
  for (const folder of folders) {
    for (const path of await walkFiles(folder, (p) => MARKDOWN_FILE.test(p), { gitignore: true })) {
      try {
        const uri = pathToFileURL(path).href;
        files.push({ uri: openByPath.get(comparablePath(uri)!) ?? uri, text: (await readRegularFile(path, READ_LIMITS.brief)).toString('utf8') });
      } catch {
        // Unreadable files are skipped, and so are pipes, devices and files past a brief's size: they cite nothing BriefKit follows.
      }
    }
  }
  return files;
}

/**
 * Tells when files the briefs draw on (bibliographies, styles, project files, the not-claims list)
 * change on disk, are created or deleted, in any editor. It watches their folders, not the files:
 * Zotero's auto-export replaces the file, which ends a watch on the file itself, and a file not yet
 * there (a `_quarto.yml` created later) has nothing to watch. A URI ending in "/" stands for every
 * file in that folder whose name `folderFiles` matches (the chapters beside a brief).
 */
export class FileWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(
    private readonly onChange: (uri: string) => void,
    private readonly folderFiles?: RegExp,
  ) {}

  watch(uris: readonly string[]): void {
    for (const uri of uris) {
      const path = localPath(uri);
      if (path === undefined) continue;
      let folder: string;
      if (uri.endsWith('/')) {
        folder = path;
        this.folders.add(folder);
      } else {
        this.files.add(path);
        folder = dirname(path);
      }
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, (_event, name) => {
          const changed = name ? join(folder, name.toString()) : undefined;
          if (changed && (this.files.has(changed) || (this.folders.has(folder) && this.folderFiles?.test(changed)))) this.onChange(pathToFileURL(changed).href);
        });
        watcher.on('error', () => this.watchers.delete(folder));
        this.watchers.set(folder, watcher);
      } catch {
        // A folder that cannot be watched: changes are picked up when the brief is reopened.
      }
    }
  }

  /** Stops watching every file and folder but these, and closes the watches of folders left with none. */
  retain(uris: readonly string[]): void {
    const kept = new Set(uris.map(localPath).filter((path) => path !== undefined));
    for (const path of [...this.files]) if (!kept.has(path)) this.files.delete(path);
    for (const path of [...this.folders]) if (!kept.has(path)) this.folders.delete(path);
    const folders = new Set([...this.folders, ...[...this.files].map((path) => dirname(path))]);
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

/** A file URI's path ("/a/refs.bib"), or a folder URI's without the final separator; undefined when not a local path (a host, an encoded slash). */
function localPath(uri: string): string | undefined {
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
