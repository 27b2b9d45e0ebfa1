import { parseChunks, type BriefService } from '../core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CoreThread } from './coreThread';

/** Below this many chunks one thread parses faster than two and the hand-over between them. */
const TWO_THREADS_FROM = 200;

/**
 * A long brief's first parse, split between the server's thread and the worker's: remark's parse
 * is most of the time a brief takes to open, and its blocks parse independently. The worker parses
 * the second half while this thread parses the first; should the worker be slow to answer (busy
 * rendering), the first version parses the rest itself rather than wait.
 */
export async function parseFirstVersion(service: BriefService, document: TextDocument, thread: CoreThread): Promise<void> {
  const chunks = service.unparsedChunks(document);
  if (chunks.length < TWO_THREADS_FROM) return;
  const half = chunks.length >> 1;
  const theirs = chunks.slice(half);
  const fromWorker = thread.parseChunks(theirs).catch(() => undefined);
  const started = performance.now();
  const mine = chunks.slice(0, half);
  service.parsedAhead(document.uri, mine, parseChunks(mine));
  // The worker started with this thread: it should be done about now.
  const waited = await Promise.race([fromWorker, new Promise<undefined>((resolve) => setTimeout(resolve, (performance.now() - started) / 2))]);
  if (waited) service.parsedAhead(document.uri, theirs, waited);
}
