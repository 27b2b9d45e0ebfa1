import type { Connection } from 'vscode-languageserver/node';
import type { OpenBriefs } from './openDocuments';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BriefService } from '../core';
import type { Configuration } from './configuration';
import type { RenderInWorker } from './citeprocAhead';

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
  /** Runs citeproc in the worker thread; undefined where there is none (then requests render in-line). */
  renderInWorker?: RenderInWorker;
  /** An open brief with its options and bibliography files loaded; undefined when it is not open. */
  preparedBrief(uri: string): Promise<TextDocument | undefined>;
}
