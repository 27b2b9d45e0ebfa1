import { BibliographyContext } from './bibliographyContext';
import { bibliographySectionEdit, previewEntries, type BibliographySectionEdit, type PreviewEntry } from './bibliography/bibliographySection';
import { formatBibliography, type BibliographyOrder, type OutputFormat } from './bibliography/bibliographyOutput';
import { renderCitations, type RenderedCitations } from './bibliography/citationRendering';
import type { BibliographyWork } from './bibliography/bibliographyWorks';
import type { StyleChoice } from './bibliography/styleChoice';
import type { BriefDocument } from './document';
import { DocumentStore } from './documentStore';
import { applyEdits, type TextEdit } from './edits';
import type { FeatureContext, Finding } from './feature';
import { FEATURES } from './features';
import { convertLegacyFootnotes } from './features/footnotes/convertLegacy';
import { fixMarkerPlacement } from './features/footnotes/footnoteFixes';
import { insertFootnote } from './features/footnotes/newFootnote';
import { renumberFootnotes, type RenumberOptions } from './features/footnotes/renumber';
import type { BriefHost } from './host';
import type { BriefCodeAction, BriefCompletionList, BriefHover, BriefLink, BriefLocation, BriefSymbol, PositionedEdits } from './language';
import type { BriefOptions } from './options';
import { registerStyles } from './bibliography/cslStyles';
import { spanOf, touches } from './text/touchingRange';
import { SEVERITY_RANK, throwIfCancelled, type BriefDiagnostic, type BriefTextDocument, type CancellationToken, type Position, type Range } from './types';

export type { BriefHost, Logger } from './host';

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
  getBibliographyPreview(document: BriefTextDocument, style: StyleChoice, order: BibliographyOrder): PreviewEntry[];
  /** The bibliography as text in an output format (empty when the brief cites nothing). */
  exportBibliography(document: BriefTextDocument, style: StyleChoice, order: BibliographyOrder, format: OutputFormat): string;
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

