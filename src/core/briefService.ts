import type { BibliographySectionEdit, PreviewEntry } from './bibliography/bibliographySection';
import type { BibliographyOrder, OutputFormat } from './bibliography/bibliographyOutput';
import type { CiteprocJob, CiteprocPurpose, CiteprocRendering } from './bibliography/citeprocJobs';
import type { RenderedCitations } from './bibliography/citationRendering';
import type { BibliographyWork } from './bibliography/bibliographyWorks';
import type { StyleChoice } from './bibliography/styleChoice';
import type { BriefDocument } from './document';
import type { TextEdit } from './edits';
import type { RenumberOptions } from './features/footnote/renumber';
import type {
  BriefCodeAction,
  BriefCompletionList,
  BriefHover,
  BriefInlayHint,
  BriefLink,
  BriefLocation,
  BriefSymbol,
  FileEdits,
  PositionedEdits,
} from './language';
import type { BriefDiagnostic, BriefTextDocument, CancellationToken, Position, Range } from './types';
import type { DiagnosticCode } from './diagnosticCodes';

/** What the core offers its hosts: every request of the language server, the CLI and the extension. */
export interface BriefService {
  /** The document model for this version, parsing only the chunks that changed since the last version. */
  getDocument(document: BriefTextDocument, token?: CancellationToken): BriefDocument;
  computeDiagnostics(document: BriefTextDocument, token?: CancellationToken): BriefDiagnostic[];
  getCompletions(document: BriefTextDocument, position: Position): BriefCompletionList | undefined;
  getHover(document: BriefTextDocument, position: Position): BriefHover | undefined;
  getDefinition(document: BriefTextDocument, position: Position): BriefLocation[];
  /** Footnote markers in this brief, or a citation key's uses in every brief of the workspace. */
  getReferences(document: BriefTextDocument, position: Position, includeDeclaration: boolean): Promise<BriefLocation[]>;
  /**
   * Reads the bibliography files a brief draws on; resolves to whether anything changed. Run before
   * checks. It parses the brief first: a cancelled `token` stops that parse (OperationCancelled).
   */
  loadBibliographies(document: BriefTextDocument, token?: CancellationToken): Promise<boolean>;
  /** A bibliography, .csl or project file, or a Markdown file beside briefs, changed on disk (or was created or deleted): read it again at the next load. */
  bibliographyChanged(uri: string): void;
  /** Problems inside a loaded bibliography file, to show in that file. */
  getBibliographyFileDiagnostics(uri: string): BriefDiagnostic[];
  /** URIs of the loaded bibliography files. */
  loadedBibliographyFiles(): string[];
  /** URIs of the .csl files read so far, to watch for changes. */
  loadedStyleFiles(): string[];
  /** Project files looked for (found or not) and folders whose Markdown files' labels were read (ending in "/"), to watch for changes. */
  loadedProjectFiles(): string[];
  /** Every work the brief cites (after loadBibliographies), with where each is cited. */
  getBibliographyWorks(document: BriefTextDocument): BibliographyWork[];
  /** The style a brief renders in: `picked` (a style's name or a .csl URI), else its front matter, else the setting. */
  getStyle(document: BriefTextDocument, picked?: string): StyleChoice;
  /** The styles a picker offers for this brief. */
  getAvailableStyles(document: BriefTextDocument): Array<{ id: string; title: string }>;
  /** The rendered bibliography with where each work is cited and the problems found with it. */
  getBibliographyPreview(document: BriefTextDocument, style: StyleChoice, order: BibliographyOrder): PreviewEntry[];
  /**
   * The citeproc renderings not yet at hand that the bibliography preview and the Bibliography
   * section (`preview`), the Markdown preview and inlay hints (`citations`), or a citation's hover
   * (`hover`) need in this style: a host with a worker thread
   * renders them there (runCiteprocJob) and keeps them (keepCiteprocRendering), so its own thread
   * waits on no citeproc; a host without one lets the requests render in-line.
   */
  getCiteprocJobs(document: BriefTextDocument, style: StyleChoice, purpose: CiteprocPurpose): CiteprocJob[];
  keepCiteprocRendering(job: CiteprocJob, rendering: CiteprocRendering): void;
  /**
   * The host could not render a job: citeproc's error, or the worker stopped for taking too long or
   * too much memory. A .csl file's problem is kept, so the brief reports it (bibliography.style-error)
   * and the file is not rendered with again until it changes. True when that is news: a .csl file's first.
   */
  keepCiteprocFailure(job: CiteprocJob, problem: string): boolean;
  /** The bibliography as text in an output format (empty when the brief cites nothing). */
  exportBibliography(document: BriefTextDocument, style: StyleChoice, order: BibliographyOrder, format: OutputFormat): string;
  /** The brief's `[@key]` citations and the bibliography they generate, rendered for a Markdown preview. */
  renderCitations(document: BriefTextDocument, style: StyleChoice): RenderedCitations;
  /** The Bibliography section written from the rendered works, as one edit; undefined when the brief cites nothing. */
  writeBibliographySection(document: BriefTextDocument, style: StyleChoice): BibliographySectionEdit | undefined;
  prepareRename(document: BriefTextDocument, position: Position): { range: Range; placeholder: string } | undefined;
  /**
   * A footnote label in the brief, or a citation key in the bibliography files and every brief of
   * the workspace. Rejects with BriefUserError, with a message for the writer, when the new name cannot be used.
   */
  rename(document: BriefTextDocument, position: Position, newName: string): Promise<FileEdits[]>;
  /** A key under the cursor in a bibliography file (BibTeX, CSL-JSON, CSL-YAML) the editor has open, for F2 there. */
  prepareRenameInBibliography(file: BriefTextDocument, position: Position): { range: Range; placeholder: string } | undefined;
  /** That key renamed in the file and in every brief of the workspace that cites it; rejects with BriefUserError as `rename` does. */
  renameInBibliography(file: BriefTextDocument, position: Position, newName: string): Promise<FileEdits[]>;
  /** The web addresses of the brief's notes and Bibliography for the host to fetch; none unless `linksCheck` is on. */
  getLinksToCheck(document: BriefTextDocument): string[];
  /** Citations as the style renders them and named notes' numbers, inside the text; none when the option is off. */
  getInlayHints(document: BriefTextDocument, style: StyleChoice): BriefInlayHint[];
  getDocumentSymbols(document: BriefTextDocument): BriefSymbol[];
  getDocumentLinks(document: BriefTextDocument): BriefLink[];
  /** With `codes`, only the fixes of problems with those codes (the CLI's fixes, without building every other). */
  getCodeActions(document: BriefTextDocument, range: Range, codes?: readonly DiagnosticCode[]): BriefCodeAction[];
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
