import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedStyle } from '../core';

/**
 * The CSL styles shipped beside the bundles in dist/styles (IEEE; see src/build/shipStyles.ts),
 * which the server and the CLI pass to the core so it offers them by name.
 */
export function shippedStyles(folder = join(__dirname, 'styles')): ShippedStyle[] {
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.csl'));
  } catch {
    return [];
  }
  return files.map((file) => {
    const xml = readFileSync(join(folder, file), 'utf8');
    return { name: file.replace(/\.csl$/, ''), title: /<title>([^<]+)<\/title>/.exec(xml)?.[1] ?? file, xml };
  });
}
