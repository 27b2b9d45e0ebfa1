import type { CslItem } from '@citation-js/core';
import { bibliographyWorks, type BibliographyWork } from './bibliography/bibliographyWorks';
import { chicagoNote } from './references/chicagoNote';
import { renderReference } from './bibliography/cslStyles';
import { renderedEntryText } from './bibliography/bibliographyOutput';
import { availableStyles, chooseStyle, styleFileUris, type StyleChoice } from './bibliography/styleChoice';
import { crossrefLabels, type BriefDocument } from './document';
import { parseBibliographyFile, type BibliographyFileEntry, type ParsedBibliographyFile } from './bibliographyFiles/bibliographyFile';
import { BibliographyStore, bibliographySources, type DocumentBibliography } from './bibliographyFiles/bibliographyStore';
import { bibliographyFileDiagnostics } from './features/bibliography/bibliographyFileChecks';
import { unreadFileMessage, type BriefHost, type FileKind, type UnreadFile } from './host';
import { findProject, type Project } from './bibliographyFiles/projectFiles';
import type { BriefDiagnostic } from './types';

/** A line of a CSL item's note in which Manubot keeps the key the manuscript cites it by. */
const MANUBOT_STANDARD_ID = /^standard_id:\s*(\S+)\s*$/m;
/** Each entry's Manubot key, read once: entries outlive the brief's versions, which each build the key map again. */
const manubotKeys = new WeakMap<BibliographyFileEntry, string | null>();

/** Manubot cites an item of manual-references.json by the `standard_id` in its note ("standard_id: Arthur2007"), not by its id. */
function manubotKey(entry: BibliographyFileEntry): string | undefined {
  let key = manubotKeys.get(entry);
  if (key === undefined) {
    key = MANUBOT_STANDARD_ID.exec(typeof entry.item.note === 'string' ? entry.item.note : '')?.[1] ?? null;
    manubotKeys.set(entry, key);
  }
  return key ?? undefined;
}

/**
 * The bibliography files and .csl styles briefs draw on, loaded through the host, and what is
 * built from them per document version (the entries by key, the works cited). `generation`
 * counts loads that changed something, so caches built before a load are not used after it.
 */
export class BibliographyContext {
  private readonly store: BibliographyStore;
  /** .csl files from front matter or the setting, by URI: read with the bibliographies, never on a request. */
  readonly styleFiles = new Map<string, string | undefined>();
  /** Why the host would not read a .csl file among them, by URI ("is not a regular file (it is a pipe)"). */
  readonly unreadStyleFiles = new Map<string, string>();
  private readonly perDocument = new WeakMap<BriefDocument, { generation: number; bibliography: DocumentBibliography }>();
  private readonly worksCache = new WeakMap<DocumentBibliography, BibliographyWork[]>();
  /** Each brief's project, found at its first load. */
  private readonly projects = new Map<string, Project | undefined>();
  /** Cross-reference labels of the Markdown files in each folder, read when a brief there has cross-references. */
  private readonly folderLabels = new Map<string, Promise<Set<string>>>();
  private readonly documentFolderLabels = new Map<string, Set<string>>();
  /** The bibliography and .csl files each brief drew on at its last load, so a closed brief's files can be let go. */
  private readonly filesOf = new Map<string, Set<string>>();
  /** Project files read so far, by URI (undefined: no such file). */
  private readonly projectFiles = new Map<string, Promise<string | undefined>>();
  /** The project files each brief's project was looked for in, so a closed brief's can be let go. */
  private readonly projectFilesOf = new Map<string, Set<string>>();
  generation = 0;

  constructor(private readonly host: BriefHost) {
    this.store = new BibliographyStore(
      (uri) => this.read(uri, 'bibliography'),
      (uri, text) => this.parse(uri, text),
      (uri) => host.mayRead?.(uri) ?? true,
    );
  }

  /** A file through the host; one it would not read is logged with why, as the front matter may not name it. */
  private async read(uri: string, kind: FileKind): Promise<string | UnreadFile | undefined> {
    const read = await this.host.readFile(uri, kind);
    if (typeof read === 'object') this.host.logger.warn(unreadFileMessage(read));
    return read;
  }

  private async parse(uri: string, text: string): Promise<ParsedBibliographyFile> {
    if (!this.host.parseBibliography) return parseBibliographyFile(uri, text);
    try {
      return await this.host.parseBibliography(uri, text);
    } catch (error) {
      this.host.logger.warn(`Reading ${uri} in the background failed (${(error as Error).message}); reading it here instead.`);
      return parseBibliographyFile(uri, text);
    }
  }

