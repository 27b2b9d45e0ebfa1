import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BriefService } from '../core';

/** What the server's handler modules share. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: BriefService;
  /** An open brief with its options and bibliography files loaded; undefined when it is not open. */
  preparedBrief(uri: string): Promise<TextDocument | undefined>;
}
