import type { BibliographyEntry, BriefDocument, FootnoteDefinition } from '../document';
import type { CslItem } from '@citation-js/core';
import { foldForComparison, isCorporateAuthor, normalizeTitle, normalizeUrl, parseReference, type FieldSpan, type ParsedReference } from './referenceParser';

/** A parsed reference and the document offset its field spans are relative to. */
export interface LocatedReference {
  reference: ParsedReference;
  offset: number;
}

export interface NoteSource extends LocatedReference {
  definition: FootnoteDefinition;
}

export interface EntrySource extends LocatedReference {
  entry: BibliographyEntry;
}

/** True when the text reads like a reference, not commentary or "Ibid.". */
export function isSource(reference: ParsedReference): boolean {
  if (reference.isIbid) return false;
  return reference.url !== undefined || reference.title !== undefined || (reference.familyNames.length > 0 && reference.year !== undefined);
}

function sameWork(a: ParsedReference, b: ParsedReference): 'url' | 'title' | 'authors-year' | undefined {
  if (a.doi && b.doi && a.doi === b.doi) return 'url';
  if (a.url && b.url && normalizeUrl(a.url.text) === normalizeUrl(b.url.text)) return 'url';
  if (a.title && b.title) {
    const ta = normalizeTitle(a.title.text);
    const tb = normalizeTitle(b.title.text);
    const firstAuthorsAgree = a.familyNames.length === 0 || b.familyNames.length === 0 || a.familyNames[0] === b.familyNames[0];
    // A shortened note ("Okafor, “Storm Outages,” 41.") names the start of the title.
    const shortened = (x: string, y: string) => x.split(' ').length >= 2 && y.startsWith(`${x} `);
    if (firstAuthorsAgree && (ta === tb || shortened(ta, tb) || shortened(tb, ta))) return 'title';
  }
  if (!a.title || !b.title) {
    if (a.familyNames[0] && a.familyNames[0] === b.familyNames[0] && a.year && b.year && a.year.text === b.year.text) return 'authors-year';
  }
  return undefined;
}

/**
 * The sources of one document version: footnotes and Bibliography-section entries, parsed,
 * and each footnote matched to the entry describing the same work (same URL or DOI; else the
 * same title; else the same first author and year).
 */
export class SourceIndex {
  readonly notes: NoteSource[];
  readonly entries: EntrySource[];
  private readonly matches = new Map<NoteSource, EntrySource>();

  private static readonly cache = new WeakMap<BriefDocument, SourceIndex>();

  static of(document: BriefDocument): SourceIndex {
    let index = SourceIndex.cache.get(document);
    if (!index) {
      index = new SourceIndex(document);
      SourceIndex.cache.set(document, index);
    }
    return index;
  }

  private constructor(readonly document: BriefDocument) {
    this.notes = document.footnoteDefinitions.map((definition) => ({
      definition,
      reference: parseReference(definition.content),
      offset: definition.contentStart,
    }));
    this.entries = (document.bibliography?.entries ?? []).map((entry) => ({
      entry,
      reference: parseReference(document.text.slice(entry.start, entry.end)),
      offset: entry.start,
    }));
    for (const note of this.notes) {
      if (!isSource(note.reference)) continue;
      const match = this.findEntry(note.reference);
      if (match) this.matches.set(note, match);
    }
  }

  findEntry(reference: ParsedReference): EntrySource | undefined {
    const ranked = (['url', 'title', 'authors-year'] as const).map((kind) => this.entries.filter((e) => sameWork(reference, e.reference) === kind));
    for (const candidates of ranked) {
      if (candidates.length >= 1 && (candidates.length === 1 || candidates !== ranked[2])) return candidates[0];
    }
    return undefined;
  }

  entryFor(note: NoteSource): EntrySource | undefined {
    return this.matches.get(note);
  }

  notesFor(entry: EntrySource): NoteSource[] {
    return this.notes.filter((note) => this.matches.get(note) === entry);
  }

  /** Two entries describing the same work. */
  static sameWork(a: ParsedReference, b: ParsedReference): boolean {
    if (sameWork(a, b) === 'url') return true;
    return a.title !== undefined && b.title !== undefined && normalizeTitle(a.title.text) === normalizeTitle(b.title.text) && a.familyNames.join() === b.familyNames.join();
  }
}

/** A field span as document offsets. */
export function fieldOffsets(located: LocatedReference, field: FieldSpan): { start: number; end: number } {
  return { start: located.offset + field.start, end: located.offset + field.end };
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/** Alphabetical key: first author's family name (an organisation's full name), else the title without quotes or a leading article. */
export function sortKey(reference: ParsedReference): string {
  const authors = reference.authors?.text;
  if (authors && reference.familyNames.length > 0) {
    return isCorporateAuthor(authors) ? normalizeTitle(authors).replace(LEADING_ARTICLE, '') : reference.familyNames[0];
  }
  if (reference.title) return normalizeTitle(reference.title.text).replace(LEADING_ARTICLE, '');
  return normalizeTitle(reference.raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')).replace(LEADING_ARTICLE, '');
}

/** A bibliography-file entry in the parsed-reference shape, so it can be matched to Bibliography-section entries. */
export function referenceFromCsl(item: CslItem): ParsedReference {
  const field = (text: string | undefined): FieldSpan | undefined => (text ? { text, start: 0, end: 0 } : undefined);
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return {
    raw: item.title ?? item.id,
    familyNames: (item.author ?? item.editor ?? []).map((n) => foldForComparison(n.family ?? n.literal ?? '')).filter(Boolean),
    title: field(item.title),
    url: field(item.URL),
    doi: item.DOI?.toLowerCase(),
    year: field(year === undefined ? undefined : String(year)),
    noDate: year === undefined,
    isIbid: false,
  };
}
