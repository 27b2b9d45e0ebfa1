import type { ParsedBibliographyFile } from './bibliographyFiles/bibliographyFile';
import type { BriefOptions } from './options';
import type { BriefTextDocument } from './types';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What fetching a web address found, as the host's link checker reports it. */
export interface LinkCheckResult {
  /** The HTTP status of the last response; undefined when none came. */
  status?: number;
  /** Where redirects ended, when the address redirected. */
  finalUrl?: string;
  /** The title of the page the address ends at, when it was read. */
  title?: string;
  /** No response: a timeout, or why not ("no such host", "connection refused"). */
  failure?: {
    timeout: boolean;
    message: string;
    /** Not asked at all: its site had stopped answering the checker's earlier requests (a timeout too). */
    skipped?: boolean;
    /** For a timeout: the checker asks again at the first check this many minutes on; absent when it asks at the next check. */
    retryInMinutes?: number;
  };
  /**
   * Not fetched, on purpose, ending "the address in footnote [^2] …": "is on your own network (127.0.0.1), and
   * BriefKit fetches such addresses only if you run briefkit with --allow-private-network".
   */
  notChecked?: string;
}

/** A citation style the host ships, beside the ones bundled in the core. */
export interface ShippedStyle {
  name: string;
  title: string;
  /** The style's CSL XML. */
  xml: string;
}

/** The kinds of file the core reads through the host; the host reads each kind up to its own size. */
export type FileKind = 'bibliography' | 'style' | 'project' | 'chapter';

/** A file the host would not read (a device, a pipe, a file over the size for its kind), and why. */
export interface UnreadFile {
  /** The file as the writer finds it: its path on disk. */
  path: string;
  /** Why, said after the path: "is not a regular file (it is a pipe)", "is larger than 50 MB". */
  reason: string;
}

/** What the writer is told of a file the host would not read. */
export function unreadFileMessage(file: UnreadFile): string {
  return `${file.path} ${file.reason}; BriefKit does not read it.`;
}

/** What the core needs from the program hosting it: the VS Code server, the CLI, a test. */
export interface BriefHost {
  logger: Logger;
  /** The options in force for a document, already converted from the host's settings. */
  getOptions(uri: string): BriefOptions;
  /** A file's text, or undefined when it does not exist or cannot be opened, or why the host would not read it. */
  readFile(uri: string, kind: FileKind): Promise<string | UnreadFile | undefined>;
  /** False for files the brief may not read, such as files outside the workspace; they are never read. */
  mayRead?(uri: string): boolean;
  /** How the writer lets BriefKit read such a file, ending the message that refuses one ("turn on briefkit.allowBibliographyOutsideWorkspace"). */
  readOutsideHint?: string;
  /** The workspace's Markdown files, for finding a citation key's uses across briefs. */
  listMarkdownFiles?(): Promise<Array<{ uri: string; text: string }>>;
  /**
   * The briefs the editor has open, as it has them now, edits not checked yet included: a rename
   * computes its edits on these and labels them with their versions. Without it, the versions last
   * checked stand for them. Their URIs are the ones listMarkdownFiles gives the same files.
   */
  openBriefs?(): BriefTextDocument[];
  /** A bibliography file the editor has open, as it has it now; undefined when it is not open. */
  openBibliographyFile?(uri: string): BriefTextDocument | undefined;
  /** Parses a bibliography file elsewhere (a worker thread), so a large file does not hold up requests. */
  parseBibliography?(uri: string, text: string): Promise<ParsedBibliographyFile>;
  /** The Markdown files (.md, .qmd, .Rmd) directly in a folder, as URIs: a chapter's cross-references may point into them. */
  listFolder?(folderUri: string): Promise<string[]>;
  /** What the host's link checker last found for a web address (only when link checking is on); undefined when not checked yet. */
  linkStatus?(url: string): LinkCheckResult | undefined;
  /** Changes whenever the link checker learns something, so findings cached for a version are built again. */
  linkResultsVersion?(): number;
  /**
   * True when the host checks each brief once and never edits it (the CLI): briefs are parsed
   * whole, in one pass, rather than block by block for the next keystroke.
   */
  checksOnce?: boolean;
  /** Styles the host ships as files (such as IEEE), offered with the bundled ones. */
  styles?: readonly ShippedStyle[];
}
