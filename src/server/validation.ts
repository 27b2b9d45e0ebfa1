import { CancellationTokenSource, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import type { OpenBriefs } from './openDocuments';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { OperationCancelled, type BriefService } from '../core';
import { toLspDiagnostic } from './lspShapes';

/**
 * Checks briefs and publishes their diagnostics: each change schedules a check, cancelling the
 * one pending for the same brief, so only the latest version is checked.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; cancel: CancellationTokenSource }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenBriefs,
    private readonly service: BriefService,
    /** Loads the brief's options and files before it is checked (parsing it): a newer version cancels it. */
    private readonly prepare: (document: TextDocument, token: CancellationToken) => Promise<void>,
    /** Work after the diagnostics are out (fetching the brief's web addresses); true when the brief should be checked again. */
    private readonly followUp?: (document: TextDocument) => Promise<boolean>,
  ) {}

  schedule(document: TextDocument, delay: number): void {
    this.cancel(document.uri);
    const cancel = new CancellationTokenSource();
    const timer = setTimeout(() => void this.validate(document.uri, cancel), delay);
    this.pending.set(document.uri, { timer, cancel });
  }

  scheduleAll(delay: number): void {
    for (const document of this.documents.all()) this.schedule(document, delay);
  }

  cancel(uri: string): void {
    const previous = this.pending.get(uri);
    if (!previous) return;
    clearTimeout(previous.timer);
    previous.cancel.cancel();
    this.pending.delete(uri);
  }

  private async recheckAfter(work: Promise<boolean>, uri: string): Promise<void> {
    try {
      const current = (await work) ? this.documents.get(uri) : undefined;
      if (current && !this.pending.has(uri)) this.schedule(current, 0);
    } catch (error) {
      this.connection.console.warn(`BriefKit could not check the web addresses of ${uri}: ${(error as Error).message}`);
    }
  }

  private async validate(uri: string, cancel: CancellationTokenSource): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      await this.prepare(document, cancel.token);
      if (cancel.token.isCancellationRequested) return;
      const diagnostics = this.service.computeDiagnostics(document, cancel.token);
      if (cancel.token.isCancellationRequested) return;
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map(toLspDiagnostic) });
      if (this.followUp) void this.recheckAfter(this.followUp(document), uri);
    } catch (error) {
      if (error instanceof OperationCancelled) return;
      this.connection.console.error(`BriefKit could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (this.pending.get(uri)?.cancel === cancel) this.pending.delete(uri);
    }
  }
}
