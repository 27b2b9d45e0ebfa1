import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatBibliography, OUTPUT_FORMATS, STYLE_NAMES } from '../core';
import { choice, parseArgs, UsageError } from './args';
import { createCliService } from './cliService';
import { readBriefOrReport } from './readBrief';

/** `briefkit bibliography`: prints the brief's bibliography in a style and format. */
export async function bibliography(args: string[]): Promise<number> {
  const parsed = parseArgs(args, 'bibliography', { style: 'value', format: 'value', order: 'value' }, 'Name the Markdown brief whose bibliography to print.');
  if (parsed.files.length > 1) throw new UsageError('"briefkit bibliography" prints one brief at a time.');
  const format = choice(parsed, 'format', OUTPUT_FORMATS, 'text');
  const order = choice(parsed, 'order', ['style', 'cited'] as const, 'style');
  const style = parsed.values.get('style') ?? 'chicago-author-date';
  let customDefinition: string | undefined;
  if (/\.csl$/i.test(style)) {
    try {
      customDefinition = readFileSync(style, 'utf8');
    } catch {
      console.error(`briefkit: ${style}: cannot read this style file`);
      return 2;
    }
  } else if (!STYLE_NAMES.includes(style)) {
    console.error(`briefkit: unknown style "${style}". Known styles: ${STYLE_NAMES.join(', ')}; or give the path of a .csl file.`);
    return 2;
  }
  const [path] = parsed.files;
  const read = readBriefOrReport(path);
  if (!read) return 2;
  const service = createCliService();
  const document = { uri: pathToFileURL(resolve(path)).href, version: 1, getText: () => read.text };
  await service.loadBibliographies(document);
  const works = service.getBibliographyWorks(document);
  if (works.length === 0) {
    console.error(`${path}: this brief cites no sources yet.`);
    return 0;
  }
  const lang = service.getDocument(document).frontMatter?.lang ?? 'en-US';
  process.stdout.write(formatBibliography(works, { style, format, order, lang, customDefinition }));
  return 0;
}
