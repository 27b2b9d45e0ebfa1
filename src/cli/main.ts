#!/usr/bin/env node
import { startServer } from '../server/server';
import { UsageError } from './args';
import { check } from './check';
import { fix, FIXES } from './fix';
import { bibliography } from './bibliography';
import { checkWork, runCheckWorker } from './checkFiles';
import { version } from '../../package.json';
import { writeStderrLine } from './format';

const USAGE = `Usage:
  briefkit check <file.md|folder|"glob">... [--format text|json|sarif|github] [--fail-on error|warning|information|hint|never] [--bibliography <file>]... [--defaults <pandoc defaults file>]... [--style <name|path.csl>] [--jobs N] [--root <folder>] [--allow-outside] [--links [--link-timeout MS] [--allow-private-network]]
  briefkit fix <file.md>... [--write] [--only ${FIXES.join(',')}]
                              without --write, prints the changes as a diff and saves nothing
  briefkit bibliography <file.md> [--style <name|path.csl>] [--format html|text|markdown|bibtex|csl-json] [--order style|cited] [--root <folder>] [--allow-outside]
  briefkit lsp --stdio        start the language server (for Neovim, Helix, Emacs, Sublime)
  briefkit --version
  briefkit --help`;

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return check(rest);
    case 'fix':
      return fix(rest);
    case 'bibliography':
      return bibliography(rest);
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

/** The command line, or a worker thread of `briefkit check` (which runs this same file). */
const work = checkWork();
if (work) void runCheckWorker(work);
else runMain();

function runMain(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        // The message may quote an argument (a path with a newline); the usage is ours, lines and all.
        writeStderrLine(`briefkit: ${error.message}`);
        if (error.showUsage) console.error(USAGE);
        process.exitCode = 2;
      } else {
        writeStderrLine(`briefkit: internal error, please report it: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 3;
      }
    },
  );
}
