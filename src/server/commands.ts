/** Commands the server executes (workspace/executeCommand); the VS Code client calls them for its palette commands. */
export const SERVER_COMMANDS = {
  showPosition: 'briefkit.server.showPosition',
  insertFootnote: 'briefkit.server.insertFootnote',
  renumberFootnotes: 'briefkit.server.renumberFootnotes',
  convertFootnotes: 'briefkit.server.convertFootnotes',
} as const;

/** What a command did, so the editor can tell the writer when there was nothing to do. */
export interface CommandResult {
  applied: boolean;
  message?: string;
}

/** Request for the bibliography preview: the brief's works rendered in a style. */
export const BIBLIOGRAPHY_REQUEST = 'briefkit/bibliography';

export interface BibliographyRequestParams {
  uri: string;
  /** A style name; the brief's `csl:` or the setting when absent. */
  style?: string;
  order: 'style' | 'cited';
}

export interface BibliographyResponse {
  style: string;
  styles: Array<{ name: string; title: string }>;
  entries: Array<{ id: string; html: string; citedAt: Array<{ label: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }>;
  /** Why nothing could be rendered, in words for the writer. */
  message?: string;
}
