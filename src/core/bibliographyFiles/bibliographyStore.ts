import type { BriefDocument } from '../document';
import type { UnreadFile } from '../host';
import type { Range } from '../types';
import { foldForComparison } from '../references/referenceParser';
import type { BibliographyFileEntry, ParsedBibliographyFile } from './bibliographyFile';
import type { Project } from './projectFiles';

/** A bibliography file as last read: parsed, or missing (`parsed` undefined). */
export interface LoadedFile {
  uri: string;
  text: string | undefined;
  parsed: ParsedBibliographyFile | undefined;
  /** True when the host would not let the brief read it (outside the workspace); it was not read. */
  refused: boolean;
  /** Why the host would not read it, when it is no regular file or too large: "is not a regular file (it is a pipe)". */
  unread?: string;
}

/** An entry with its words folded once, so completion over 10,000 entries stays fast. */
export interface SearchableEntry {
  entry: BibliographyFileEntry;
  key: string;
  families: string[];
  titleWords: string[];
  year: string;
}

function searchable(entry: BibliographyFileEntry): SearchableEntry {
  const item = entry.item;
  return {
    entry,
    key: foldForComparison(entry.key),
    families: (item.author ?? item.editor ?? []).map((n) => foldForComparison(n.family ?? n.literal ?? '')).filter(Boolean),
    titleWords: foldForComparison(item.title ?? '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
    year: String(item.issued?.['date-parts']?.[0]?.[0] ?? ''),
  };
}

/** A bibliography file a document draws on, and the front-matter value that names it (none for the setting's files). */
export interface BibliographySource {
  uri: string;
  declared?: { value: string; range: Range };
  /** When the brief's project names it: the project file's URI (`…/_quarto.yml`), the path as written there, whether its build writes the file. */
  project?: { uri: string; value: string; writtenByBuild?: boolean };
}

/**
 * Where a document's bibliography files are: front matter paths relative to it, then its project's
 * files (Quarto, bookdown, Manubot), then the setting's files.
 */
export function bibliographySources(document: BriefDocument, fromSettings: readonly string[], project?: Project): BibliographySource[] {
  const sources: BibliographySource[] = [];
  for (const path of document.frontMatter?.bibliography ?? []) {
    try {
      sources.push({ uri: new URL(path.value, document.uri).href, declared: { value: path.value, range: path.range } });
    } catch {
      // An untitled document has no folder to resolve a relative path against.
    }
  }
  // A brief's own front matter overrides its project's, as in pandoc's metadata merge.
  if (sources.length === 0)
    for (const { uri, namedIn, writtenByBuild } of project?.bibliographies ?? []) sources.push({ uri, project: { ...namedIn, writtenByBuild } });
  for (const uri of fromSettings) if (!sources.some((s) => s.uri === uri)) sources.push({ uri });
  return sources;
}

/**
 * Bibliography files by URI, read through the host and parsed once per content. Loading is
 * asynchronous and happens before checks run, never inside a completion or hover request.
 */
export class BibliographyStore {
  private readonly files = new Map<string, LoadedFile>();
  private readonly stale = new Set<string>();
  private readonly loading = new Map<string, Promise<boolean>>();
  private readonly searchCache = new WeakMap<ParsedBibliographyFile, SearchableEntry[]>();

  constructor(
    private readonly readFile: (uri: string) => Promise<string | UnreadFile | undefined>,
    private readonly parse: (uri: string, text: string) => Promise<ParsedBibliographyFile>,
    private readonly mayRead: (uri: string) => boolean = () => true,
  ) {}

  /** Reads and parses `uri` unless loaded and unchanged; resolves to whether what is known changed. */
  load(uri: string): Promise<boolean> {
    if (this.files.has(uri) && !this.stale.has(uri)) return Promise.resolve(false);
    let pending = this.loading.get(uri);
    if (!pending) {
      pending = (async () => {
        const refused = !this.mayRead(uri);
        const read = refused ? undefined : await this.readFile(uri);
        const text = typeof read === 'string' ? read : undefined;
        const unread = typeof read === 'object' ? read.reason : undefined;
        const previous = this.files.get(uri);
        const unchanged = previous !== undefined && previous.text === text && previous.refused === refused && previous.unread === unread;
        if (!unchanged) this.files.set(uri, { uri, text, refused, unread, parsed: text === undefined ? undefined : await this.parse(uri, text) });
        this.loading.delete(uri);
        this.stale.delete(uri);
        return !unchanged;
      })();
      this.loading.set(uri, pending);
    }
    return pending;
  }

  /** Marks a file for reading again (it changed on disk); its last content serves until then. */
  invalidate(uri: string): void {
    this.stale.add(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Drops a file no brief uses any more: its text and entries leave memory. */
  delete(uri: string): void {
    this.files.delete(uri);
    this.stale.delete(uri);
  }

  get(uri: string): LoadedFile | undefined {
    return this.files.get(uri);
  }

  searchable(file: ParsedBibliographyFile): SearchableEntry[] {
    let entries = this.searchCache.get(file);
    if (!entries) {
      entries = file.entries.map(searchable);
      this.searchCache.set(file, entries);
    }
    return entries;
  }
}

/** The bibliography files one document draws on, as loaded now. */
export interface DocumentBibliography {
  sources: BibliographySource[];
  /** The Quarto, bookdown or Manubot project the brief is part of, if any. */
  project?: Project;
  /** Cross-reference labels the other Markdown files in the brief's folder define (chapters of one manuscript); undefined when not read. */
  folderLabels?: ReadonlySet<string>;
  files: Array<{ source: BibliographySource; file: LoadedFile | undefined }>;
  byKey: Map<string, BibliographyFileEntry>;
  entries: SearchableEntry[];
}
