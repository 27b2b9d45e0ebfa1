import { runCiteprocJob, type BriefService, type CiteprocJob, type CiteprocRendering, type StyleChoice } from '../core';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Runs a citeproc job in the worker thread. */
export type RenderInWorker = (job: CiteprocJob) => Promise<CiteprocRendering>;

/**
 * The citeproc renderings a request needs that are not at hand, done in the worker thread and kept
 * for the request to find: the server's thread stays free for keystrokes meanwhile. Should the
 * worker fail, a job is rendered here instead, once. `count`: how many there are to do; `done`
 * settles when all are kept.
 */
export function renderAhead(service: BriefService, render: RenderInWorker | undefined, document: TextDocument, style: StyleChoice, purpose: 'preview' | 'citations'): { count: number; done: Promise<void> } {
  const jobs = render ? service.getCiteprocJobs(document, style, purpose) : [];
  const done = Promise.all(
    jobs.map((job) =>
      render!(job)
        .catch(() => runCiteprocJob(job))
        .then((rendering) => service.keepCiteprocRendering(job, rendering)),
    ),
  ).then(() => undefined);
  return { count: jobs.length, done };
}
