import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import { connectionFromCommandLine } from './transport';
import { documentsIn, negotiatedEncoding, PositionCodec, withPositionEncoding } from './positionEncoding';
import { createBriefService, type Logger } from '../core';
import { SERVER_COMMANDS } from '../protocol/commands';
import { listMarkdownInFolder } from '../node/listFolder';
import { READ_LIMITS, readRegularFileSync, readTextFile } from '../node/readTextFile';
import { shippedStyles } from '../node/shippedStyles';
import { BibliographyThread, RENDER_LIMITS } from './bibliographyThread';
import { renderingIn } from './citeprocAhead';
import { collectWhenIdle, IDLE_COLLECTION_DELAY } from '../node/idleCollection';
import { registerBibliographyRequests } from './bibliographyRequests';
import { registerCommands } from './commandHandlers';
import { Configuration } from './configuration';
import { initializationSettings, settingsSection } from './settings';
import { registerLanguageHandlers } from './languageHandlers';
import type { ServerContext } from './serverContext';
import { ValidationScheduler } from './validation';
import { isInsideFolders } from '../node/insideFolder';
import { BriefFiles } from './briefFiles';
import { LinkFollowUp } from './linkFollowUp';
import { editorWorkspace, isBibliographyFile, openBibliographyFile, openBriefs } from './openDocuments';

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: ['^', '@'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  documentLinkProvider: {},
  inlayHintProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
};

const filesOnDisk = new Map<string, { mtimeMs: number; text: string }>();

/**
 * A file's text for converting positions in it (a bibliography file a definition points into), read
 * again only when it changed; none when unreadable. Read here and now, as positions are converted
 * synchronously: only a regular file, so a pipe cannot hold up the server, and only as much as a
 * bibliography may be.
 */
function textOnDisk(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    const { mtimeMs } = statSync(path);
    let file = filesOnDisk.get(uri);
    if (file?.mtimeMs !== mtimeMs) {
      file = { mtimeMs, text: readRegularFileSync(path, READ_LIMITS.bibliography).toString('utf8') };
      filesOnDisk.set(uri, file);
    }
    return file.text;
  } catch {
    return undefined;
  }
}

/** Starts the BriefKit language server on stdio, IPC or a socket, as the command line says. */
/** The core's log, in the editor's output panel for the server; debug messages are dropped. */
function consoleLogger(connection: Connection): Logger {
  return {
    debug: () => undefined,
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
}

export function startServer(raw: Connection = connectionFromCommandLine()): void {
  const codec = new PositionCodec((uri) => documents.get(uri)?.getText() ?? textOnDisk(uri));
  const documents: TextDocuments<TextDocument> = new TextDocuments(documentsIn(codec));
  const connection = withPositionEncoding(raw, codec);
  const configuration = new Configuration(connection);
  const bibliographyThread = new BibliographyThread(shippedStyles());
  // citeproc in a worker of its own, under limits: a .csl file that makes it run long holds up no bibliography file's reading.
  const renderThread = new BibliographyThread(bibliographyThread.styles, RENDER_LIMITS);
  const collectSoon = collectWhenIdle(IDLE_COLLECTION_DELAY);
  const service = createBriefService({
    logger: consoleLogger(connection),
    getOptions: (uri) => configuration.optionsFor(uri),
    readFile: readTextFile,
    linkStatus: (url) => linkFollowUp.links.status(url),
    linkResultsVersion: () => linkFollowUp.links.version,
    // With no folder open there is no workspace to stay inside.
    mayRead: (uri) =>
      configuration.allowOutsideWorkspace || configuration.workspaceFolders.length === 0 || isInsideFolders(uri, configuration.workspaceFolders),
    ...editorWorkspace(documents, () => configuration.workspaceFolders),
    listFolder: listMarkdownInFolder,
    parseBibliography: bibliographyThread.available ? (uri, text) => bibliographyThread.parse(uri, text) : undefined,
    styles: bibliographyThread.styles,
  });
  let refreshesInlayHints = false;
  // After a change to what the briefs draw on (settings, bibliography files): check them again, and
  // have the editor ask again for the inlay hints it shows, which render those files.
  const recheckAll = () => {
    validation.scheduleAll(0);
    if (refreshesInlayHints) void connection.languages.inlayHint.refresh();
  };
  const briefFiles = new BriefFiles(connection, service, configuration, recheckAll);
  const briefs = openBriefs(documents);
  const linkFollowUp = new LinkFollowUp(service, documents, () => configuration.allowPrivateNetwork);
  const validation = new ValidationScheduler(connection, briefs, service, (document, token) => briefFiles.load(document, token), linkFollowUp.fetch);

  connection.onInitialize((params: InitializeParams) => {
    configuration.supported = params.capabilities.workspace?.configuration === true;
    configuration.pushed = initializationSettings(params.initializationOptions);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configuration.workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    codec.encoding = negotiatedEncoding(params);
    refreshesInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    return { capabilities: { ...CAPABILITIES, positionEncoding: codec.encoding }, serverInfo: { name: 'BriefKit' } };
  });

  const context: ServerContext = {
    connection,
    documents: briefs,
    bibliographyFile: (uri) => openBibliographyFile(documents, uri),
    service,
    configuration,
    revalidateAll: recheckAll,
    preparedBrief: (uri) => briefFiles.prepared(briefs.get(uri)),
    renderInWorker: renderThread.available ? renderingIn(renderThread, service, recheckAll) : undefined,
  };
  registerLanguageHandlers(context);
  const forgetBibliographyAnswers = registerBibliographyRequests(context);
  registerCommands(context);

  connection.onDidChangeConfiguration((params) => {
    // Clients that cannot be asked send the settings here; the others are asked again.
    const pushed = settingsSection(params.settings);
    if (pushed) configuration.pushed = pushed;
    configuration.clear();
    recheckAll();
  });

  // Fires on open too: a newly opened brief is checked at once, an edit after a pause in typing.
  const seen = new Set<string>();
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (isBibliographyFile(event.document)) return;
    validation.schedule(event.document, seen.has(uri) ? configuration.delayFor(uri) : 0);
    seen.add(uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    collectSoon();
    seen.delete(uri);
    validation.cancel(uri);
    service.forget(uri);
    forgetBibliographyAnswers(uri);
    briefFiles.forgotten(uri);
    configuration.forget(uri);
    codec.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onShutdown(() => {
    briefFiles.dispose();
    bibliographyThread.dispose();
    renderThread.dispose();
  });
  documents.listen(raw);
  raw.listen();
}
