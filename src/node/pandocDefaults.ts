import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * The bibliography files a pandoc defaults file (`pandoc -d thesis.yaml`) names, as pandoc reads
 * them: `bibliography:` at the top level or under `metadata:`, a path or a list. `${.}` is the
 * defaults file's folder; other relative paths are relative to `workingFolder`, where pandoc runs.
 * Throws an Error whose message says what is wrong with the file and where.
 */
export function defaultsBibliographies(path: string, workingFolder: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the pandoc defaults file ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new Error(`The pandoc defaults file ${path} is not valid YAML${line ? ` (line ${line})` : ''}, so its bibliography is not used.`);
  }
  const defaults = (parsed ?? {}) as { bibliography?: unknown; metadata?: { bibliography?: unknown } };
  const listed = [defaults.bibliography, defaults.metadata?.bibliography].flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []));
  return listed
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .map((value) => {
      const expanded = value.trim().replace(/^\$\{\.\}/, dirname(resolve(path)));
      return isAbsolute(expanded) ? expanded : resolve(workingFolder, expanded);
    });
}
