import { existsSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { MARKDOWN_FILE } from '../node/listFolder';
import { walkFiles } from '../node/walkFiles';
import { UsageError } from './args';

/**
 * The files `briefkit check` reads: a file as named; a folder as every Markdown file under it; a
 * quoted glob (`"docs/**\/*.md"`, with braces and classes) as the files it matches. Folders and
 * globs list their files in name order, so the output is the same on every run; `node_modules`,
 * build folders and dot-folders are skipped. One that matches nothing is a usage error that says so.
 */
export async function briefFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const exists = existsSync(arg);
    const glob = exists ? undefined : picomatch.scan(arg);
    if (exists && statSync(arg).isDirectory()) {
      const found = await walkFiles(arg, (path) => MARKDOWN_FILE.test(path));
      if (found.length === 0) throw new UsageError(`${arg}: this folder holds no Markdown files (.md, .markdown, .qmd, .Rmd).`);
      files.push(...found);
    } else if (glob?.isGlob) {
      const { base } = glob;
      const matches = picomatch(arg.split(sep).join('/'));
      const found = await walkFiles(base === '' ? '.' : base, (path) => matches(relative('.', path).split(sep).join('/')));
      if (found.length === 0) throw new UsageError(`${arg}: no file matches this pattern.`);
      files.push(...found.map((path) => relative('.', path) || path));
    } else {
      files.push(arg);
    }
  }
  return files;
}
