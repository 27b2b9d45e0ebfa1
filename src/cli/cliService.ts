import { createBriefService, DEFAULT_OPTIONS, type BriefService } from '../core';

/** The core as the CLI hosts it: default options, warnings and errors on standard error. */
export function createCliService(): BriefService {
  return createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
    getOptions: () => DEFAULT_OPTIONS,
  });
}
