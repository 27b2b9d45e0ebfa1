import { assembleDocument, type BriefDocument } from './document';
import type { Logger } from './host';
import { splitIntoChunks } from './parse/blockSplitter';
import { parseChunk, type ChunkParse } from './parse/chunkParser';
import { throwIfCancelled, type BriefTextDocument, type CancellationToken } from './types';

interface CacheEntry {
  document: BriefDocument;
  /** Parses of the chunks in this version, by chunk text, reused by the next version. */
  chunks: Map<string, ChunkParse>;
}

/** The document model of each open brief, one per version; a new version re-parses only the chunks that changed. */
export class DocumentStore {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly logger: Logger) {}

  get(input: BriefTextDocument, token?: CancellationToken): BriefDocument {
    const cached = this.cache.get(input.uri);
    const text = input.getText();
    // The version alone is not enough: a second open without a close, or a change that keeps the version, brings new text.
    if (cached && cached.document.version === input.version && cached.document.text === text) return cached.document;
    const chunks = splitIntoChunks(text);
    const parses: ChunkParse[] = [];
    const nextChunks = new Map<string, ChunkParse>();
    let reparsed = 0;
    const started = performance.now();
    for (const chunk of chunks) {
      const key = (chunk.isFrontMatter ? 'front-matter\u0000' : '') + chunk.text;
      let parse = nextChunks.get(key) ?? cached?.chunks.get(key);
      if (!parse) {
        throwIfCancelled(token);
        parse = parseChunk(chunk.text, chunk.isFrontMatter);
        reparsed++;
      }
      nextChunks.set(key, parse);
      parses.push(parse);
    }
    const document = assembleDocument(input.uri, input.version, text, chunks, parses, reparsed);
    this.cache.set(input.uri, { document, chunks: nextChunks });
    this.logger.debug(
      `Parsed ${input.uri} version ${input.version}: ${reparsed} of ${chunks.length} blocks in ${(performance.now() - started).toFixed(1)} ms`,
    );
    return document;
  }

  /** A saved file's model, parsed without keeping it (for briefs that are not open). */
  parseUnopened(uri: string, text: string): BriefDocument {
    const document = this.get({ uri, version: -1, getText: () => text });
    this.cache.delete(uri);
    return document;
  }

  isOpen(uri: string): boolean {
    return this.cache.has(uri);
  }

  open(): BriefDocument[] {
    return [...this.cache.values()].map((entry) => entry.document);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
