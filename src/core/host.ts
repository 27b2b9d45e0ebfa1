import type { ParsedBibliographyFile } from './features/citations/bibliographyFile';
import type { BriefOptions } from './options';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A citation style the host ships, beside the ones bundled in the core. */
export interface ShippedStyle {
  name: string;
  title: string;
  /** The style's CSL XML. */
  xml: string;
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
  /** How the writer lets BriefKit read such a file, ending the message that refuses one ("turn on briefkit.allowBibliographyOutsideWorkspace"). */
  readOutsideHint?: string;
  /** The workspace's Markdown files, for finding a citation key's uses across briefs. */
  listMarkdownFiles?(): Promise<Array<{ uri: string; text: string }>>;
  /** Parses a bibliography file elsewhere (a worker thread), so a large file does not hold up requests. */
  parseBibliography?(uri: string, text: string): Promise<ParsedBibliographyFile>;
  /** The Markdown files (.md, .qmd, .Rmd) directly in a folder, as URIs: a chapter's cross-references may point into them. */
  listFolder?(folderUri: string): Promise<string[]>;
  /** Styles the host ships as files (such as IEEE), offered with the bundled ones. */
  styles?: readonly ShippedStyle[];
}
