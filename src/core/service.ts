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
} from './features/footnotes/footnoteChecks';
import { findFrontMatterProblems } from './features/frontMatter/frontMatterChecks';
import { findIncompleteSources, findSourceMismatches, findSourcesMissingFromBibliography, findUrlTitleMismatches } from './features/sources/sourceChecks';
import { findDuplicateBibliographyEntries, findUncitedBibliographyEntries, findUnsortedBibliography } from './features/sources/bibliographyChecks';
import type { BriefOptions } from './options';
import { applyEdits, type TextEdit } from './edits';
import type { BriefCodeAction, BriefCompletionList, BriefHover, BriefLink, BriefLocation, BriefSymbol, PositionedEdits } from './language';
import { completeFootnote, SHOW_POSITION_COMMAND } from './features/footnotes/footnoteCompletion';
import {
  footnoteDefinition,
  footnoteHover,
  footnoteLinks,
  footnoteReferences,
  footnoteSymbols,
  prepareFootnoteRename,
  renameFootnote,
} from './features/footnotes/footnoteNavigation';
import { footnoteCodeActions } from './features/footnotes/footnoteCodeActions';
import { sourceCodeActions } from './features/sources/sourceCodeActions';
import { insertFootnote } from './features/footnotes/newFootnote';
import { renumberFootnotes, type RenumberOptions } from './features/footnotes/renumber';
import { convertLegacyFootnotes } from './features/footnotes/convertLegacy';
import { fixMarkerPlacement } from './features/footnotes/footnoteFixes';
import type { Position, Range } from './types';
import { findUncitedClaimDiagnostics } from './features/claims/claimChecks';
import { claimCodeActions } from './features/claims/claimCodeActions';
import { findUncitedClaims, scoreSentence, wordListsFor, type ClaimScore } from './features/claims/claimDetector';
import type { Sentence } from './document';
import { renderReference, styleNames, styleTitle } from './bibliography/cslStyles';
import { availableStyles, chooseStyle, frontMatterStyleUri, styleFileUris, type StyleChoice } from './bibliography/styleChoice';
import { bibliographySectionEdit, previewEntries, type BibliographySectionEdit, type PreviewEntry } from './bibliography/bibliographySection';
import { formatBibliography, type OutputFormat } from './bibliography/bibliographyOutput';
import { renderCitations, type RenderedCitations } from './bibliography/citationRendering';
import { bibliographyWorks, type BibliographyWork } from './bibliography/bibliographyWorks';
import { chicagoNote } from './bibliography/chicagoNote';
import type { CslItem } from '@citation-js/core';
import { BibliographyStore, bibliographySources } from './features/citations/bibliographyStore';
import {
  bibliographyFileDiagnostics,
  citationCodeActions,
  citationDefinition,
  citationDiagnostics,
  citationHover,
  citationKeyUnder,
  citationReferences,
  completeCitation,
  completeNoteFromBibliography,
  type DocumentBibliography,
} from './features/citations/citationFeatures';
import { parseBibliographyFile, type BibliographyFileEntry, type ParsedBibliographyFile } from './features/citations/bibliographyFile';
import { spanOf, touches } from './text/touchingRange';
import { throwIfCancelled, type BriefDiagnostic, type BriefTextDocument, type CancellationToken } from './types';
import { Codes } from './diagnosticCodes';

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
  /** A file's text (bibliography files), or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** False for files the brief may not read, such as files outside the workspace; they are never read. */
  mayRead?(uri: string): boolean;
  /** The workspace's Markdown files, for finding a citation key's uses across briefs. */
  listMarkdownFiles?(): Promise<Array<{ uri: string; text: string }>>;
  /** Parses a bibliography file elsewhere (a worker thread), so a large file does not hold up requests. */
  parseBibliography?(uri: string, text: string): Promise<ParsedBibliographyFile>;
}

