import type { BriefDocument } from '../../src/core';
import { assembleDocument } from '../../src/core/document';
import { splitIntoChunks } from '../../src/core/parse/blockSplitter';
import { parseChunk } from '../../src/core/parse/chunkParser';

/** The model from one remark parse of the whole text: what chunking must reproduce. */
export function wholeDocumentModel(text: string, version: number): BriefDocument {
  // Front matter as the block splitter finds it (which the splitter's own tests pin down).
  const isFrontMatter = splitIntoChunks(text)[0].isFrontMatter;
  return assembleDocument('file:///brief.md', version, text, [{ start: 0, text, isFrontMatter }], [parseChunk(text, isFrontMatter)], 1);
}

/** What the model says, without parse statistics, for comparing two ways of building it. */
export function observable(document: BriefDocument) {
  const { lines: _lines, parseStats: _stats, ...rest } = document;
  return rest;
}
