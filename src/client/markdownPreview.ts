import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenderedCitations } from '../core';
import { CITATIONS_REQUEST, type CitationsRequestParams } from '../protocol/requests';

/**
 * Rendered citations for VS Code's Markdown preview, fetched from the language server per
 * document version. The preview parses synchronously, so a lookup answers from this cache and, when
 * the document has moved on, fetches the new rendering and refreshes the preview once it arrives.
 */
export class PreviewCitations {
  private readonly cache = new Map<string, { version: number; rendered: RenderedCitations }>();
  private readonly fetching = new Set<string>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The citations of the open brief whose text this is (see CitationsLookup). */
  readonly lookup = (source: string): RenderedCitations | undefined => {
    const document = vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText() === source);
    if (!document) return undefined;
    const uri = document.uri.toString();
    const cached = this.cache.get(uri);
    if (cached?.version !== document.version) void this.fetch(uri, document.version);
    return cached?.rendered;
  };

  private async fetch(uri: string, version: number): Promise<void> {
    const key = `${uri}#${version}`;
    const client = this.client();
    if (!client || this.fetching.has(key)) return;
    this.fetching.add(key);
    try {
      const params: CitationsRequestParams = { uri };
      const rendered = await client.sendRequest<RenderedCitations | null>(CITATIONS_REQUEST, params);
      if (!rendered) return;
      const previous = this.cache.get(uri);
      this.cache.set(uri, { version, rendered });
      // Re-parses the previews (the refresh command clears the preview's token cache), unless what
      // they show is already right: typing that changes no citation causes no second render.
      if (JSON.stringify(previous?.rendered) !== JSON.stringify(rendered)) await vscode.commands.executeCommand('markdown.preview.refresh');
    } catch {
      // The server is restarting or the brief closed: the preview keeps showing citations as written.
    } finally {
      this.fetching.delete(key);
    }
  }

  /**
   * The brief's problems changed without an edit (a bibliography file changed on disk, the server
   * restarted): ask again, and refresh the preview if the citations render differently now.
   */
  recheck(uri: string): void {
    const cached = this.cache.get(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (cached && document && cached.version === document.version) void this.fetch(uri, document.version);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** After a settings change (style, locale, bibliography files): render every brief again. */
  forgetAll(): void {
    this.cache.clear();
    void vscode.commands.executeCommand('markdown.preview.refresh');
  }
}
