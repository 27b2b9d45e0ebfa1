import type { Connection } from 'vscode-languageserver/node';
import type { OpenBriefs } from './openDocuments';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BriefService } from '../core';
import type { Configuration } from './configuration';

/** What the server's handler modules share. */
export interface ServerContext {
  connection: Connection;
  /** The open briefs (bibliography files an editor opened are not among them). */
  documents: OpenBriefs;
  /** An open bibliography file, for renaming a key from it. */
  bibliographyFile(uri: string): TextDocument | undefined;
  service: BriefService;
  configuration: Configuration;
  /** Checks every open brief again at once (after a change to what they draw on). */
  revalidateAll(): void;
  /** An open brief with its options and bibliography files loaded; undefined when it is not open. */
  preparedBrief(uri: string): Promise<TextDocument | undefined>;
}
