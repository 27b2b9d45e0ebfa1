import {
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CancellationTokenSource,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createBriefService, DEFAULT_OPTIONS, OperationCancelled, type BriefDiagnostic, type BriefOptions } from '../core';
import { toBriefOptions, type BriefKitSettings } from './settings';

const SEVERITY: Record<BriefDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Waiting this long after the last change before checking keeps typing smooth. */
const VALIDATION_DELAY_MS = 150;

export function toLspDiagnostic(diagnostic: BriefDiagnostic): Diagnostic {
  return {
    code: diagnostic.code,
    severity: SEVERITY[diagnostic.severity],
    message: diagnostic.message,
    range: diagnostic.range,
    source: 'BriefKit',
  };
}

/** Starts the BriefKit language server on stdio, IPC or a socket, as the command line says. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let supportsConfiguration = false;
  const optionsByUri = new Map<string, BriefOptions>();
  const service = createBriefService({
    logger: {
      debug: () => undefined,
      info: (message) => connection.console.info(message),
      warn: (message) => connection.console.warn(message),
      error: (message) => connection.console.error(message),
    },
    getOptions: (uri) => optionsByUri.get(uri) ?? DEFAULT_OPTIONS,
  });
  const pending = new Map<string, { timer: NodeJS.Timeout; cancel: CancellationTokenSource }>();

  async function loadOptions(uri: string): Promise<void> {
    if (!supportsConfiguration) return;
    const settings = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'briefkit' })) as BriefKitSettings | null;
    optionsByUri.set(uri, toBriefOptions(settings));
  }

  function scheduleValidation(document: TextDocument, delay: number): void {
    const previous = pending.get(document.uri);
    if (previous) {
      clearTimeout(previous.timer);
      previous.cancel.cancel();
    }
    const cancel = new CancellationTokenSource();
    const timer = setTimeout(() => void validate(document.uri, cancel), delay);
    pending.set(document.uri, { timer, cancel });
  }

  async function validate(uri: string, cancel: CancellationTokenSource): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      if (!optionsByUri.has(uri)) await loadOptions(uri);
      const diagnostics = service.computeDiagnostics(document, cancel.token);
      if (cancel.token.isCancellationRequested) return;
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map(toLspDiagnostic) });
    } catch (error) {
      if (error instanceof OperationCancelled) return;
      connection.console.error(`BriefKit could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (pending.get(uri)?.cancel === cancel) pending.delete(uri);
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
      },
      serverInfo: { name: 'BriefKit' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    optionsByUri.clear();
    for (const document of documents.all()) scheduleValidation(document, 0);
  });

  // Fires on open too, so a newly opened brief is checked without a separate handler.
  documents.onDidChangeContent((event) => scheduleValidation(event.document, VALIDATION_DELAY_MS));
  documents.onDidClose((event) => {
    const previous = pending.get(event.document.uri);
    if (previous) {
      clearTimeout(previous.timer);
      previous.cancel.cancel();
      pending.delete(event.document.uri);
    }
    service.forget(event.document.uri);
    optionsByUri.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
