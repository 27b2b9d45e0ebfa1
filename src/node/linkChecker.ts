import type { LinkCheckResult } from '../core';
import { version } from '../../package.json';

export interface LinkCheckerOptions {
  /** How long one address may take before it counts as not answering. */
  timeoutMs?: number;
  /** Requests at a time to one host, so a brief citing one site forty times does not hammer it. */
  perHost?: number;
  /** How long a result is kept before the address is fetched again. */
  maxAgeMs?: number;
}

/** Says what it is, so site owners can tell a citation check from a crawler. */
const USER_AGENT = `BriefKit/${version} (link check of a brief's citations)`;
/** Read no more of a page than needed for its title. */
const TITLE_BYTES = 64 * 1024;
const TITLE = /<title[^>]*>([^<]{1,300})<\/title>/i;

/**
 * Fetches the web addresses of notes and Bibliography entries when the writer asked for link
 * checking (`briefkit check --links`, `briefkit.links.check`): HEAD first, then GET where HEAD
 * fails or the page's title is needed after a redirect; a few requests at a time per
 * host, a timeout, and a cache of the results for `maxAgeMs`.
 */
export class LinkChecker {
  private readonly results = new Map<string, { result: LinkCheckResult; at: number }>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly busy = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly timeoutMs: number;
  private readonly perHost: number;
  private readonly maxAgeMs: number;
  /** Counts the results learnt, so a brief's findings are built again when one arrives. */
  version = 0;

  constructor(options: LinkCheckerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.perHost = options.perHost ?? 2;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  }

  /** The last result for the address while it is fresh. */
  status(url: string): LinkCheckResult | undefined {
    const cached = this.results.get(url);
    return cached && Date.now() - cached.at < this.maxAgeMs ? cached.result : undefined;
  }

  /** The addresses among these that have no fresh result. */
  unchecked(urls: readonly string[]): string[] {
    return urls.filter((url) => !this.status(url));
  }

  /** Fetches each address without a fresh result; resolves when all are known. */
  async check(urls: readonly string[]): Promise<void> {
    await Promise.all(
      this.unchecked(urls).map((url) => {
        let running = this.pending.get(url);
        if (!running) {
          running = this.fetchOne(url).finally(() => this.pending.delete(url));
          this.pending.set(url, running);
        }
        return running;
      }),
    );
  }

  private async fetchOne(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      this.learn(url, { failure: { timeout: false, message: 'the address is not a valid web address' } });
      return;
    }
    await this.slot(host);
    try {
      this.learn(url, await this.probe(url));
    } finally {
      this.release(host);
    }
  }

  private learn(url: string, result: LinkCheckResult): void {
    this.results.set(url, { result, at: Date.now() });
    this.version++;
  }

  private async probe(url: string): Promise<LinkCheckResult> {
    try {
      const head = await this.request(url, 'HEAD');
      // A GET settles it when HEAD fails (some sites answer HEAD with 403, 404 or 405 and GET
      // with the page), and after a redirect, where the page's title tells whether it is still the cited work.
      if (head.status < 400 && !head.redirected) return { status: head.status };
      const page = await this.request(url, 'GET');
      return { status: page.status, finalUrl: page.redirected ? page.url : undefined, title: page.ok ? await titleOf(page) : undefined };
    } catch (error) {
      return { failure: failureOf(error) };
    }
  }

  private async request(url: string, method: 'HEAD' | 'GET'): Promise<Response> {
    const response = await fetch(url, { method, redirect: 'follow', headers: { 'user-agent': USER_AGENT, accept: 'text/html,*/*;q=0.5' }, signal: AbortSignal.timeout(this.timeoutMs) });
    if (method === 'HEAD') await response.body?.cancel();
    return response;
  }

  private slot(host: string): Promise<void> {
    if ((this.busy.get(host) ?? 0) < this.perHost) {
      this.busy.set(host, (this.busy.get(host) ?? 0) + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(host) ?? [];
      queue.push(() => resolve());
      this.waiting.set(host, queue);
    });
  }

  private release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) next();
    else this.busy.set(host, (this.busy.get(host) ?? 1) - 1);
  }
}

async function titleOf(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < TITLE_BYTES) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel();
  }
  const html = Buffer.concat(chunks).toString('utf8');
  return TITLE.exec(html)?.[1].replace(/\s+/g, ' ').trim();
}

function failureOf(error: unknown): { timeout: boolean; message: string } {
  const { name, cause } = error as { name?: string; cause?: { code?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return { timeout: true, message: 'it did not answer in time' };
  const code = cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { timeout: false, message: 'no such host' };
  if (code === 'ECONNREFUSED') return { timeout: false, message: 'the connection was refused' };
  if (code === 'ECONNRESET') return { timeout: false, message: 'the connection was cut' };
  return { timeout: false, message: code ? `the request failed (${code})` : 'the request failed' };
}
