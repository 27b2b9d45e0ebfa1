import { parentPort, workerData } from 'node:worker_threads';
import { collectWhenIdle, IDLE_COLLECTION_DELAY } from '../node/idleCollection';
import { parseBibliographyFile, registerStyles, runCiteprocJob, type CiteprocJob, type ShippedStyle } from '../core';

export type WorkerRequest = { kind: 'parse'; uri: string; text: string } | { kind: 'render'; job: CiteprocJob };
/** An answer to the request `id`; or, with `ready` (and no id), that the worker has loaded and takes requests. */
export interface WorkerReply {
  id?: number;
  result?: unknown;
  error?: string;
  ready?: true;
}

/**
 * Parses bibliography files and runs citeproc (bibliographies, a brief's citations) off the
 * server's main thread: a 10,000-entry .bib takes about a second to parse and 300 entries half a
 * second to render, during which keystrokes, completion and hover must still be answered.
 */
registerStyles((workerData as { styles?: ShippedStyle[] } | null)?.styles ?? []);
// Parsing a large .bib leaves a large heap behind in this thread: given back once it is idle.
const collectSoon = collectWhenIdle(IDLE_COLLECTION_DELAY);

parentPort?.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
  collectSoon();
  try {
    const result = request.kind === 'parse' ? parseBibliographyFile(request.uri, request.text) : runCiteprocJob(request.job);
    parentPort?.postMessage({ id, result } satisfies WorkerReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});

// Loading took a while (citeproc, the styles): the deadlines of requests count from here.
parentPort?.postMessage({ ready: true } satisfies WorkerReply);
