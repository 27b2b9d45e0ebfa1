import { listMarkdownInFolder } from '../node/listFolder';
import { readTextFile } from '../node/readTextFile';
import { shippedStyles } from '../node/shippedStyles';
import { createBriefService, DEFAULT_OPTIONS, type BriefOptions, type BriefService } from '../core';

/**
 * The core as the CLI hosts it: default options (or those given, for every brief or per brief's
 * URI), files from disk, warnings and errors on standard error.
 */
export function createCliService(options: BriefOptions | ((uri: string) => BriefOptions) = DEFAULT_OPTIONS): BriefService {
  return createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
    getOptions: typeof options === 'function' ? options : () => options,
    readFile: readTextFile,
    listFolder: listMarkdownInFolder,
    styles: shippedStyles(),
  });
}
