import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { DEFAULT_OPTIONS, SEVERITY_RANK, type BriefOptions } from '../core';
import { notClaimsFileFor, readNotClaimsFile } from '../node/notClaimsFile';
import { choice, parseArgs, UsageError } from './args';
import { createCliService } from './cliService';
import { formatGithub, formatJson, formatSarif, formatText, summarize, type FileReport } from './format';
import { readBriefOrReport } from './readBrief';
import { briefFiles } from './briefFiles';
import { styleArgument } from './styleArgument';
import { defaultsBibliographies } from '../node/pandocDefaults';

const FAIL_LEVELS = ['error', 'warning', 'information', 'hint', 'never'] as const;
/** Output for tools, on standard output alone; `text` is for people and adds a summary on standard error. */
const MACHINE_FORMATS = { json: formatJson, sarif: formatSarif, github: formatGithub };

/** Each brief's options: the given ones, with the sentences its workspace's not-claims file lists (the folder the CLI runs in is the workspace). */
function withNotClaims(options: BriefOptions): (uri: string) => BriefOptions {
  const byFile = new Map<string, BriefOptions>();
  return (uri) => {
    const file = notClaimsFileFor(fileURLToPath(uri), process.cwd());
    let found = byFile.get(file);
    if (!found) {
      const notClaims = readNotClaimsFile(file);
      found = notClaims.length > 0 ? { ...options, claims: { ...options.claims, notClaims } } : options;
      byFile.set(file, found);
    }
    return found;
  };
}

/** `briefkit check`: 0 when no problem reaches --fail-on, 1 when one does, 2 for unreadable input. */
export async function check(args: string[]): Promise<number> {
  const parsed = parseArgs(args, 'check', { format: 'value', 'fail-on': 'value', bibliography: 'value', defaults: 'value', style: 'value' }, 'Name at least one Markdown file to check.');
  const format = choice(parsed, 'format', ['text', ...(Object.keys(MACHINE_FORMATS) as Array<keyof typeof MACHINE_FORMATS>)], 'text');
  const failOn = choice(parsed, 'fail-on', FAIL_LEVELS, 'error');
  for (const path of parsed.repeated.get('bibliography') ?? []) {
    if (!existsSync(path)) throw new UsageError(`--bibliography ${path}: no such file.`);
  }
  // As `pandoc -d FILE` reads them: the bibliography a defaults file names counts like --bibliography.
  const fromDefaults = (parsed.repeated.get('defaults') ?? []).flatMap((path) => {
    try {
      return defaultsBibliographies(path, process.cwd());
    } catch (error) {
      throw new UsageError(`--defaults: ${(error as Error).message}`);
    }
  });
  const bibliographyFiles = [...(parsed.repeated.get('bibliography') ?? []).map((path) => resolve(path)), ...fromDefaults].map((path) => pathToFileURL(path).href);
  // Every brief checked draws on these files, as with the briefkit.bibliography setting.
  const options = { ...DEFAULT_OPTIONS, bibliographyFiles };
  const service = createCliService(withNotClaims(options));
  // As on `briefkit bibliography`: the style the briefs are written for; an unknown one stops the check.
  if (parsed.values.has('style')) options.citationStyle = styleArgument(parsed, DEFAULT_OPTIONS.citationStyle).id;
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const path of await briefFiles(parsed.files)) {
    const read = readBriefOrReport(path);
    if (!read) {
      unreadable = true;
      continue;
    }
    const document = { uri: pathToFileURL(resolve(path)).href, version: 1, getText: () => read.text };
    await service.loadBibliographies(document);
    reports.push({ path, diagnostics: service.computeDiagnostics(document) });
  }
  if (format !== 'text') {
    process.stdout.write(MACHINE_FORMATS[format](reports));
  } else {
    process.stdout.write(formatText(reports, process.stdout.isTTY === true));
    if (reports.length > 0) console.error(summarize(reports));
  }
  if (unreadable) return 2;
  if (failOn === 'never') return 0;
  return reports.some((r) => r.diagnostics.some((d) => SEVERITY_RANK[d.severity] <= SEVERITY_RANK[failOn])) ? 1 : 0;
}