/** Wires the features to the document store and the bibliographies; every feature is asked in turn. */
export function createBriefService(host: BriefHost): BriefService {
  registerStyles(host.styles ?? []);
  const documents = new DocumentStore(host.logger);
  const bibliographies = new BibliographyContext(host);
  const findingsCache = new WeakMap<BriefDocument, { generation: number; options: BriefOptions; findings: Finding[] }>();

  const contextOf = (document: BriefDocument): FeatureContext => ({
    document,
    options: host.getOptions(document.uri),
    bibliography: () => bibliographies.forDocument(document),
    renderReference: (item) => bibliographies.referenceRenderer(document)(item),
    styleFiles: bibliographies.styleFiles,
    mayRead: (uri) => host.mayRead?.(uri) ?? true,
  });
  const at = (input: BriefTextDocument, position: Position) => {
    const document = documents.get(input);
    return { context: contextOf(document), offset: document.lines.offsetAt(position) };
  };
  /** The first answer of the features, in their order. */
  const first = <T>(ask: (feature: (typeof FEATURES)[number]) => T | undefined): T | undefined => {
    for (const feature of FEATURES) {
      const answer = ask(feature);
      if (answer !== undefined) return answer;
    }
    return undefined;
  };

  /** Every check's findings, per document version and options, shared by diagnostics, code actions and the preview. */
  function findingsOf(document: BriefDocument): Finding[] {
    const context = contextOf(document);
    const cached = findingsCache.get(document);
    if (cached && cached.generation === bibliographies.generation && cached.options === context.options) return cached.findings;
    const findings = FEATURES.flatMap((feature) => feature.diagnostics?.(context) ?? []).sort(
      ({ diagnostic: a }, { diagnostic: b }) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    );
    findingsCache.set(document, { generation: bibliographies.generation, options: context.options, findings });
    return findings;
  }

  function computeDiagnostics(input: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[] {
    if (!host.getOptions(input.uri).diagnosticsEnabled) return [];
    const document = documents.get(input, token);
    throwIfCancelled(token);
    return findingsOf(document).map((found) => found.diagnostic);
  }

  return {
    getDocument: (input, token) => documents.get(input, token),
    computeDiagnostics,
    getCompletions: (input, position) => {
      const { context, offset } = at(input, position);
      return first((feature) => feature.completions?.(context, offset));
    },
    getHover: (input, position) => {
      const { context, offset } = at(input, position);
      return first((feature) => feature.hover?.(context, offset));
    },
    getDefinition: (input, position) => {
      const { context, offset } = at(input, position);
      return first((feature) => feature.definition?.(context, offset)) ?? [];
    },
    getReferences: async (input, position, includeDeclaration) => {
      const { context, offset } = at(input, position);
      const workspace = {
        // Open briefs as they are in the editor; the rest of the workspace as saved.
        documents: async () => [
          ...documents.open(),
          ...((await host.listMarkdownFiles?.()) ?? []).filter((file) => !documents.isOpen(file.uri)).map((file) => documents.parseUnopened(file.uri, file.text)),
        ],
      };
      return (await first((feature) => feature.references?.(context, offset, includeDeclaration, workspace))) ?? [];
    },
    ...bibliographyRequests(documents, bibliographies, computeDiagnostics),
    prepareRename: (input, position) => {
      const { context, offset } = at(input, position);
      return first((feature) => feature.prepareRename?.(context, offset));
    },
    rename: (input, position, newLabel) => {
      const { context, offset } = at(input, position);
      return first((feature) => feature.rename?.(context, offset, newLabel)) ?? [];
    },
    getDocumentSymbols: (input) => {
      const context = contextOf(documents.get(input));
      return FEATURES.flatMap((feature) => feature.symbols?.(context) ?? []);
    },
    getDocumentLinks: (input) => {
      const context = contextOf(documents.get(input));
      return FEATURES.flatMap((feature) => feature.links?.(context) ?? []);
    },
    getCodeActions: (input, range) => {
      const document = documents.get(input);
      return fixesTouching(document, findingsOf(document), range);
    },
    ...footnoteCommands(documents, host),
    forget: (uri) => documents.forget(uri),
  };
}

type BibliographyRequests = Pick<
  BriefService,
  | 'loadBibliographies'
  | 'bibliographyChanged'
  | 'getBibliographyFileDiagnostics'
  | 'loadedBibliographyFiles'
  | 'loadedStyleFiles'
  | 'getBibliographyWorks'
  | 'getStyle'
  | 'getAvailableStyles'
  | 'getBibliographyPreview'
  | 'exportBibliography'
  | 'renderCitations'
  | 'writeBibliographySection'
>;

/** The bibliography files, styles, the preview, exports and the Bibliography section. */
function bibliographyRequests(
  documents: DocumentStore,
  bibliographies: BibliographyContext,
  computeDiagnostics: BriefService['computeDiagnostics'],
): BibliographyRequests {
  return {
    loadBibliographies: (input) => bibliographies.load(documents.get(input)),
    bibliographyChanged: (uri) => bibliographies.changed(uri),
    getBibliographyFileDiagnostics: (uri) => bibliographies.fileDiagnostics(uri),
    loadedBibliographyFiles: () => bibliographies.loadedFiles(),
    loadedStyleFiles: () => bibliographies.loadedStyleFiles(),
    getBibliographyWorks: (input) => bibliographies.works(documents.get(input)),
    getStyle: (input, picked) => bibliographies.style(documents.get(input), picked),
    getAvailableStyles: (input) => bibliographies.availableStyles(documents.get(input)),
    getBibliographyPreview: (input, style, order) => {
      const document = documents.get(input);
      return previewEntries(document, bibliographies.works(document), computeDiagnostics(input), style, order);
    },
    exportBibliography: (input, style, order, format) =>
      formatBibliography(bibliographies.works(documents.get(input)), { style: style.id, customDefinition: style.definition, lang: style.lang, order, format }),
    renderCitations: (input, style) => {
      const document = documents.get(input);
      return renderCitations(document, bibliographies.forDocument(document), bibliographies.works(document), style);
    },
    writeBibliographySection: (input, style) => {
      const document = documents.get(input);
      return bibliographySectionEdit(document, bibliographies.works(document), style);
    },
  };
}

type FootnoteCommands = Pick<BriefService, 'insertFootnote' | 'renumberFootnotes' | 'convertLegacyFootnotes' | 'fixFootnotePlacement' | 'applyEdits'>;

/** The footnote commands: whole-document edits the writer runs from the palette or the CLI. */
function footnoteCommands(documents: DocumentStore, host: BriefHost): FootnoteCommands {
  return {
    insertFootnote: (input, position) => {
      const document = documents.get(input);
      return insertFootnote(document, document.lines.offsetAt(position));
    },
    renumberFootnotes: (input, options) => renumberFootnotes(documents.get(input), options),
    convertLegacyFootnotes: (input) => convertLegacyFootnotes(documents.get(input)),
    fixFootnotePlacement: (input) => fixMarkerPlacement(documents.get(input), host.getOptions(input.uri).footnotePlacement),
    applyEdits: (input, edits) => applyEdits(documents.get(input), edits),
  };
}

/** The fixes of the findings that touch `range`, as code actions; fixes of one group become one action. */
function fixesTouching(document: BriefDocument, findings: Finding[], range: Range): BriefCodeAction[] {
  const requested = spanOf(document, range);
  const actions: BriefCodeAction[] = [];
  const grouped = new Map<string, BriefCodeAction>();
  for (const found of findings) {
    if (!found.fixes || !touches(found.fixSpan ?? spanOf(document, found.diagnostic.range), requested)) continue;
    for (const { group, ...fix } of found.fixes()) {
      const existing = group === undefined ? undefined : grouped.get(group);
      if (existing) {
        existing.diagnosticCodes.push(found.diagnostic.code);
        existing.diagnosticRanges.push(found.diagnostic.range);
        continue;
      }
      const action: BriefCodeAction = { ...fix, diagnosticCodes: [found.diagnostic.code], diagnosticRanges: [found.diagnostic.range] };
      if (group !== undefined) grouped.set(group, action);
      actions.push(action);
    }
  }
  return actions;
}
