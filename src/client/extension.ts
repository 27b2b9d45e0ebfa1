import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type CommandResult } from '../server/commands';
import { BibliographyPreview, PREVIEW_VIEW_TYPE } from './bibliographyPreview';
import type MarkdownIt from 'markdown-it';
import { briefkitMarkdownIt } from './markdownItBrief';
import { PreviewCitations } from './markdownPreview';
import { copyBibliography, exportBibliography, writeBibliographySection } from './bibliographyCommands';

let client: LanguageClient | undefined;

/** The active Markdown editor, or a message saying one is needed. */
function activeBrief(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage('BriefKit: open a Markdown brief and put the cursor in it first.');
  return undefined;
}

/** The brief a bibliography command works on: the active Markdown editor's, else the one the preview shows. */
function briefForBibliography(uri?: string): vscode.Uri | undefined {
  if (uri) return vscode.Uri.parse(uri);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor.document.uri;
  const followed = BibliographyPreview.followedBrief();
  if (followed) return followed;
  void vscode.window.showInformationMessage('BriefKit: open a Markdown brief and put the cursor in it first.');
  return undefined;
}

/** Runs a server command on the active brief and tells the writer when there was nothing to do. */
async function runOnActiveBrief(command: string, extra: (editor: vscode.TextEditor) => unknown[] = () => []): Promise<void> {
  const editor = activeBrief();
  if (!editor || !client) return;
  const result = (await vscode.commands.executeCommand(command, editor.document.uri.toString(), ...extra(editor))) as CommandResult | undefined;
  if (result && !result.applied && result.message) void vscode.window.showInformationMessage(`BriefKit: ${result.message}`);
}

/** What the extension gives VS Code: a markdown-it plugin for the built-in Markdown preview. */
export interface BriefKitExports {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<BriefKitExports> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('BriefKit');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'markdown', scheme: 'vscode-remote' },
    ],
    // The server pulls settings itself; this tells it when they change.
    synchronize: { configurationSection: 'briefkit' },
    outputChannel,
  };
  // The id "briefkit" makes the client honour the `briefkit.trace.server` setting. The client
  // also registers the server's own commands (briefkit.server.*), which the commands below call.
  client = new LanguageClient('briefkit', 'BriefKit', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('briefkit.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('BriefKit: language server restarted', 3000);
    }),
    vscode.commands.registerCommand('briefkit.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('briefkit.insertFootnote', () =>
      runOnActiveBrief(SERVER_COMMANDS.insertFootnote, (editor) => [editor.selection.active]),
    ),
    vscode.commands.registerCommand('briefkit.renumberFootnotes', () =>
      runOnActiveBrief(SERVER_COMMANDS.renumberFootnotes, () => [{ numberNamedLabels: false }]),
    ),
    vscode.commands.registerCommand('briefkit.renumberAllFootnotes', () =>
      runOnActiveBrief(SERVER_COMMANDS.renumberFootnotes, () => [{ numberNamedLabels: true }]),
    ),
    vscode.commands.registerCommand('briefkit.convertFootnotes', () => runOnActiveBrief(SERVER_COMMANDS.convertFootnotes)),
    vscode.commands.registerCommand('briefkit.showBibliographyPreview', () => {
      if (client) BibliographyPreview.show(client);
    }),
    // Optional arguments (a format, a brief's URI, a file to save to) serve keybindings and tests.
    vscode.commands.registerCommand('briefkit.copyBibliography', async (format?: string, uri?: string) => {
      const brief = briefForBibliography(uri);
      if (brief && client) return copyBibliography(client, brief, BibliographyPreview.choiceFor(brief), format);
      return undefined;
    }),
    vscode.commands.registerCommand('briefkit.exportBibliography', async (format?: string, uri?: string, target?: vscode.Uri) => {
      const brief = briefForBibliography(uri);
      if (brief && client) return exportBibliography(client, brief, BibliographyPreview.choiceFor(brief), format, target);
      return undefined;
    }),
    vscode.commands.registerCommand('briefkit.writeBibliographySection', async (uri?: string) => {
      const brief = briefForBibliography(uri);
      if (brief && client) return writeBibliographySection(brief, BibliographyPreview.choiceFor(brief));
      return undefined;
    }),
    // Reopens the panel with its style and order after VS Code reloads.
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        if (client) BibliographyPreview.restore(panel, client, state as Parameters<typeof BibliographyPreview.restore>[2]);
      },
    }),
  );
  const previewCitations = new PreviewCitations(() => client);
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((document) => previewCitations.forget(document.uri.toString())));
  await client.start();
  return { extendMarkdownIt: (md) => briefkitMarkdownIt(md, previewCitations.lookup) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
