/** Commands the server executes (workspace/executeCommand); the VS Code client calls them for its palette commands. */
export const SERVER_COMMANDS = {
  showPosition: 'briefkit.server.showPosition',
  insertFootnote: 'briefkit.server.insertFootnote',
  renumberFootnotes: 'briefkit.server.renumberFootnotes',
  convertFootnotes: 'briefkit.server.convertFootnotes',
  /** Arguments: the brief's URI and, optionally, a style (name or .csl URI). */
  writeBibliographySection: 'briefkit.server.writeBibliographySection',
  /** Arguments: the brief's URI and the sentence, remembered as not a claim in the brief's workspace. */
  rememberNotClaim: 'briefkit.server.rememberNotClaim',
} as const;

/** What a command did, so the editor can tell the writer when there was nothing to do. */
export interface CommandResult {
  applied: boolean;
  message?: string;
}
