import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_OPTIONS, OUTPUT_FORMATS } from '../core';
import { styleArgument } from './styleArgument';
import { choice, parseArgs, UsageError } from './args';
import { cliAccess, createCliService } from './cliService';
import { readBriefOrReport } from './readBrief';
import { printablePath, writeStderrLine } from './format';

/** `briefkit bibliography`: prints the brief's bibliography in a style and format. */
export async function bibliography(args: string[]): Promise<number> {
  const parsed = parseArgs(args, 'bibliography', { style: 'value', format: 'value', order: 'value', root: 'value', 'allow-outside': 'flag' }, 'Name the Markdown brief whose bibliography to print.');
  if (parsed.files.length > 1) throw new UsageError('"briefkit bibliography" prints one brief at a time.');
  const format = choice(parsed, 'format', OUTPUT_FORMATS, 'text');
  const order = choice(parsed, 'order', ['style', 'cited'] as const, 'style');
  const options = { ...DEFAULT_OPTIONS };
  const access = cliAccess(parsed.values.get('root'), parsed.flags.has('allow-outside'));
  // Created first: the service registers the styles the CLI ships (IEEE) beside the bundled ones.
  const service = createCliService(options, access);
  const { id: styleId, isFile, written: style } = styleArgument(parsed, 'chicago-author-date');
  options.citationStyle = styleId;
  access.named = [styleId];
  const [path] = parsed.files;
  const read = readBriefOrReport(path);
  if (!read) return 2;
  const document = { uri: pathToFileURL(resolve(path)).href, version: 1, getText: () => read.text };
  await service.loadBibliographies(document);
  // The --style given wins over the brief's front matter.
  const chosen = service.getStyle(document, styleId);
  if (isFile && chosen.definition === undefined) {
    writeStderrLine(`briefkit: ${style}: cannot read this style file`);
    return 2;
  }
  const shownPath = printablePath(path);
  for (const notice of chosen.notices) writeStderrLine(`${shownPath}: ${notice}`);
  // A bibliography file that was refused or could not be read leaves works out: the writer is told which and why.
  for (const problem of service.computeDiagnostics(document).filter((d) => d.code.startsWith('bibliography.file-'))) {
    writeStderrLine(`${shownPath}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`);
  }
  const text = service.exportBibliography(document, chosen, order, format);
  if (text === '') {
    writeStderrLine(`${shownPath}: this brief cites no sources yet.`);
    return 0;
  }
  process.stdout.write(text);
  return 0;
}
