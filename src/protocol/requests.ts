/** The requests the VS Code client sends the server besides LSP's own, with their parameters and answers. */
import type { BibliographyOrder, OutputFormat, PreviewEntry } from '../core';

/** Request for the bibliography preview: the brief's works rendered in a style. */
export const BIBLIOGRAPHY_REQUEST = 'briefkit/bibliography';

export interface BibliographyRequestParams {
  uri: string;
  /** A style's name or a .csl URI; the brief's `csl:` or the setting when absent. */
  style?: string;
  order: BibliographyOrder;
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
  /** The previous rendering, sent at once while the new one is made; BIBLIOGRAPHY_RENDERED follows when it is ready. */
  updating?: boolean;
}

/** Notification from the server: the brief's new bibliography rendering is ready; ask for it again. */
export const BIBLIOGRAPHY_RENDERED = 'briefkit/bibliographyRendered';

export interface BibliographyRenderedParams {
  uri: string;
}

/** Request for the bibliography as text to copy or save. */
export const EXPORT_BIBLIOGRAPHY_REQUEST = 'briefkit/exportBibliography';

export interface ExportBibliographyParams {
  uri: string;
  style?: string;
  order: BibliographyOrder;
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
