import { existsSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { walkFiles } from '../node/walkFiles';
import { UsageError } from './args';

/** What a folder stands for: Markdown briefs, as pandoc, Quarto and R Markdown name them. */
const MARKDOWN = /\.(?:md|markdown|qmd|Rmd)$/i;

/**
 * The files `briefkit check` reads: a file as named; a folder as every Markdown file under it; a
 * quoted glob (`"docs/**\/*.md"`, with braces and classes) as the files it matches. Folders and
 * globs list their files in name order, so the output is the same on every run; `node_modules`,
 * build folders and dot-folders are skipped. One that matches nothing is a usage error that says so.
 */
export async function briefFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (existsSync(arg) && statSync(arg).isDirectory()) {
      const found = await walkFiles(arg, (path) => MARKDOWN.test(path));
      if (found.length === 0) throw new UsageError(`${arg}: this folder holds no Markdown files (.md, .markdown, .qmd, .Rmd).`);
      files.push(...found);
    } else if (!existsSync(arg) && picomatch.scan(arg).isGlob) {
      const { base } = picomatch.scan(arg);
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
