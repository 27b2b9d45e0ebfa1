export { createBriefService, type BriefService } from './service';
export { unreadFileMessage, type BriefHost, type FileKind, type LinkCheckResult, type Logger, type ShippedStyle, type UnreadFile } from './host';
export type { BriefOptions, FootnotePlacement } from './options';
export { DEFAULT_OPTIONS } from './options';
export type * from './document';
export * from './types';
export { LineIndex } from './text/lineIndex';
export * from './language';
export type { TextEdit } from './edits';
export type { RenumberOptions } from './features/footnote/renumber';
export type { BibliographyWork, CitedAt } from './bibliography/bibliographyWorks';
export {
  formatBibliography,
  OUTPUT_FORMATS,
  renderWorks,
  type BibliographyOrder,
  type OutputFormat,
  type RenderedWork,
} from './bibliography/bibliographyOutput';
export { runCiteprocJob, type CiteprocJob, type CiteprocPurpose, type CiteprocRendering } from './bibliography/citeprocJobs';
export { hasLocale, registerStyles, styleNames, styleTitle } from './bibliography/cslStyles';
export type { StyleChoice } from './bibliography/styleChoice';
export type { BibliographySectionEdit, PreviewEntry } from './bibliography/bibliographySection';
export type { RenderedCitations } from './bibliography/citationRendering';
export { isBibliographyHeading } from './parse/bibliographyHeading';
export { parseBibliographyFile, type ParsedBibliographyFile } from './bibliographyFiles/bibliographyFile';
export { ALL_CODES, Codes, type DiagnosticCode, type DiagnosticCodeInfo } from './diagnosticCodes';
