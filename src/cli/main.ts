#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createBriefService, DEFAULT_OPTIONS, type Severity } from '../core';
import { startServer } from '../server/server';
import { readBrief } from './readBrief';
import { formatJson, formatText, summarize, type FileReport } from './format';
import { applyFixes, FIXES, unifiedDiff, writeAtomically, type FixName } from './fix';
import { version } from '../../package.json';

const USAGE = `Usage:
  briefkit check <file.md>... [--format text|json] [--fail-on error|warning|information|hint|never]
  briefkit fix <file.md>... [--write] [--only ${FIXES.join(',')}]
                              without --write, prints the changes as a diff and saves nothing
  briefkit lsp --stdio        start the language server (for Neovim, Helix, Emacs, Sublime)
  briefkit --version
  briefkit --help`;

const FAIL_LEVELS = ['error', 'warning', 'information', 'hint', 'never'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

class UsageError extends Error {}

interface CheckArgs {
  files: string[];
  format: 'text' | 'json';
  failOn: FailLevel;
}

function parseCheckArgs(args: string[]): CheckArgs {
  const parsed: CheckArgs = { files: [], format: 'text', failOn: 'error' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
      parsed.format = format;
    } else if (flag === '--fail-on') {
      const level = value();
      if (!(FAIL_LEVELS as readonly string[]).includes(level)) throw new UsageError(`--fail-on must be one of ${FAIL_LEVELS.join(', ')}, not "${level}".`);
      parsed.failOn = level as FailLevel;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`Unknown option ${flag} for "briefkit check".`);
    } else {
      parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new UsageError('Name at least one Markdown file to check.');
  return parsed;
}

function check(args: CheckArgs): number {
  const service = createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
    getOptions: () => DEFAULT_OPTIONS,
  });
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const path of args.files) {
    const read = readBrief(path);
    if (!read.ok) {
      console.error(`briefkit: ${path}: ${read.reason}`);
      unreadable = true;
      continue;
    }
    const uri = pathToFileURL(resolve(path)).href;
    reports.push({ path, diagnostics: service.computeDiagnostics({ uri, version: 1, getText: () => read.text }) });
  }
  if (args.format === 'json') {
    process.stdout.write(formatJson(reports));
  } else {
    process.stdout.write(formatText(reports, process.stdout.isTTY === true));
    if (reports.length > 0) console.error(summarize(reports));
  }
  if (unreadable) return 2;
  if (args.failOn === 'never') return 0;
  const threshold = RANK[args.failOn];
  return reports.some((r) => r.diagnostics.some((d) => RANK[d.severity] <= threshold)) ? 1 : 0;
}

interface FixArgs {
  files: string[];
  write: boolean;
  only: FixName[];
}

function parseFixArgs(args: string[]): FixArgs {
  const parsed: FixArgs = { files: [], write: false, only: [...FIXES] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--write') {
      parsed.write = true;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      if (!value) throw new UsageError('--only needs a list of fixes, for example --only renumber,placement.');
      const names = value.split(',').map((n) => n.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(FIXES as readonly string[]).includes(n));
      if (unknown.length > 0) throw new UsageError(`Unknown fix ${unknown.map((n) => `"${n}"`).join(', ')}; choose from ${FIXES.join(', ')}.`);
      parsed.only = FIXES.filter((f) => names.includes(f));
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`Unknown option ${arg} for "briefkit fix".`);
    } else {
      parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new UsageError('Name at least one Markdown file to fix.');
  return parsed;
}

function fix(args: FixArgs): number {
  const service = createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
    getOptions: () => DEFAULT_OPTIONS,
  });
  let failed = false;
  for (const path of args.files) {
    const read = readBrief(path);
    if (!read.ok) {
      console.error(`briefkit: ${path}: ${read.reason}`);
      failed = true;
      continue;
    }
    const result = applyFixes(service, pathToFileURL(resolve(path)).href, read.text, args.only);
    if (result.applied.length === 0) {
      console.error(`${path}: nothing to fix.`);
      continue;
    }
    if (args.write) {
      try {
        writeAtomically(path, result.text, read.hadBom);
      } catch (error) {
        console.error(`briefkit: ${path}: could not save the fixes (${(error as Error).message}); the file is unchanged`);
        failed = true;
        continue;
      }
      console.error(`${path}: ${result.applied.join('; ')}. Saved.`);
    } else {
      process.stdout.write(unifiedDiff(path, read.text, result.text));
      console.error(`${path}: would have ${result.applied.join('; ')}. Run with --write to save.`);
    }
  }
  return failed ? 2 : 0;
}

function main(argv: string[]): number | undefined {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return check(parseCheckArgs(rest));
    case 'fix':
      return fix(parseFixArgs(rest));
    case 'lsp':
      if (!rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
        throw new UsageError('"briefkit lsp" needs --stdio (or --node-ipc, --socket=PORT, --pipe=NAME).');
      }
      startServer();
      return undefined;
    case '--version':
    case '-v':
      console.log(version);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return 0;
    case undefined:
      throw new UsageError('Name a command.');
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

try {
  const code = main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`briefkit: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`briefkit: internal error, please report it: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 3;
  }
}
