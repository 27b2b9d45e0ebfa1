import { parentPort } from 'node:worker_threads';
import { parseBibliographyFile } from '../core';

/**
 * Parses bibliography files off the server's main thread: a 10,000-entry .bib takes about a
 * second, during which completion and hover requests must still be answered.
 */
parentPort?.on('message', ({ id, uri, text }: { id: number; uri: string; text: string }) => {
  try {
    parentPort?.postMessage({ id, result: parseBibliographyFile(uri, text) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
