import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocumentEdit,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CancellationTokenSource,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type Position,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BriefUserError,
  createBriefService,
  DEFAULT_OPTIONS,
  OperationCancelled,
  type BriefCompletionItem,
  type BriefDiagnostic,
  type BriefOptions,
  type RenderedCitations,
} from '../core';
import {
  BIBLIOGRAPHY_REQUEST,
  CITATIONS_REQUEST,
  EXPORT_BIBLIOGRAPHY_REQUEST,
  type BibliographyRequestParams,
  type BibliographyResponse,
  type CitationsRequestParams,
  type ExportBibliographyParams,
  type ExportBibliographyResponse,
} from '../protocol/requests';
import { SERVER_COMMANDS, type CommandResult } from '../protocol/commands';
import { allowsOutsideWorkspace, bibliographyPatterns, styleFilePath, toBriefOptions, type BriefKitSettings } from './settings';
import { BibliographyWatcher, isInsideWorkspace, listMarkdownFiles, resolveBibliographyPatterns } from './workspaceFiles';
import { readTextFile } from '../node/readTextFile';
import { BibliographyParser } from './bibliographyParser';
import { shippedStyles } from '../node/shippedStyles';
import { fileURLToPath } from 'node:url';

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

function toLspCompletion(item: BriefCompletionItem): CompletionItem {
  return {
    label: item.label,
    kind: item.kind === 'new' ? CompletionItemKind.Snippet : CompletionItemKind.Reference,
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    filterText: item.filterText,
    sortText: item.sortText,
    textEdit: item.textEdit,
    additionalTextEdits: item.additionalTextEdits,
    command: item.command,
  };
}

