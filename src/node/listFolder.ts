import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

/** Markdown files as pandoc, Quarto and R Markdown name them. */
export const MARKDOWN_FILE = /\.(?:md|markdown|qmd|Rmd)$/i;

/** The Markdown files directly in a folder (by file: URI), for the core's cross-reference check. */
export async function listMarkdownInFolder(folderUri: string): Promise<string[]> {
  try {
    const folder = fileURLToPath(folderUri);
    const names = await readdir(folder);
    return names.filter((name) => MARKDOWN_FILE.test(name)).map((name) => pathToFileURL(join(folder, name)).href);
  } catch {
    return [];
  }
}
