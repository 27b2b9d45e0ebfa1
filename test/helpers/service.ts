import { createBriefService, DEFAULT_OPTIONS, type BriefOptions, type BriefService } from '../../src/core';

/** An in-memory core with the given options; a warning or error logged fails the test. */
export function testService(options: Partial<BriefOptions> = {}): BriefService {
  const fail = (message: string) => {
    throw new Error(`unexpected log: ${message}`);
  };
  return createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: fail, error: fail },
    getOptions: () => ({ ...DEFAULT_OPTIONS, ...options }),
  });
}

export function doc(text: string, version = 1, uri = 'file:///brief.md') {
  return { uri, version, getText: () => text };
}