/** Starts the BriefKit language server on stdio, IPC or a socket, as the command line says. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let supportsConfiguration = false;
  let workspaceFolders: string[] = [];
  const optionsByUri = new Map<string, BriefOptions>();
  /** Setting briefkit.allowBibliographyOutsideWorkspace: front matter may name files outside the workspace. */
  let allowOutsideWorkspace = false;
  const bibliographyParser = new BibliographyParser();
  const service = createBriefService({
    logger: {
      debug: () => undefined,
      info: (message) => connection.console.info(message),
      warn: (message) => connection.console.warn(message),
      error: (message) => connection.console.error(message),
    },
    getOptions: (uri) => optionsByUri.get(uri) ?? DEFAULT_OPTIONS,
    readFile: readTextFile,
    // With no folder open there is no workspace to stay inside.
    mayRead: (uri) => allowOutsideWorkspace || workspaceFolders.length === 0 || isInsideWorkspace(uri, workspaceFolders),
    listMarkdownFiles: () => listMarkdownFiles(workspaceFolders),
    parseBibliography: bibliographyParser.available ? (uri, text) => bibliographyParser.parse(uri, text) : undefined,
    styles: shippedStyles(),
  });
  const pending = new Map<string, { timer: NodeJS.Timeout; cancel: CancellationTokenSource }>();
  const watcher = new BibliographyWatcher((uri) => {
    service.bibliographyChanged(uri);
    for (const document of documents.all()) scheduleValidation(document, 0);
  });
  /** Bibliography files whose problems are shown, so a fixed file gets its problems cleared. */
  const publishedBibliographies = new Set<string>();

  async function loadOptions(uri: string): Promise<void> {
    if (!supportsConfiguration) return;
    const settings = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'briefkit' })) as BriefKitSettings | null;
    const bibliographyFiles = await resolveBibliographyPatterns(bibliographyPatterns(settings), workspaceFolders);
    const styleFile = styleFilePath(settings);
    const [styleFileUri] = styleFile ? await resolveBibliographyPatterns([styleFile], workspaceFolders.slice(0, 1)) : [];
    const options = toBriefOptions(settings, bibliographyFiles, styleFileUri);
    optionsByUri.set(uri, options);
    allowOutsideWorkspace = allowsOutsideWorkspace(settings);
  }

  async function publishBibliographyProblems(): Promise<void> {
    for (const uri of service.loadedBibliographyFiles()) {
      const diagnostics = service.getBibliographyFileDiagnostics(uri);
      if (diagnostics.length === 0 && !publishedBibliographies.has(uri)) continue;
      if (diagnostics.length > 0) publishedBibliographies.add(uri);
      else publishedBibliographies.delete(uri);
      await connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic) });
    }
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

  /** The brief's options and the bibliography and .csl files it draws on, watched for changes once read. */
  async function loadBriefFiles(document: TextDocument): Promise<void> {
    if (!optionsByUri.has(document.uri)) await loadOptions(document.uri);
    if (await service.loadBibliographies(document)) {
      watcher.watch([...service.loadedBibliographyFiles(), ...service.loadedStyleFiles()]);
      await publishBibliographyProblems();
    }
  }

  async function validate(uri: string, cancel: CancellationTokenSource): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      await loadBriefFiles(document);
      if (cancel.token.isCancellationRequested) return;
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
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['^', '@'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        documentLinkProvider: {},
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      },
      serverInfo: { name: 'BriefKit' },
    };
  });

  // Each handler: find the document, ask the core, return. Unknown documents get empty answers.
  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const list = document && service.getCompletions(document, position);
    return list ? { isIncomplete: list.isIncomplete, items: list.items.map(toLspCompletion) } : null;
  });
  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const hover = document && service.getHover(document, position);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
  });
  connection.onDefinition(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return document ? service.getDefinition(document, position) : null;
  });
  connection.onReferences(async ({ textDocument, position, context }) => {
    const document = documents.get(textDocument.uri);
    return document ? await service.getReferences(document, position, context.includeDeclaration) : null;
  });
  connection.onPrepareRename(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return (document && service.prepareRename(document, position)) ?? null;
  });
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    try {
      return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, service.rename(document, position, newName))] };
    } catch (error) {
      if (error instanceof BriefUserError) throw new ResponseError(-32803 /* RequestFailed */, error.message);
      throw error;
    }
  });
  connection.onDocumentSymbol(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    return document
      ? service.getDocumentSymbols(document).map((symbol) => ({ ...symbol, kind: SymbolKind.Key }))
      : null;
  });
  connection.onDocumentLinks(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    return document ? service.getDocumentLinks(document) : null;
  });
  connection.onCodeAction(({ textDocument, range, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    return service.getCodeActions(document, range).map(
      (action): CodeAction => ({
        title: action.title,
        kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Source,
        // Attach the editor's own diagnostic objects where they match, so the lightbulb links them.
        diagnostics: context.diagnostics.filter(
          (d) => (action.diagnosticCodes as string[]).includes(String(d.code)) && action.diagnosticRanges.some((r) => JSON.stringify(r) === JSON.stringify(d.range)),
        ),
        isPreferred: action.isPreferred,
        command: action.command,
        edit: { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, action.edits)] },
      }),
    );
  });

  /** An open brief with its options and files loaded, for the bibliography requests. */
  async function preparedBrief(uri: string): Promise<TextDocument | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    await loadBriefFiles(document);
    return document;
  }

  connection.onRequest(BIBLIOGRAPHY_REQUEST, async ({ uri, style, order }: BibliographyRequestParams): Promise<BibliographyResponse> => {
    const document = await preparedBrief(uri);
    if (!document) return { style: style ?? '', styles: [], entries: [], notices: [], message: 'Open a Markdown brief to see its bibliography.' };
    const chosen = service.getStyle(document, style);
    const styles = service.getAvailableStyles(document);
    try {
      const entries = service.getBibliographyPreview(document, chosen, order);
      return { style: chosen.id, styles, entries, notices: chosen.notices, message: entries.length === 0 ? 'This brief cites no sources yet.' : undefined };
    } catch (error) {
      return { style: chosen.id, styles, entries: [], notices: chosen.notices, message: `The bibliography could not be rendered in ${chosen.title}: ${(error as Error).message}` };
    }
  });

  connection.onRequest(CITATIONS_REQUEST, async ({ uri }: CitationsRequestParams): Promise<RenderedCitations | null> => {
    const document = await preparedBrief(uri);
    if (!document) return null;
    try {
      return service.renderCitations(document, service.getStyle(document));
    } catch (error) {
      connection.console.warn(`Citations of ${uri} could not be rendered for the Markdown preview: ${(error as Error).message}`);
      return null;
    }
  });

  connection.onRequest(EXPORT_BIBLIOGRAPHY_REQUEST, async ({ uri, style, order, format }: ExportBibliographyParams): Promise<ExportBibliographyResponse> => {
    const document = await preparedBrief(uri);
    if (!document) return { text: '', message: 'Open a Markdown brief first.' };
    const chosen = service.getStyle(document, style);
    try {
      const text = service.exportBibliography(document, chosen, order, format);
      return text === '' ? { text, message: 'This brief cites no sources yet.' } : { text, styleTitle: chosen.title };
    } catch (error) {
      return { text: '', message: `The bibliography could not be rendered in ${chosen.title}: ${(error as Error).message}` };
    }
  });

  async function applyEdits(uri: string, version: number, edits: TextEdit[], label: string): Promise<boolean> {
    if (edits.length === 0) return false;
    const result = await connection.workspace.applyEdit({ label, edit: { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } });
    return result.applied;
  }

  async function showPosition(uri: string, position: Position): Promise<void> {
    await connection.window.showDocument({ uri, selection: { start: position, end: position }, takeFocus: true });
  }

  connection.onExecuteCommand(async ({ command, arguments: args = [] }): Promise<CommandResult> => {
    const [uri] = args as [string];
    if (command === SERVER_COMMANDS.showPosition) {
      await showPosition(uri, args[1] as Position);
      return { applied: true };
    }
    const document = documents.get(uri);
    if (!document) return { applied: false, message: 'Open a Markdown brief first.' };
    switch (command) {
      case SERVER_COMMANDS.insertFootnote: {
        const inserted = service.insertFootnote(document, args[1] as Position);
        const applied = await applyEdits(uri, document.version, inserted.edits, 'Insert footnote');
        if (applied && inserted.cursor) await showPosition(uri, inserted.cursor);
        return { applied };
      }
      case SERVER_COMMANDS.renumberFootnotes: {
        const options = { numberNamedLabels: (args[1] as { numberNamedLabels?: boolean } | undefined)?.numberNamedLabels === true };
        const applied = await applyEdits(uri, document.version, service.renumberFootnotes(document, options), 'Renumber footnotes');
        return applied ? { applied } : { applied, message: 'The footnotes are already numbered in order of appearance.' };
      }
      case SERVER_COMMANDS.convertFootnotes: {
        const applied = await applyEdits(uri, document.version, service.convertLegacyFootnotes(document), 'Convert to Markdown footnotes');
        return applied ? { applied } : { applied, message: 'No pasted footnote markers (superscript numbers or HTML notes) were found.' };
      }
      case SERVER_COMMANDS.writeBibliographySection: {
        await preparedBrief(uri);
        const style = service.getStyle(document, args[1] as string | undefined);
        const written = service.writeBibliographySection(document, style);
        if (!written) return { applied: false, message: 'This brief cites no sources yet, so there is no bibliography to write.' };
        const applied = await applyEdits(uri, document.version, [written.edit], 'Write Bibliography section');
        const kept =
          written.kept.length === 0
            ? ''
            : ` Kept ${written.kept.length === 1 ? 'the entry' : 'the entries'} on line ${written.kept.join(', ')} as you wrote ${written.kept.length === 1 ? 'it' : 'them'}, because BriefKit could not read every part of ${written.kept.length === 1 ? 'it' : 'them'}.`;
        return { applied, message: applied ? `Wrote ${written.written} of ${written.written + written.kept.length} entries in ${style.title}.${kept}` : 'The brief changed while the bibliography was being written; try again.' };
      }
      default:
        return { applied: false, message: `BriefKit does not know the command ${command}.` };
    }
  });

  connection.onDidChangeConfiguration(() => {
    optionsByUri.clear();
    for (const document of documents.all()) scheduleValidation(document, 0);
  });

  // Fires on open too: a newly opened brief is checked at once, an edit after a pause in typing.
  const seen = new Set<string>();
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    scheduleValidation(event.document, seen.has(uri) ? VALIDATION_DELAY_MS : 0);
    seen.add(uri);
  });
  documents.onDidClose((event) => {
    seen.delete(event.document.uri);
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

  connection.onShutdown(() => {
    watcher.dispose();
    bibliographyParser.dispose();
  });
  documents.listen(connection);
  connection.listen();
}
