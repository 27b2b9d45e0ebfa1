import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenderedCitations } from '../core/sources/citationRendering';
import { CITATIONS_REQUEST, type CitationsRequestParams } from '../server/commands';

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
      this.cache.set(uri, { version, rendered });
      // Re-parses the previews (the refresh command clears the preview's token cache).
      await vscode.commands.executeCommand('markdown.preview.refresh');
    } catch {
      // The server is restarting or the brief closed: the preview keeps showing citations as written.
    } finally {
      this.fetching.delete(key);
    }
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
