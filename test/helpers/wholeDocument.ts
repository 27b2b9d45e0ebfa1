import { createBriefService, DEFAULT_OPTIONS, type BriefDocument } from '../../src/core';

/** The model from one remark parse of the whole text, as a host that checks each brief once (the CLI) builds it: what chunking must reproduce. */
export function wholeDocumentModel(text: string, version: number): BriefDocument {
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const service = createBriefService({ logger: quiet, getOptions: () => DEFAULT_OPTIONS, readFile: async () => undefined, checksOnce: true });
  return service.getDocument({ uri: 'file:///brief.md', version, getText: () => text });
}

/** What the model says, without parse statistics, for comparing two ways of building it. */
export function observable(document: BriefDocument) {
  const { lines: _lines, parseStats: _stats, ...rest } = document;
  return rest;
}
