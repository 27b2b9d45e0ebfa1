import { assembleDocument, type BriefDocument } from './document';
import { splitIntoChunks } from './parse/blockSplitter';
import { parseChunk, type ChunkParse } from './parse/chunkParser';
import {
  findDuplicateFootnotes,
  findEmptyFootnotes,
  findFootnoteLabelCaseProblems,
  findFootnoteOrderProblems,
  findLegacyFootnoteMarkers,
  findMisplacedFootnotes,
  findUndefinedFootnotes,
  findUnusedFootnotes,
} from './checks/footnoteChecks';
import { findFrontMatterProblems } from './checks/frontMatterChecks';
import { findIncompleteSources, findSourceMismatches, findSourcesMissingFromBibliography, findUrlTitleMismatches } from './checks/sourceChecks';
import { findDuplicateBibliographyEntries, findUncitedBibliographyEntries, findUnsortedBibliography } from './checks/bibliographyChecks';
import type { BriefOptions } from './options';
import { applyEdits, type TextEdit } from './edits';
import type { BriefCodeAction, BriefCompletionList, BriefHover, BriefLink, BriefLocation, BriefSymbol, PositionedEdits } from './language';
import { completeFootnote } from './footnotes/footnoteCompletion';
import {
  footnoteDefinition,
  footnoteHover,
  footnoteLinks,
  footnoteReferences,
  footnoteSymbols,
  prepareFootnoteRename,
  renameFootnote,
} from './footnotes/footnoteNavigation';
import { footnoteCodeActions } from './footnotes/footnoteCodeActions';
import { sourceCodeActions } from './sources/sourceCodeActions';
import { insertFootnote } from './footnotes/newFootnote';
import { renumberFootnotes, type RenumberOptions } from './footnotes/renumber';
import { convertLegacyFootnotes } from './footnotes/convertLegacy';
import { fixMarkerPlacement } from './footnotes/footnoteFixes';
import type { Position, Range } from './types';
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
  getCompletions(document: BriefTextDocument, position: Position): BriefCompletionList | undefined;
  getHover(document: BriefTextDocument, position: Position): BriefHover | undefined;
  getDefinition(document: BriefTextDocument, position: Position): BriefLocation[];
  getReferences(document: BriefTextDocument, position: Position, includeDeclaration: boolean): BriefLocation[];
  prepareRename(document: BriefTextDocument, position: Position): { range: Range; placeholder: string } | undefined;
  /** Throws BriefUserError with a message for the writer when the new label cannot be used. */
  rename(document: BriefTextDocument, position: Position, newLabel: string): TextEdit[];
  getDocumentSymbols(document: BriefTextDocument): BriefSymbol[];
  getDocumentLinks(document: BriefTextDocument): BriefLink[];
  getCodeActions(document: BriefTextDocument, range: Range): BriefCodeAction[];
  /** A new footnote marker at `position` and its empty note, with where the cursor goes. */
  insertFootnote(document: BriefTextDocument, position: Position): PositionedEdits;
  renumberFootnotes(document: BriefTextDocument, options: RenumberOptions): TextEdit[];
  convertLegacyFootnotes(document: BriefTextDocument): TextEdit[];
  fixFootnotePlacement(document: BriefTextDocument): TextEdit[];
  /** The text after applying edits computed for this document version. */
  applyEdits(document: BriefTextDocument, edits: TextEdit[]): string;
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
      ...findDuplicateFootnotes(document),
      ...findEmptyFootnotes(document),
      ...findFootnoteOrderProblems(document),
      ...findMisplacedFootnotes(document, options.footnotePlacement),
      ...findLegacyFootnoteMarkers(document),
      ...findFootnoteLabelCaseProblems(document),
      ...findDuplicateBibliographyEntries(document),
      ...findUnsortedBibliography(document),
      ...findUncitedBibliographyEntries(document),
      ...findSourcesMissingFromBibliography(document),
      ...findSourceMismatches(document),
      ...findIncompleteSources(document),
      ...findUrlTitleMismatches(document),
    ];
    return diagnostics.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
  }

  const offsetOf = (input: BriefTextDocument, position: Position) => {
    const document = getDocument(input);
    return { document, offset: document.lines.offsetAt(position) };
  };

  return {
    getDocument,
    computeDiagnostics,
    getCompletions: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      return completeFootnote(document, offset);
    },
    getHover: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      return footnoteHover(document, offset);
    },
    getDefinition: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      return footnoteDefinition(document, offset);
    },
    getReferences: (input, position, includeDeclaration) => {
      const { document, offset } = offsetOf(input, position);
      return footnoteReferences(document, offset, includeDeclaration);
    },
    prepareRename: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      return prepareFootnoteRename(document, offset);
    },
    rename: (input, position, newLabel) => {
      const { document, offset } = offsetOf(input, position);
      return renameFootnote(document, offset, newLabel);
    },
    getDocumentSymbols: (input) => footnoteSymbols(getDocument(input)),
    getDocumentLinks: (input) => footnoteLinks(getDocument(input)),
    getCodeActions: (input, range) => {
      const document = getDocument(input);
      return [...footnoteCodeActions(document, range, host.getOptions(input.uri).footnotePlacement), ...sourceCodeActions(document, range)];
    },
    insertFootnote: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      return insertFootnote(document, offset);
    },
    renumberFootnotes: (input, options) => renumberFootnotes(getDocument(input), options),
    convertLegacyFootnotes: (input) => convertLegacyFootnotes(getDocument(input)),
    fixFootnotePlacement: (input) => fixMarkerPlacement(getDocument(input), host.getOptions(input.uri).footnotePlacement),
    applyEdits: (input, edits) => applyEdits(getDocument(input), edits),
    forget: (uri) => cache.delete(uri),
  };
}
