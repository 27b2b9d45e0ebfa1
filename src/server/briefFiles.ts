import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import type { BriefService } from '../core';
import type { Configuration } from './configuration';
import { toLspDiagnostic } from './lspShapes';
import { MARKDOWN_FILE } from '../node/listFolder';
import { FileWatcher } from './workspaceFiles';

/**
 * What a brief draws on besides its text: its options (with the workspace's not-claims list), the
 * bibliography, .csl and project files and the chapters beside it, read once and watched for changes on disk.
 */
export class BriefFiles {
  private readonly bibliographyWatcher: FileWatcher;
  /** A not-claims list edited by hand (or by another window) changes every brief's options. */
  private readonly notClaimsWatcher: FileWatcher;
  /** Bibliography files whose problems are shown, so a fixed file gets its problems cleared. */
  private readonly publishedBibliographies = new Set<string>();
  /** The not-claims list each open brief's options came with, so a closed brief's watch can go. */
  private readonly notClaimsFileOf = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly service: BriefService,
    private readonly configuration: Configuration,
    revalidateAll: () => void,
  ) {
    this.bibliographyWatcher = new FileWatcher((uri) => {
      service.bibliographyChanged(uri);
      revalidateAll();
    }, MARKDOWN_FILE);
    this.notClaimsWatcher = new FileWatcher(() => {
      configuration.clear();
      revalidateAll();
    });
  }

  /** The brief with its options and files loaded (undefined stays undefined: the brief is not open). */
  async prepared(document: TextDocument | undefined): Promise<TextDocument | undefined> {
    if (document) await this.load(document);
    return document;
  }

  /** Loads a brief's settings and files; a cancelled `token` (a newer version came) stops its parse. */
  async load(document: TextDocument, token?: CancellationToken): Promise<void> {
    const { configuration, service } = this;
    if (!configuration.isLoaded(document.uri)) {
      await configuration.load(document.uri);
      if (document.uri.startsWith('file:')) {
        const notClaimsFile = pathToFileURL(configuration.notClaimsFileFor(document.uri)).href;
        this.notClaimsFileOf.set(document.uri, notClaimsFile);
        this.notClaimsWatcher.watch([notClaimsFile]);
      }
    }
    if (await service.loadBibliographies(document, token)) {
      this.bibliographyWatcher.watch(this.watchedFiles());
      await this.publishBibliographyProblems();
    }
  }

  private async publishBibliographyProblems(): Promise<void> {
    for (const uri of this.service.loadedBibliographyFiles()) {
      const diagnostics = this.service.getBibliographyFileDiagnostics(uri);
      if (diagnostics.length === 0 && !this.publishedBibliographies.has(uri)) continue;
      if (diagnostics.length > 0) this.publishedBibliographies.add(uri);
      else this.publishedBibliographies.delete(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic) });
    }
  }

  /**
   * A brief was closed and the core let go of the files no open brief uses: their watches go too,
   * and so does its not-claims list's when no open brief has it (a brief outside the workspace has
   * its own folder's, so each folder a brief was ever opened in kept one).
   */
  forgotten(briefUri: string): void {
    this.notClaimsFileOf.delete(briefUri);
    this.notClaimsWatcher.retain([...this.notClaimsFileOf.values()]);
    this.bibliographyWatcher.retain(this.watchedFiles());
  }

  private watchedFiles(): string[] {
    const { service } = this;
    return [...service.loadedBibliographyFiles(), ...service.loadedStyleFiles(), ...service.loadedProjectFiles()];
  }

  dispose(): void {
    this.bibliographyWatcher.dispose();
    this.notClaimsWatcher.dispose();
  }
}
