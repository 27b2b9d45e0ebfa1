import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { CiteprocJob, CiteprocRendering, ParsedBibliographyFile, ShippedStyle } from '../core';
import type { WorkerReply, WorkerRequest } from './bibliographyWorker';

type Pending = { resolve: (result: unknown) => void; reject: (error: Error) => void };

/**
 * The bibliography work that takes seconds, in a worker thread (dist/bibliographyWorker.js, started
 * on first use): parsing bibliography files and rendering in citeproc. The server's thread keeps
 * answering keystrokes, completion and hover meanwhile.
 */
export class BibliographyThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** Renderings under way, by job key: a second request for the same one waits on the first. */
  private readonly rendering = new Map<string, Promise<CiteprocRendering>>();

  constructor(
    /** The styles the server registers, registered in the worker too. */
    readonly styles: readonly ShippedStyle[],
    private readonly workerScript = join(__dirname, 'bibliographyWorker.js'),
  ) {}

  /** False where the worker script is not beside the server (then the core does the work in-line). */
  get available(): boolean {
    return existsSync(this.workerScript);
  }

  parse(uri: string, text: string): Promise<ParsedBibliographyFile> {
    return this.ask({ kind: 'parse', uri, text }) as Promise<ParsedBibliographyFile>;
  }

  render(job: CiteprocJob): Promise<CiteprocRendering> {
    let rendering = this.rendering.get(job.key);
    if (!rendering) {
      rendering = (this.ask({ kind: 'render', job }) as Promise<CiteprocRendering>).finally(() => this.rendering.delete(job.key));
      this.rendering.set(job.key, rendering);
    }
    return rendering;
  }

  private ask(request: WorkerRequest): Promise<unknown> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerScript, { workerData: { styles: this.styles } });
    worker.on('message', ({ id, result, error }: WorkerReply) => {
      const request = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined || result === undefined) request?.reject(new Error(error ?? 'no result'));
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
