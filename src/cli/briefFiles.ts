import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globBase, globMatches, isGlob } from '../node/globMatch';
import { MARKDOWN_FILE } from '../node/listFolder';
import { walkFiles } from '../node/walkFiles';
import { UsageError } from './args';

/**
 * The files `briefkit check` reads: a file as named; a folder as every Markdown file under it; a
 * quoted glob (`"docs/**\/*.md"`, with braces and classes) as the files it matches; a `"!glob"`
 * leaves out files the arguments before it found. Folders and globs list their files in name
 * order, so the output is the same on every run; `node_modules`, build folders, dot-folders and
 * what `.gitignore` files exclude are skipped. One that matches nothing is a usage error that says so.
 */
export async function briefFiles(args: readonly string[]): Promise<string[]> {
  let files: string[] = [];
  for (const arg of args) {
    const exists = existsSync(arg);
    const pattern = arg.split(sep).join('/');
    if (exists && statSync(arg).isDirectory()) {
      const found = await walkFiles(arg, (path) => MARKDOWN_FILE.test(path), { gitignore: true });
      if (found.length === 0) throw new UsageError(`${arg}: this folder holds no Markdown files (.md, .markdown, .qmd, .Rmd).`);
      files.push(...found);
    } else if (!exists && pattern.startsWith('!')) {
      const excluded = pattern.slice(1).replace(/^\.\//, '');
      files = files.filter((file) => !globMatches(excluded, slashPath(file, isAbsolute(excluded))));
    } else if (!exists && isGlob(pattern)) {
      const glob = pattern.replace(/^\.\//, '');
      const base = globBase(glob);
      const found = await walkFiles(base === '' ? '.' : base, (path) => globMatches(glob, slashPath(path, isAbsolute(glob))), { gitignore: true });
      if (found.length === 0) throw new UsageError(`${arg}: no file matches this pattern.`);
      files.push(...found.map((path) => relative('.', path) || path));
    } else {
      files.push(arg);
    }
  }
  return files;
}

/** The path as a glob of that kind is written: from the folder it runs in, or absolute. */
function slashPath(path: string, absolute: boolean): string {
  return (absolute ? resolve(path) : relative('.', path)).split(sep).join('/');
}
