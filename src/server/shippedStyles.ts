import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerStyle } from '../core';

/**
 * Registers the CSL styles shipped beside the bundles in dist/styles (IEEE; see
 * src/build/shipStyles.ts), so the server and the CLI offer them by name.
 */
export function registerShippedStyles(folder = join(__dirname, 'styles')): void {
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.csl'));
  } catch {
    return;
  }
  for (const file of files) {
    const xml = readFileSync(join(folder, file), 'utf8');
    const title = /<title>([^<]+)<\/title>/.exec(xml)?.[1] ?? file;
    registerStyle(file.replace(/\.csl$/, ''), title, xml);
  }
}
