/**
 * `npm run eval:robust -- <dir>`: checks every Markdown file under a folder the way the CLI
 * does, and reports files per second and every failure (not part of `npm test`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliAccess, createCliService } from '../../src/cli/cliService';
import { readBrief } from '../../src/cli/readBrief';

function markdownFiles(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((name) => markdownFiles(join(path, name)));
  return /\.(md|markdown)$/i.test(path) ? [path] : [];
}

async function main(folders: string[]): Promise<number> {
  if (folders.length === 0) {
    console.error('Usage: npm run eval:robust -- <folder>...');
    return 2;
  }
  const service = createCliService(undefined, cliAccess(undefined, true));
  const files = folders.flatMap((folder) => markdownFiles(resolve(folder)));
  const failures: string[] = [];
  let unreadable = 0;
  let diagnostics = 0;
  const started = performance.now();
  for (const path of files) {
    const read = readBrief(path);
    if (!read.ok) {
      unreadable++;
      continue;
    }
    try {
      const document = { uri: pathToFileURL(path).href, version: 1, getText: () => read.text };
      await service.loadBibliographies(document);
      diagnostics += service.computeDiagnostics(document).length;
      service.forget(document.uri);
    } catch (error) {
      failures.push(`${path}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${files.length} files in ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(1)} files/s), ${diagnostics} problems reported, ${unreadable} unreadable, ${failures.length} failures`);
  for (const failure of failures) console.log(`FAILED ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
