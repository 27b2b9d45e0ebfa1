import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** A file's text by file: URI, for the core's hosts; undefined when it does not exist or cannot be read. */
export async function readTextFile(uri: string): Promise<string | undefined> {
  try {
    return await readFile(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}
