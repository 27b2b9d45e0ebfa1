import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { ParsedBibliographyFile } from '../core';

type Pending = { resolve: (file: ParsedBibliographyFile) => void; reject: (error: Error) => void };

/** Runs bibliography parsing in a worker thread (dist/bibliographyWorker.js), started on first use. */
export class BibliographyParser {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly workerScript = join(__dirname, 'bibliographyWorker.js')) {}

  /** False where the worker script is not beside the server (then the core parses in-line). */
  get available(): boolean {
    return existsSync(this.workerScript);
  }

  parse(uri: string, text: string): Promise<ParsedBibliographyFile> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, uri, text });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerScript);
    worker.on('message', ({ id, result, error }: { id: number; result?: ParsedBibliographyFile; error?: string }) => {
      const request = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined || !result) request?.reject(new Error(error ?? 'no result'));
      else request?.resolve(result);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = undefined;
      this.failAll(new Error('The bibliography worker stopped.'));
    });
    // The worker must not keep the server alive after the editor closes it.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
