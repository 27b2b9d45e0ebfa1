import { listMarkdownInFolder } from '../node/listFolder';
import { readTextFile } from '../node/readTextFile';
import { shippedStyles } from '../node/shippedStyles';
import { createBriefService, DEFAULT_OPTIONS, type BriefOptions, type BriefService } from '../core';

/** The core as the CLI hosts it: default options (or those given), files from disk, warnings and errors on standard error. */
export function createCliService(options: BriefOptions = DEFAULT_OPTIONS): BriefService {
  return createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
    getOptions: () => options,
    readFile: readTextFile,
    listFolder: listMarkdownInFolder,
    styles: shippedStyles(),
  });
}