  /** The bibliography files a document draws on, as loaded now (never waits for a file). */
  forDocument(document: BriefDocument): DocumentBibliography {
    const cached = this.perDocument.get(document);
    if (cached && cached.generation === this.generation) return cached.bibliography;
    const project = this.projects.get(document.uri);
    const sources = bibliographySources(document, this.host.getOptions(document.uri).bibliographyFiles, project);
    const files = sources.map((source) => ({ source, file: this.store.get(source.uri) }));
    const byKey = new Map<string, BibliographyFileEntry>();
    const entries = [];
    for (const { file } of files) {
      if (!file?.parsed) continue;
      for (const entry of file.parsed.entries) {
        if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
        const standardId = manubotKey(entry);
        if (standardId && !byKey.has(standardId)) byKey.set(standardId, entry);
      }
      entries.push(...this.store.searchable(file.parsed));
    }
    const bibliography = { sources, project, files, byKey, entries, folderLabels: this.documentFolderLabels.get(document.uri) };
    this.perDocument.set(document, { generation: this.generation, bibliography });
    return bibliography;
  }

  /** Every work a document version cites, built once for the panel, the Markdown preview and the exports. */
  works(document: BriefDocument): BibliographyWork[] {
    const bibliography = this.forDocument(document);
    let works = this.worksCache.get(bibliography);
    if (!works) this.worksCache.set(bibliography, (works = bibliographyWorks(document, bibliography)));
    return works;
  }

  /** Formats a reference in the brief's style (front matter `csl:`, else the setting), or as a Chicago note. */
  referenceRenderer(document: BriefDocument): (item: CslItem) => string {
    const style = this.style(document);
    return (item) => {
      try {
        // A .csl file is the writer's own, and citeproc may run long on it: the entry comes from
        // the rendering of all the works, which the server has done in its worker thread (purpose 'hover').
        if (style.definition !== undefined) {
          return (
            renderedEntryText(this.works(document), { style: style.id, customDefinition: style.definition, lang: style.lang }, item.id) ?? chicagoNote(item)
          );
        }
        return renderReference(item, style.id, style.lang);
      } catch {
        // A broken .csl file: fall back to a Chicago note.
        return chicagoNote(item);
      }
    };
  }

  style(document: BriefDocument, picked?: string): StyleChoice {
    return chooseStyle(document, this.host.getOptions(document.uri), this.styleFiles, picked);
  }

  availableStyles(document: BriefDocument): Array<{ id: string; title: string }> {
    return availableStyles(document, this.host.getOptions(document.uri), this.styleFiles);
  }

  /** Reads the bibliography and style files a brief draws on; resolves to whether anything changed. */
  async load(document: BriefDocument): Promise<boolean> {
    const options = this.host.getOptions(document.uri);
    // Looked for once per brief (and again after a project file changed): the files looked at are new to watch.
    const projectLookedFor = !this.projects.has(document.uri);
    if (projectLookedFor) this.projects.set(document.uri, await findProject(document.uri, (uri, kind) => this.readProjectFile(document.uri, uri, kind)));
    const sources = bibliographySources(document, options.bibliographyFiles, this.projects.get(document.uri));
    const labelsRead = await this.loadFolderLabels(document);
    const changed = (await Promise.all(sources.map((source) => this.store.load(source.uri)))).some(Boolean);
    let styleLoaded = false;
    for (const uri of styleFileUris(document, options)) {
      if (this.styleFiles.has(uri)) continue;
      const read = this.host.mayRead?.(uri) === false ? undefined : await this.read(uri, 'style');
      this.styleFiles.set(uri, typeof read === 'string' ? read : undefined);
      if (typeof read === 'object') this.unreadStyleFiles.set(uri, read.reason);
      styleLoaded = true;
    }
    this.filesOf.set(document.uri, new Set([...sources.map((source) => source.uri), ...styleFileUris(document, options)]));
    const anything = changed || styleLoaded || projectLookedFor || labelsRead;
    if (anything) this.generation++;
    return anything;
  }

  /**
   * A brief was closed: the bibliography and style files no open brief draws on leave memory (a
   * server that opened 3,000 briefs with files of their own kept every one).
   */
  forget(briefUri: string): void {
    const files = this.filesOf.get(briefUri);
    this.filesOf.delete(briefUri);
    this.projects.delete(briefUri);
    this.documentFolderLabels.delete(briefUri);
    this.forgetFolderOf(briefUri);
    if (!files) return;
    const stillUsed = new Set([...this.filesOf.values()].flatMap((uris) => [...uris]));
    for (const uri of files) {
      if (stillUsed.has(uri)) continue;
      this.store.delete(uri);
      this.styleFiles.delete(uri);
      this.unreadStyleFiles.delete(uri);
    }
  }

