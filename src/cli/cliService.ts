import { resolve } from 'node:path';
import { isInsideFolders } from '../node/insideFolder';
import { listMarkdownInFolder } from '../node/listFolder';
import { readTextFile } from '../node/readTextFile';
import { shippedStyles } from '../node/shippedStyles';
import { createBriefService, DEFAULT_OPTIONS, type BriefOptions, type BriefService } from '../core';
import type { LinkChecker } from '../node/linkChecker';
import { writeStderrLine } from './format';

/**
 * What the CLI may read: files under `root` (the folder it runs in, or --root), files named on its
 * command line, and with --allow-outside anything. A brief from a pull request must not make CI
 * print other files through its front matter (`bibliography: ../../etc/…`).
 */
export interface CliAccess {
  root: string;
  allowOutside: boolean;
  /** URIs given on the command line (--bibliography, --style): read wherever they are. */
  named: readonly string[];
}

export function cliAccess(root: string | undefined, allowOutside: boolean, named: readonly string[] = []): CliAccess {
  return { root: resolve(root ?? process.cwd()), allowOutside, named };
}

/**
 * The core as the CLI hosts it: default options (or those given, for every brief or per brief's
 * URI), files from disk as `access` allows, warnings and errors on standard error; web addresses
 * as `links` found them, with --links.
 */
export function createCliService(
  options: BriefOptions | ((uri: string) => BriefOptions) = DEFAULT_OPTIONS,
  access: CliAccess = cliAccess(undefined, false),
  links?: LinkChecker,
): BriefService {
  return createBriefService({
    checksOnce: true,
    linkStatus: links && ((url) => links.status(url)),
    linkResultsVersion: links && (() => links.version),
    mayRead: (uri) => access.allowOutside || access.named.includes(uri) || isInsideFolders(uri, [access.root]),
    readOutsideHint: 'run briefkit with --allow-outside, or with --root set to a folder that holds it',
    logger: { debug: () => undefined, info: () => undefined, warn: writeStderrLine, error: writeStderrLine },
    getOptions: typeof options === 'function' ? options : () => options,
    readFile: readTextFile,
    listFolder: listMarkdownInFolder,
    styles: shippedStyles(),
  });
}
