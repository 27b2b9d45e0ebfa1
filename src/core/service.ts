import { assembleDocument, type BriefDocument } from './document';
import { splitIntoChunks } from './parse/blockSplitter';
import { parseChunk, type ChunkParse } from './parse/chunkParser';
import { findUndefinedFootnotes, findUnusedFootnotes } from './checks/footnoteChecks';
import { findFrontMatterProblems } from './checks/frontMatterChecks';
import type { BriefOptions } from './options';
import { throwIfCancelled, type BriefDiagnostic, type BriefTextDocument, type CancellationToken } from './types';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the core needs from the program hosting it: the VS Code server, the CLI, a test. */
export interface BriefHost {
  logger: Logger;
  /** The options in force for a document, already converted from the host's settings. */
  getOptions(uri: string): BriefOptions;
}

export interface BriefService {
  /** The document model for this version, parsing only the chunks that changed since the last version. */
  getDocument(document: BriefTextDocument, token?: CancellationToken): BriefDocument;
  computeDiagnostics(document: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[];
  /** Drops the cache of a closed document. */
  forget(uri: string): void;
}

interface CacheEntry {
  document: BriefDocument;
  /** Parses of the chunks in this version, by chunk text, reused by the next version. */
  chunks: Map<string, ChunkParse>;
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

export function createBriefService(host: BriefHost): BriefService {
  const cache = new Map<string, CacheEntry>();

  function getDocument(input: BriefTextDocument, token?: CancellationToken): BriefDocument {
    const cached = cache.get(input.uri);
    if (cached && cached.document.version === input.version) return cached.document;
    const text = input.getText();
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
    cache.set(input.uri, { document, chunks: nextChunks });
    host.logger.debug(
      `Parsed ${input.uri} version ${input.version}: ${reparsed} of ${chunks.length} blocks in ${(performance.now() - started).toFixed(1)} ms`,
    );
    return document;
  }

  function computeDiagnostics(input: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[] {
    const options = host.getOptions(input.uri);
    if (!options.diagnosticsEnabled) return [];
    const document = getDocument(input, token);
    throwIfCancelled(token);
    const diagnostics = [
      ...findFrontMatterProblems(document),
      ...findUndefinedFootnotes(document),
      ...findUnusedFootnotes(document),
    ];
    return diagnostics.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
  }

  return {
    getDocument,
    computeDiagnostics,
    forget: (uri) => cache.delete(uri),
  };
}