  /**
   * The labels the brief's sibling files define, once per folder, when the brief has cross-references.
   * The host reads a sibling only up to a chapter's size: a larger file beside the brief is no
   * chapter of it (a 219 MB one held up the check of a 3-line brief for 8 s), and is skipped.
   */
  private async loadFolderLabels(document: BriefDocument): Promise<boolean> {
    const list = this.host.listFolder;
    if (!list || this.documentFolderLabels.has(document.uri) || !document.citations.some((c) => c.items.some((i) => i.kind === 'crossref'))) return false;
    const folder = folderOf(document.uri);
    if (folder === undefined) return false;
    let labels = this.folderLabels.get(folder);
    if (!labels) {
      labels = (async () => {
        const found = new Set<string>();
        const uris = (await list.call(this.host, folder)).filter((uri) => uri !== document.uri && this.host.mayRead?.(uri) !== false).slice(0, 200);
        for (const uri of uris) {
          const text = await this.read(uri, 'chapter');
          if (typeof text === 'string') for (const label of crossrefLabels(text)) found.add(label);
        }
        return found;
      })();
      this.folderLabels.set(folder, labels);
    }
    this.documentFolderLabels.set(document.uri, await labels);
    return true;
  }

  /**
   * What was kept for a closed brief's folder and those above it, once no open brief draws on it:
   * the project files looked for there and the labels of its Markdown files (10,000 briefs closed
   * in as many folders kept 11 MiB more than in one folder).
   */
  private forgetFolderOf(briefUri: string): void {
    const lookedFor = this.projectFilesOf.get(briefUri) ?? [];
    this.projectFilesOf.delete(briefUri);
    const stillLookedFor = new Set([...this.projectFilesOf.values()].flatMap((uris) => [...uris]));
    for (const uri of lookedFor) if (!stillLookedFor.has(uri)) this.projectFiles.delete(uri);
    const folder = folderOf(briefUri);
    if (folder !== undefined && ![...this.filesOf.keys()].some((uri) => folderOf(uri) === folder)) this.folderLabels.delete(folder);
  }

  private readProjectFile(briefUri: string, uri: string, kind: FileKind): Promise<string | undefined> {
    let lookedFor = this.projectFilesOf.get(briefUri);
    if (!lookedFor) this.projectFilesOf.set(briefUri, (lookedFor = new Set()));
    lookedFor.add(uri);
    let text = this.projectFiles.get(uri);
    if (!text) {
      text =
        this.host.mayRead?.(uri) === false ? Promise.resolve(undefined) : this.read(uri, kind).then((read) => (typeof read === 'string' ? read : undefined));
      this.projectFiles.set(uri, text);
    }
    return text;
  }

  /**
   * A file briefs draw on changed on disk, was created or deleted: read it again at the next load.
   * A project file (`_quarto.yml`) makes every brief's project be found again; a file that is no
   * bibliography or .csl file may be a chapter beside briefs, whose folder's labels are read again.
   */
  changed(uri: string): void {
    const bibliographyOrStyle = this.store.get(uri) !== undefined || this.styleFiles.has(uri);
    this.store.invalidate(uri);
    this.styleFiles.delete(uri);
    this.unreadStyleFiles.delete(uri);
    if (this.projectFiles.delete(uri)) {
      this.projects.clear();
      this.generation++;
    }
    // index.Rmd is a project file and a chapter too.
    if (!bibliographyOrStyle) this.forgetFolderLabels(uri);
  }

  private forgetFolderLabels(fileUri: string): void {
    const folder = folderOf(fileUri);
    if (folder === undefined || !this.folderLabels.delete(folder)) return;
    for (const brief of this.documentFolderLabels.keys()) if (folderOf(brief) === folder) this.documentFolderLabels.delete(brief);
    this.generation++;
  }

  /**
   * The project files looked for (found or not: one created later counts) and the folders whose
   * Markdown files' labels were read (ending in "/"), for the host to watch.
   */
  loadedProjectFiles(): string[] {
    return [...[...this.projectFiles.keys()].filter((uri) => this.host.mayRead?.(uri) !== false), ...this.folderLabels.keys()];
  }

  fileDiagnostics(uri: string): BriefDiagnostic[] {
    const file = this.store.get(uri);
    return file ? bibliographyFileDiagnostics(file) : [];
  }

  loadedFiles(): string[] {
    return this.store.uris();
  }

  loadedStyleFiles(): string[] {
    return [...this.styleFiles.keys()];
  }
}

/** The folder of a file, as a URI ending in "/"; undefined for a URI with no folder (untitled). */
function folderOf(uri: string): string | undefined {
  try {
    return new URL('./', uri).href;
  } catch {
    return undefined;
  }
}
