/** Commands the server executes (workspace/executeCommand); the VS Code client calls them for its palette commands. */
export const SERVER_COMMANDS = {
  showPosition: 'briefkit.server.showPosition',
  insertFootnote: 'briefkit.server.insertFootnote',
  renumberFootnotes: 'briefkit.server.renumberFootnotes',
  convertFootnotes: 'briefkit.server.convertFootnotes',
  /** Arguments: the brief's URI and, optionally, a style (name or .csl URI). */
  writeBibliographySection: 'briefkit.server.writeBibliographySection',
} as const;

/** What a command did, so the editor can tell the writer when there was nothing to do. */
export interface CommandResult {
  applied: boolean;
  message?: string;
}

import type { OutputFormat, PreviewEntry } from '../core';

/** Request for the bibliography preview: the brief's works rendered in a style. */
export const BIBLIOGRAPHY_REQUEST = 'briefkit/bibliography';

export interface BibliographyRequestParams {
  uri: string;
  /** A style's name or a .csl URI; the brief's `csl:` or the setting when absent. */
  style?: string;
  order: 'style' | 'cited';
}

export interface BibliographyResponse {
  /** The style used: a name or a .csl URI. */
  style: string;
  styles: Array<{ id: string; title: string }>;
  entries: PreviewEntry[];
  /** Why the style or locale asked for was not used, in words for the writer. */
  notices: string[];
  /** Why nothing could be rendered, in words for the writer. */
  message?: string;
}

/** Request for the bibliography as text to copy or save. */
export const EXPORT_BIBLIOGRAPHY_REQUEST = 'briefkit/exportBibliography';

export interface ExportBibliographyParams {
  uri: string;
  style?: string;
  order: 'style' | 'cited';
  format: OutputFormat;
}

export interface ExportBibliographyResponse {
  text: string;
  /** The style it was rendered in. */
  styleTitle?: string;
  /** Why there is no text, in words for the writer. */
  message?: string;
}

/** Request for the Markdown preview: the brief's `[@key]` citations and the bibliography they generate (RenderedCitations), or null. */
export const CITATIONS_REQUEST = 'briefkit/citations';

export interface CitationsRequestParams {
  uri: string;
}
