import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { CiteprocJob, CiteprocRendering, ParsedBibliographyFile, ShippedStyle } from '../core';
import type { WorkerReply, WorkerRequest } from './bibliographyWorker';

/** What one request may take of a worker before the worker is stopped. */
export interface WorkerLimits {
  /** The worker's heap, in MB (Node's resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
  /** How long one request may run, in milliseconds. */
  deadlineMs: number;
}

/**
 * What citeproc gets for one rendering. 3,000 works render within a heap of 150 MB; 300 took 21 s on
 * a busy 2-core machine (half a second on an idle one). A .csl file whose macros call one another
 * over and over took 30 s and 2.6 GB, and grew the server's worker to 4.3 GB before it died.
 */
export const RENDER_LIMITS: WorkerLimits = { memoryMb: 512, deadlineMs: 60_000 };

/** A render the worker could not finish; `problem` says why, worded to follow "the style file cannot be used: ". */
export class RenderFailure extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

interface Request {
  id: number;
  message: WorkerRequest;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** Jobs that failed, kept so that asking again fails at once instead of taking the worker's time again. */
const MAX_FAILED_JOBS = 32;

/**
 * The bibliography work that takes seconds, in a worker thread (dist/bibliographyWorker.js, started
 * on first use): parsing bibliography files and rendering in citeproc. The server's thread keeps
 * answering keystrokes, completion and hover meanwhile. With `limits`, a request that runs past
 * the deadline or the memory has the worker stopped: it fails, and the requests behind it go to a
 * new worker, so one .csl file cannot hold up the rest.
 */
export class BibliographyThread {
  private worker: Worker | undefined;
  /** Whether the worker has loaded: a request's deadline runs from then, not from the worker's start. */
  private loaded = false;
  private nextId = 0;
  /** The requests sent to the worker, in the order it does them: the first is under way. */
  private readonly queue: Request[] = [];
  private deadline: NodeJS.Timeout | undefined;
  /** Renderings under way, by job key: a second request for the same one waits on the first. */
  private readonly rendering = new Map<string, Promise<CiteprocRendering>>();
  private readonly failed = new Map<string, RenderFailure>();

  constructor(
    /** The styles the server registers, registered in the worker too. */
    readonly styles: readonly ShippedStyle[],
    private readonly limits?: WorkerLimits,
    private readonly workerScript = join(__dirname, 'bibliographyWorker.js'),
  ) {}

  /** False where the worker script is not beside the server (then the core does the work in-line). */
  get available(): boolean {
    return existsSync(this.workerScript);
  }

  parse(uri: string, text: string): Promise<ParsedBibliographyFile> {
    return this.ask({ kind: 'parse', uri, text }) as Promise<ParsedBibliographyFile>;
  }

  /** citeproc's rendering of a job; rejects with a RenderFailure when the worker could not do it. */
  render(job: CiteprocJob): Promise<CiteprocRendering> {
    const failure = this.failed.get(job.key);
    if (failure) return Promise.reject(failure);
    let rendering = this.rendering.get(job.key);
    if (!rendering) {
      rendering = (this.ask({ kind: 'render', job }) as Promise<CiteprocRendering>)
        .catch((error: Error) => {
          if (error instanceof RenderFailure) {
            if (this.failed.size >= MAX_FAILED_JOBS) this.failed.delete(this.failed.keys().next().value!);
            this.failed.set(job.key, error);
          }
          throw error;
        })
        .finally(() => this.rendering.delete(job.key));
      this.rendering.set(job.key, rendering);
    }
    return rendering;
  }

  private ask(message: WorkerRequest): Promise<unknown> {
    return new Promise((resolve, reject) => this.send({ id: this.nextId++, message, resolve, reject }));
  }

  private send(request: Request): void {
    this.queue.push(request);
    const worker = this.start();
    // Kept alive while it owes an answer (the CLI waits on nothing else), and no longer.
    worker.ref();
    worker.postMessage({ id: request.id, request: request.message });
    if (this.queue.length === 1) this.startDeadline();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerScript, {
      workerData: { styles: this.styles },
      resourceLimits: this.limits && { maxOldGenerationSizeMb: this.limits.memoryMb },
    });
    worker.on('message', ({ id, result, error, ready }: WorkerReply) => {
      if (this.worker !== worker) return;
      if (ready) {
        this.loaded = true;
        this.startDeadline();
        return;
      }
      const at = this.queue.findIndex((request) => request.id === id);
      if (at < 0) return;
      const [request] = this.queue.splice(at, 1);
      if (error === undefined && result !== undefined) request.resolve(result);
      else if (request.message.kind === 'render') request.reject(new RenderFailure(`the citation processor stopped: ${citeprocMessage(error ?? 'no result')}`));
      else request.reject(new Error(error ?? 'no result'));
      if (this.queue.length === 0) worker.unref();
      this.startDeadline();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const problem =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.limits
          ? `rendering with it needed more than ${this.limits.memoryMb} MB of memory, so BriefKit stopped it`
          : `the bibliography worker stopped: ${error.message}`;
      this.replace(worker, problem);
    });
    worker.on('exit', () => this.replace(worker, 'the bibliography worker stopped'));
    // Idle, the worker must not keep the server alive after the editor closes it.
    worker.unref();
    this.worker = worker;
    this.loaded = false;
    return worker;
  }

  /** The deadline of the request under way, when there is one, the worker has loaded and limits are set. */
  private startDeadline(): void {
    clearTimeout(this.deadline);
    this.deadline = undefined;
    if (!this.limits || this.queue.length === 0 || !this.worker || !this.loaded) return;
    const worker = this.worker;
    const seconds = this.limits.deadlineMs / 1000;
    const problem = `rendering with it took longer than ${seconds} second${seconds === 1 ? '' : 's'}, so BriefKit stopped it`;
    this.deadline = setTimeout(() => this.replace(worker, problem), this.limits.deadlineMs);
    this.deadline.unref();
  }

  /**
   * The worker stopped, or is stopped now: the request under way fails with `problem`, and so do
   * those behind it that render with the same .csl file, which would stop the next worker too. The
   * others go to a new worker. Nothing is rendered in the server's own thread instead.
   */
  private replace(worker: Worker, problem: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    clearTimeout(this.deadline);
    void worker.terminate();
    const [culprit, ...waiting] = this.queue.splice(0);
    if (!culprit) return;
    const failure = new RenderFailure(problem);
    culprit.reject(failure);
    const style = customDefinitionOf(culprit.message);
    for (const request of waiting) {
      if (style !== undefined && customDefinitionOf(request.message) === style) request.reject(failure);
      else this.send(request);
    }
  }

  dispose(): void {
    clearTimeout(this.deadline);
    void this.worker?.terminate();
    this.worker = undefined;
    for (const request of this.queue.splice(0)) request.reject(new Error('The bibliography worker was stopped.'));
  }
}

function customDefinitionOf(request: WorkerRequest): string | undefined {
  return request.kind === 'render' ? request.job.customDefinition : undefined;
}

/** citeproc-js's error without the prefixes and the full stop it adds: `citeproc-js error: Undefined node name "bogus".`. */
function citeprocMessage(message: string): string {
  return message.replace(/^(?:citeproc-js error:\s*|CSL processor error:\s*)+/i, '').replace(/\.$/, '');
}
