import { BibliographyContext } from './bibliographyContext';
import { bibliographyRequests } from './bibliographyRequests';
import { registerStyles } from './bibliography/cslStyles';
import type { BriefService } from './briefService';
import type { BriefDocument } from './document';
import { DocumentStore } from './documentStore';
import { applyEdits } from './edits';
import { renderCitations } from './bibliography/citationRendering';
import { linksToCheck } from './features/link/linkChecks';
import { asInEditor, entryKeyAt, renameKey } from './features/citation/citationRename';
import { parseBibliographyFile } from './bibliographyFiles/bibliographyFile';
import { LineIndex } from './text/lineIndex';
import { RecentCache } from './text/recentCache';
import { fixesTouching, type FeatureContext, type Workspace } from './feature';
import { FEATURES } from './features';
import { convertLegacyFootnotes } from './features/footnote/convertLegacy';
import { fixMarkerPlacement } from './features/footnote/footnoteFixes';
import { insertFootnote } from './notes/newFootnote';
import { renumberFootnotes } from './features/footnote/renumber';
import type { BriefHost } from './host';
import { throwIfCancelled, type BriefDiagnostic, type BriefTextDocument, type CancellationToken, type Position } from './types';
import { VersionFindings } from './versionFindings';

export type { BriefService } from './briefService';
export type { BriefHost, Logger } from './host';

/** The first answer of the features, in their order. */
function first<T>(ask: (feature: (typeof FEATURES)[number]) => T | undefined): T | undefined {
  for (const feature of FEATURES) {
    const answer = ask(feature);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

/** Wires the features to the document store and the bibliographies; every feature is asked in turn. */
export function createBriefService(host: BriefHost): BriefService {
  registerStyles(host.styles ?? []);
  const documents = new DocumentStore(host.logger, host.checksOnce === true);
  const bibliographies = new BibliographyContext(host);

  const contextOf = (document: BriefDocument): FeatureContext => ({
    document,
    options: host.getOptions(document.uri),
    bibliography: () => bibliographies.forDocument(document),
    renderReference: (item) => bibliographies.referenceRenderer(document)(item),
    styleFiles: bibliographies.styleFiles,
    unreadStyleFiles: bibliographies.unreadStyleFiles,
    mayRead: (uri) => host.mayRead?.(uri) ?? true,
    readOutsideHint: host.readOutsideHint ?? 'turn on briefkit.allowBibliographyOutsideWorkspace',
    linkStatus: (url) => host.linkStatus?.(url),
    renderCitations: (style) => renderCitations(document, bibliographies.forDocument(document), bibliographies.works(document), style),
  });
  const findings = new VersionFindings(
    () => bibliographies.generation,
    () => host.linkResultsVersion?.() ?? 0,
    (document) => documents.editOf(document),
  );
  const findingsOf = (document: BriefDocument) => findings.findingsOf(contextOf(document));
  const workspace = workspaceOf(documents, host);
  const at = (input: BriefTextDocument, position: Position) => {
    const document = documents.get(input);
    return { context: contextOf(document), offset: document.lines.offsetAt(position) };
  };
  function computeDiagnostics(input: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[] {
    if (!host.getOptions(input.uri).diagnosticsEnabled) return [];
    const document = documents.get(input, token);
    throwIfCancelled(token);
    return findings.diagnosticsOf(contextOf(document));
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
      return (await first((feature) => feature.references?.(context, offset, includeDeclaration, workspace))) ?? [];
    },
    ...bibliographyRequests(documents, bibliographies, computeDiagnostics),
    prepareRename: (input, position) => {
      const { context, offset } = at(input, position);
      return first((feature) => feature.prepareRename?.(context, offset));
    },
    rename: async (input, position, newName) => {
      const { context, offset } = at(input, position);
      return (await first((feature) => feature.rename?.(context, offset, newName, workspace))) ?? [];
    },
    ...keyRenameInFiles(documents, bibliographies, workspace),
    getLinksToCheck: (input) => (host.getOptions(input.uri).linksCheck ? linksToCheck(documents.get(input)) : []),
    getInlayHints: (input, style) => {
      const context = contextOf(documents.get(input));
      if (!context.options.inlayHints) return [];
      return FEATURES.flatMap((feature) => feature.inlayHints?.(context, style) ?? []).sort(
        (a, b) => a.position.line - b.position.line || a.position.character - b.position.character,
      );
    },
    getDocumentSymbols: (input) => {
      const context = contextOf(documents.get(input));
      return FEATURES.flatMap((feature) => feature.symbols?.(context) ?? []);
    },
    getDocumentLinks: (input) => {
      const context = contextOf(documents.get(input));
      return FEATURES.flatMap((feature) => feature.links?.(context) ?? []);
    },
    getCodeActions: (input, range, codes) => {
      const document = documents.get(input);
      const findings = findingsOf(document);
      return fixesTouching(document, codes ? findings.filter((f) => codes.includes(f.diagnostic.code)) : findings, range);
    },
    ...footnoteCommands(documents, host),
    forget: (uri) => {
      documents.forget(uri);
      bibliographies.forget(uri);
      RecentCache.briefClosed();
    },
  };
}

/**
 * F2 on a key inside a bibliography file the editor has open: the same rename as from a brief's
 * `[@key]`, with the file as it is in the editor; a key any open brief's bibliography has is taken.
 */
function keyRenameInFiles(
  documents: DocumentStore,
  bibliographies: BibliographyContext,
  workspace: Workspace,
): Pick<BriefService, 'prepareRenameInBibliography' | 'renameInBibliography'> {
  const keyAt = (file: BriefTextDocument, position: Position) => {
    const text = file.getText();
    const parsed = parseBibliographyFile(file.uri, text);
    const lines = new LineIndex(text);
    return { text, parsed, entry: entryKeyAt(parsed, lines, lines.offsetAt(position)) };
  };
  return {
    prepareRenameInBibliography: (file, position) => {
      const { entry } = keyAt(file, position);
      return entry?.keyRange && { range: entry.keyRange, placeholder: entry.key };
    },
    renameInBibliography: async (file, position, newName) => {
      const { text, parsed, entry } = keyAt(file, position);
      if (!entry) return [];
      const takenBy = (key: string) =>
        documents
          .open()
          .map((document) => bibliographies.forDocument(document).byKey.get(key)?.uri)
          .find((uri) => uri !== undefined && uri !== file.uri);
      // The file as the editor has it when the edits are made: parsed again only if it changed meanwhile.
      return renameKey(entry.key, newName, () => [asInEditor(workspace.bibliographyFile(file.uri) ?? file, { text, parsed })], takenBy, workspace);
    },
  };
}

/**
 * Every brief of the workspace: open ones as the editor has them, the rest as saved. The open ones
 * are read after the saved ones are listed, so a change typed meanwhile is in them.
 */
function workspaceOf(documents: DocumentStore, host: BriefHost): Workspace {
  return {
    documents: async () => {
      const saved = (await host.listMarkdownFiles?.()) ?? [];
      const open = host.openBriefs ? host.openBriefs().map((input) => documents.get(input)) : documents.open();
      const openUris = new Set(open.map((document) => document.uri));
      return [...open, ...saved.filter((file) => !openUris.has(file.uri)).map((file) => documents.parseUnopened(file.uri, file.text))];
    },
    bibliographyFile: (uri) => host.openBibliographyFile?.(uri),
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
