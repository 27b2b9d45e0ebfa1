import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BIBLIOGRAPHY_REQUEST, type BibliographyRequestParams, type BibliographyResponse } from '../server/commands';

export const PREVIEW_VIEW_TYPE = 'briefkit.bibliographyPreview';

interface PreviewState {
  uri?: string;
  style?: string;
  order: 'style' | 'cited';
}

/** Messages the panel's script sends. */
type FromPanel = { type: 'style'; style: string } | { type: 'order'; order: 'style' | 'cited' } | { type: 'reveal'; range: vscode.Range };

function nonce(): string {
  let value = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) value += chars.charAt(Math.floor(Math.random() * chars.length));
  return value;
}

/**
 * The bibliography panel beside the editor: it follows the active brief and each keystroke
 * (debounced), renders through the language server, and reveals a citation when clicked.
 * Rendering happens in the server; the panel only shows the escaped HTML it is sent.
 */
export class BibliographyPreview {
  private static current: BibliographyPreview | undefined;
  private state: PreviewState = { order: 'style' };
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(client: LanguageClient): void {
    if (BibliographyPreview.current) {
      BibliographyPreview.current.panel.reveal(vscode.ViewColumn.Beside, true);
      BibliographyPreview.current.followActiveEditor();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Bibliography', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    BibliographyPreview.current = new BibliographyPreview(panel, client, { order: 'style' });
  }

  static restore(panel: vscode.WebviewPanel, client: LanguageClient, state: PreviewState | undefined): void {
    BibliographyPreview.current = new BibliographyPreview(panel, client, state ?? { order: 'style' });
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    state: PreviewState,
  ) {
    this.state = state;
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromPanel) => this.receive(message)),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.state.uri) this.scheduleUpdate();
      }),
    );
    this.followActiveEditor();
  }

  private followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') {
      this.state.uri = editor.document.uri.toString();
      this.panel.title = `Bibliography: ${editor.document.uri.path.split('/').pop()}`;
    }
    this.scheduleUpdate(0);
  }

  private scheduleUpdate(delay = 250): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    if (!this.state.uri) return;
    const params: BibliographyRequestParams = { uri: this.state.uri, style: this.state.style, order: this.state.order };
    const response = await this.client.sendRequest<BibliographyResponse>(BIBLIOGRAPHY_REQUEST, params);
    await this.panel.webview.postMessage({ type: 'update', ...response, order: this.state.order, state: this.state });
  }

  private async receive(message: FromPanel): Promise<void> {
    if (message.type === 'style') {
      this.state.style = message.style;
      this.scheduleUpdate(0);
    } else if (message.type === 'order') {
      this.state.order = message.order;
      this.scheduleUpdate(0);
    } else if (message.type === 'reveal' && this.state.uri) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.state.uri));
      const { start, end } = message.range;
      const range = new vscode.Range(start.line, start.character, end.line, end.character);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range });
    }
  }

  private html(): string {
    const n = nonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
  body { font-family: var(--vscode-editor-font-family, serif); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.2em; line-height: 1.5; }
  header { display: flex; gap: 1em; align-items: center; padding: 0.6em 0; border-bottom: 1px solid var(--vscode-panel-border); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  select, button { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); padding: 2px 6px; }
  ol { padding-left: 0; list-style: none; }
  li { margin: 0.9em 0; padding-left: 2em; text-indent: -2em; }
  .cited { font-family: var(--vscode-font-family); font-size: 0.85em; color: var(--vscode-descriptionForeground); text-indent: 0; }
  .cited button { background: none; border: none; color: var(--vscode-textLink-foreground); cursor: pointer; padding: 0 0.3em; }
  .cited button:focus { outline: 1px solid var(--vscode-focusBorder); }
  .message { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<header>
  <label>Style <select id="style" aria-label="Citation style"></select></label>
  <label>Order <select id="order" aria-label="Order of entries"><option value="style">As the style orders</option><option value="cited">Order of first citation</option></select></label>
</header>
<p class="message" id="message"></p>
<ol id="entries"></ol>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  const style = document.getElementById('style');
  const order = document.getElementById('order');
  style.addEventListener('change', () => vscode.postMessage({ type: 'style', style: style.value }));
  order.addEventListener('change', () => vscode.postMessage({ type: 'order', order: order.value }));
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data.type !== 'update') return;
    vscode.setState(data.state);
    style.replaceChildren(...data.styles.map((s) => { const o = document.createElement('option'); o.value = s.name; o.textContent = s.title; o.selected = s.name === data.style; return o; }));
    order.value = data.order;
    document.getElementById('message').textContent = data.message || '';
    const list = document.getElementById('entries');
    list.replaceChildren(...data.entries.map((entry) => {
      const item = document.createElement('li');
      const text = document.createElement('div');
      // citeproc escapes every field; the CSP blocks inline handlers as a second line of defence.
      text.innerHTML = entry.html;
      item.appendChild(text);
      if (entry.citedAt.length > 0) {
        const cited = document.createElement('div');
        cited.className = 'cited';
        cited.append('Cited at');
        for (const at of entry.citedAt) {
          const button = document.createElement('button');
          button.textContent = at.label + ' (line ' + (at.range.start.line + 1) + ')';
          button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', range: at.range }));
          cited.appendChild(button);
        }
        item.appendChild(cited);
      }
      return item;
    }));
  });
</script>
</body>
</html>`;
  }

  private dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
    BibliographyPreview.current = undefined;
  }
}