export interface BriefService {
  /** The document model for this version, parsing only the chunks that changed since the last version. */
  getDocument(document: BriefTextDocument, token?: CancellationToken): BriefDocument;
  computeDiagnostics(document: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[];
  getCompletions(document: BriefTextDocument, position: Position): BriefCompletionList | undefined;
  getHover(document: BriefTextDocument, position: Position): BriefHover | undefined;
  getDefinition(document: BriefTextDocument, position: Position): BriefLocation[];
  /** Footnote markers in this brief, or a citation key's uses in every brief of the workspace. */
  getReferences(document: BriefTextDocument, position: Position, includeDeclaration: boolean): Promise<BriefLocation[]>;
  /** Reads the bibliography files a brief draws on; resolves to whether anything changed. Run before checks. */
  loadBibliographies(document: BriefTextDocument): Promise<boolean>;
  /** A bibliography or .csl file changed on disk: read it again at the next load. */
  bibliographyChanged(uri: string): void;
  /** Problems inside a loaded bibliography file, to show in that file. */
  getBibliographyFileDiagnostics(uri: string): BriefDiagnostic[];
  /** URIs of the loaded bibliography files. */
  loadedBibliographyFiles(): string[];
  /** URIs of the .csl files read so far, to watch for changes. */
  loadedStyleFiles(): string[];
  /** Every work the brief cites (after loadBibliographies), with where each is cited. */
  getBibliographyWorks(document: BriefTextDocument): BibliographyWork[];
  /** The style a brief renders in: `picked` (a style's name or a .csl URI), else its front matter, else the setting. */
  getStyle(document: BriefTextDocument, picked?: string): StyleChoice;
  /** The styles a picker offers for this brief. */
  getAvailableStyles(document: BriefTextDocument): Array<{ id: string; title: string }>;
  /** The rendered bibliography with where each work is cited and the problems found with it. */
  getBibliographyPreview(document: BriefTextDocument, style: StyleChoice, order: 'style' | 'cited'): PreviewEntry[];
  /** The bibliography as text in an output format (empty when the brief cites nothing). */
  exportBibliography(document: BriefTextDocument, style: StyleChoice, order: 'style' | 'cited', format: OutputFormat): string;
  /** The brief's `[@key]` citations and the bibliography they generate, rendered for a Markdown preview. */
  renderCitations(document: BriefTextDocument, style: StyleChoice): RenderedCitations;
  /** The Bibliography section written from the rendered works, as one edit; undefined when the brief cites nothing. */
  writeBibliographySection(document: BriefTextDocument, style: StyleChoice): BibliographySectionEdit | undefined;
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
  const store = new BibliographyStore(
    (uri) => host.readFile(uri),
    async (uri, text): Promise<ParsedBibliographyFile> => {
      if (!host.parseBibliography) return parseBibliographyFile(uri, text);
      try {
        return await host.parseBibliography(uri, text);
      } catch (error) {
        host.logger.warn(`Reading ${uri} in the background failed (${(error as Error).message}); reading it here instead.`);
        return parseBibliographyFile(uri, text);
      }
    },
    (uri) => host.mayRead?.(uri) ?? true,
  );
  const bibliographyCache = new WeakMap<BriefDocument, { generation: number; bibliography: DocumentBibliography }>();
  let generation = 0;
  /** Claim scores by sentence text: an edit re-scores only the sentences whose text changed. */
  const claimScores = new Map<string, ClaimScore>();
  function claimScorer(options: BriefOptions): (sentence: Sentence) => ClaimScore {
    const lists = wordListsFor(options.claims);
    const prefix = `${options.claims.reportingVerbs.join()}|${options.claims.hedges.join()}|`;
    return (sentence) => {
      const key = prefix + sentence.text;
      let score = claimScores.get(key);
      if (!score) {
        // Bounded: a long session of edits does not grow the cache without limit.
        if (claimScores.size > 100000) claimScores.clear();
        score = scoreSentence(sentence.text, lists);
        claimScores.set(key, score);
      }
      return score;
    };
  }

  /** The bibliography files a document draws on, as loaded now (never waits for a file). */
  function documentBibliography(document: BriefDocument): DocumentBibliography {
    const cached = bibliographyCache.get(document);
    if (cached && cached.generation === generation) return cached.bibliography;
    const sources = bibliographySources(document, host.getOptions(document.uri).bibliographyFiles);
    const files = sources.map((source) => ({ source, file: store.get(source.uri) }));
    const byKey = new Map<string, BibliographyFileEntry>();
    const entries = [];
    for (const { file } of files) {
      if (!file?.parsed) continue;
      for (const entry of file.parsed.entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
      entries.push(...store.searchable(file.parsed));
    }
    const bibliography = { sources, files, byKey, entries };
    bibliographyCache.set(document, { generation, bibliography });
    return bibliography;
  }

  /** Every work a document version cites, built once for the panel, the Markdown preview and the exports. */
  const worksCache = new WeakMap<DocumentBibliography, BibliographyWork[]>();
  function documentWorks(document: BriefDocument): BibliographyWork[] {
    const bibliography = documentBibliography(document);
    let works = worksCache.get(bibliography);
    if (!works) worksCache.set(bibliography, (works = bibliographyWorks(document, bibliography)));
    return works;
  }

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

  /** Diagnostics per document version, so the preview's problems do not run the checks again. */
  const diagnosticsCache = new WeakMap<BriefDocument, { generation: number; options: BriefOptions; diagnostics: BriefDiagnostic[] }>();

  function computeDiagnostics(input: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[] {
    const options = host.getOptions(input.uri);
    if (!options.diagnosticsEnabled) return [];
    const document = getDocument(input, token);
    throwIfCancelled(token);
    const cached = diagnosticsCache.get(document);
    if (cached && cached.generation === generation && cached.options === options) return cached.diagnostics;
    const diagnostics = runChecks(document, options);
    diagnosticsCache.set(document, { generation, options, diagnostics });
    return diagnostics;
  }

  function runChecks(document: BriefDocument, options: BriefOptions): BriefDiagnostic[] {
    const bibliography = documentBibliography(document);
    const citedItems = document.citations.flatMap((c) => c.items.map((i) => bibliography.byKey.get(i.key)?.item)).filter((item) => item !== undefined);
    const diagnostics = [
      ...findFrontMatterProblems(document),
      ...styleDiagnostics(document),
      ...citationDiagnostics(document, bibliography),
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
      ...findUncitedBibliographyEntries(document, citedItems),
      ...findSourcesMissingFromBibliography(document),
      ...findSourceMismatches(document),
      ...findIncompleteSources(document),
      ...findUrlTitleMismatches(document),
      ...findUncitedClaimDiagnostics(document, options, claimScorer(options)),
    ];
    return diagnostics.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
  }

  function uncitedClaimActions(document: BriefDocument, range: Range) {
    const options = host.getOptions(document.uri);
    if (document.frontMatter?.claimsOff) return [];
    const requested = spanOf(document, range);
    const touched = findUncitedClaims(document, options.claims, claimScorer(options))
      .map((claim) => claim.sentence)
      .filter((sentence) => touches(sentence, requested));
    return claimCodeActions(document, touched, documentBibliography(document).byKey.size > 0, SHOW_POSITION_COMMAND);
  }

  /** .csl files from front matter or the setting, by URI: read with the bibliographies, never on a request. */
  const styleFiles = new Map<string, string | undefined>();

  /** Formats a reference in the brief's style (front matter `csl:`, else the setting), or as a Chicago note. */
  function referenceRenderer(document: BriefDocument): (item: CslItem) => string {
    const style = chooseStyle(document, host.getOptions(document.uri), styleFiles);
    return (item) => {
      try {
        return renderReference(item, style.id, style.lang, style.definition);
      } catch {
        // A broken .csl file: fall back to a Chicago note.
        return chicagoNote(item);
      }
    };
  }

  function styleDiagnostics(document: BriefDocument): BriefDiagnostic[] {
    const csl = document.frontMatter?.csl;
    if (!csl) return [];
    const custom = frontMatterStyleUri(document);
    if (custom) {
      if (!styleFiles.has(custom) || styleFiles.get(custom) !== undefined) return [];
      const message =
        host.mayRead?.(custom) === false
          ? `BriefKit reads style files only inside the workspace, and "${csl.value}" is outside it. Move the file into the workspace, or turn on briefkit.allowBibliographyOutsideWorkspace.`
          : `BriefKit cannot find the style file "${csl.value}". The path is relative to this brief.`;
      return [{ code: Codes.bibliographyStyleMissing.code, severity: Codes.bibliographyStyleMissing.severity, message, range: csl.range }];
    }
    if (styleTitle(csl.value)) return [];
    return [
      {
        code: Codes.bibliographyStyleUnknown.code,
        severity: Codes.bibliographyStyleUnknown.severity,
        message: `BriefKit does not know the citation style "${csl.value}". Use one of ${styleNames().join(', ')}, or the path of a .csl file.`,
        range: csl.range,
      },
    ];
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
      const bibliography = documentBibliography(document);
      return (
        completeFootnote(document, offset) ??
        completeCitation(document, offset, bibliography) ??
        completeNoteFromBibliography(document, offset, bibliography)
      );
    },
    getHover: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      return footnoteHover(document, offset) ?? citationHover(document, offset, documentBibliography(document), referenceRenderer(document));
    },
    getDefinition: (input, position) => {
      const { document, offset } = offsetOf(input, position);
      const footnote = footnoteDefinition(document, offset);
      return footnote.length > 0 ? footnote : citationDefinition(document, offset, documentBibliography(document));
    },
    getReferences: async (input, position, includeDeclaration) => {
      const { document, offset } = offsetOf(input, position);
      const key = citationKeyUnder(document, offset);
      if (key === undefined) return footnoteReferences(document, offset, includeDeclaration);
      // Open briefs as they are in the editor; the rest of the workspace as saved.
      const open = new Set([...cache.keys()]);
      const locations = [...cache.values()].flatMap((entry) => citationReferences(entry.document, key));
      for (const file of (await host.listMarkdownFiles?.()) ?? []) {
        if (open.has(file.uri)) continue;
        locations.push(...citationReferences(getDocument({ uri: file.uri, version: -1, getText: () => file.text }), key));
        cache.delete(file.uri);
      }
      return locations;
    },
    loadBibliographies: async (input) => {
      const document = getDocument(input);
      const sources = bibliographySources(document, host.getOptions(document.uri).bibliographyFiles);
      const changed = (await Promise.all(sources.map((source) => store.load(source.uri)))).some(Boolean);
      let styleLoaded = false;
      for (const uri of styleFileUris(document, host.getOptions(document.uri))) {
        if (styleFiles.has(uri)) continue;
        styleFiles.set(uri, host.mayRead?.(uri) === false ? undefined : await host.readFile(uri));
        styleLoaded = true;
      }
      if (changed || styleLoaded) generation++;
      return changed || styleLoaded;
    },
    bibliographyChanged: (uri) => {
      store.invalidate(uri);
      styleFiles.delete(uri);
    },
    getBibliographyFileDiagnostics: (uri) => {
      const file = store.get(uri);
      return file ? bibliographyFileDiagnostics(file) : [];
    },
    loadedBibliographyFiles: () => store.uris(),
    loadedStyleFiles: () => [...styleFiles.keys()],
    getBibliographyWorks: (input) => documentWorks(getDocument(input)),
    getStyle: (input, picked) => {
      const document = getDocument(input);
      return chooseStyle(document, host.getOptions(document.uri), styleFiles, picked);
    },
    getAvailableStyles: (input) => {
      const document = getDocument(input);
      return availableStyles(document, host.getOptions(document.uri), styleFiles);
    },
    getBibliographyPreview: (input, style, order) => {
      const document = getDocument(input);
      return previewEntries(document, documentWorks(document), computeDiagnostics(input), style, order);
    },
    exportBibliography: (input, style, order, format) => {
      return formatBibliography(documentWorks(getDocument(input)), { style: style.id, customDefinition: style.definition, lang: style.lang, order, format });
    },
    renderCitations: (input, style) => {
      const document = getDocument(input);
      return renderCitations(document, documentBibliography(document), documentWorks(document), style);
    },
    writeBibliographySection: (input, style) => {
      const document = getDocument(input);
      return bibliographySectionEdit(document, documentWorks(document), style);
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
      return [
        ...footnoteCodeActions(document, range, host.getOptions(input.uri).footnotePlacement),
        ...sourceCodeActions(document, range),
        ...citationCodeActions(document, range, documentBibliography(document)),
        ...uncitedClaimActions(document, range),
      ];
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
