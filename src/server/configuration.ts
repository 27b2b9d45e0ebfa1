import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_OPTIONS, type BriefOptions } from '../core';
import { allowsOutsideWorkspace, bibliographyPatterns, styleFilePath, toBriefOptions, type BriefKitSettings } from './settings';
import { resolveBibliographyPatterns } from './workspaceFiles';

/** The settings of each brief, read from the client and converted to core options once. */
export class Configuration {
  /** Whether the client answers workspace/configuration; without it every brief has the defaults. */
  supported = false;
  workspaceFolders: string[] = [];
  /** Setting briefkit.allowBibliographyOutsideWorkspace: front matter may name files outside the workspace. */
  allowOutsideWorkspace = false;
  private readonly optionsByUri = new Map<string, BriefOptions>();

  constructor(private readonly connection: Connection) {}

  optionsFor(uri: string): BriefOptions {
    return this.optionsByUri.get(uri) ?? DEFAULT_OPTIONS;
  }

  isLoaded(uri: string): boolean {
    return this.optionsByUri.has(uri);
  }

  async load(uri: string): Promise<void> {
    if (!this.supported) return;
    const settings = (await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'briefkit' })) as BriefKitSettings | null;
    const bibliographyFiles = await resolveBibliographyPatterns(bibliographyPatterns(settings), this.workspaceFolders);
    const styleFile = styleFilePath(settings);
    const [styleFileUri] = styleFile ? await resolveBibliographyPatterns([styleFile], this.workspaceFolders.slice(0, 1)) : [];
    this.optionsByUri.set(uri, toBriefOptions(settings, bibliographyFiles, styleFileUri));
    this.allowOutsideWorkspace = allowsOutsideWorkspace(settings);
  }

  forget(uri: string): void {
    this.optionsByUri.delete(uri);
  }

  clear(): void {
    this.optionsByUri.clear();
  }
}
