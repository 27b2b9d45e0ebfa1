import { perDocument, type BibliographyEntry, type BriefDocument, type FootnoteDefinition } from '../document';
import type { CslItem } from '@citation-js/core';
import { foldForComparison, isCorporateAuthor, normalizeTitle, normalizeUrl, parseReference, type FieldSpan, type ParsedReference } from './referenceParser';
import type { Span } from '../types';
import { RecentCache } from '../text/recentCache';

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

/**
 * The entries of the Bibliography section that read like references. Prose under a References
 * heading ("You should include a div with id #refs…") is not an entry; a section that is mostly
 * prose is documentation, not a Bibliography, and has no entries.
 */
function bibliographyEntries(document: BriefDocument): EntrySource[] {
  const all = (document.bibliography?.entries ?? []).map((entry) => ({
    entry,
    reference: parseCached(entry.source),
    offset: entry.start,
  }));
  const sources = all.filter((e) => isSource(e.reference));
  return sources.length * 2 < all.length ? [] : sources;
}

/** What identifies a work, normalised once per reference: comparisons then cost a string compare. */
interface WorkKeys {
  doi?: string;
  url?: string;
  title?: string;
  firstFamily?: string;
  families: string;
  year?: string;
  /** Keys this reference is found under, as a possible first copy of a work. */
  identity: string[];
  /** Keys under which a first copy of this reference would be found. */
  lookup: string[];
}

/**
 * Keys that find a work however its entry is written: the same DOI, address, or title and authors;
 * and a title shortened to what comes before its colon ("Border Report" for "Border Report:
 * Migration on the Eastern Frontier"), same authors and year. Two titles that both go on after the
 * colon ("World Economic Outlook: April 2023", "…: October 2023") are different works: a subtitled
 * title is found only by the bare one, so `whole:` and `bare:` keys go one way each.
 */
function identityKeys(
  doi: string | undefined,
  url: string | undefined,
  title: string | undefined,
  rawTitle: string | undefined,
  families: string,
  year: string | undefined,
) {
  const exact = [doi && `doi:${doi}`, url && `url:${url}`, title && `title:${title}|${families}`].filter((k): k is string => Boolean(k));
  if (!title || !rawTitle || families === '' || !year) return { identity: exact, lookup: exact };
  const colon = rawTitle.indexOf(':');
  if (colon < 0)
    return {
      identity: [...exact, `whole:${title}|${families}|${year}`, `bare:${title}|${families}|${year}`],
      lookup: [...exact, `bare:${title}|${families}|${year}`],
    };
  const bare = normalizeTitle(rawTitle.slice(0, colon));
  return { identity: [...exact, `bare:${bare}|${families}|${year}`], lookup: [...exact, `whole:${bare}|${families}|${year}`] };
}

const keysCache = new WeakMap<ParsedReference, WorkKeys>();

/** "s. v. “Headword”": the entry of a dictionary or directory a reference cites. */
const SUB_VERBO = /\bs\.\s?v\.\s*[“"]([^”"]{1,200})[”"]/;

function workKeys(reference: ParsedReference): WorkKeys {
  let keys = keysCache.get(reference);
  if (!keys) {
    const doi = reference.doi;
    // A site's home page ("english.victorianperiodicals.com") is where many works are: it names none of them.
    const address = reference.url ? normalizeUrl(reference.url.text) : undefined;
    const url = address?.includes('/') ? address : undefined;
    // An entry of a dictionary or directory ("*Waterloo Directory*, s. v. “Caledonian Mercury”") is that entry, not the whole work.
    const headword = reference.title ? SUB_VERBO.exec(reference.raw.slice(reference.title.end))?.[1] : undefined;
    const title = reference.title ? normalizeTitle(reference.title.text) + (headword ? ` s v ${normalizeTitle(headword)}` : '') : undefined;
    const families = reference.familyNames.join(',');
    keys = {
      doi,
      url,
      title,
      firstFamily: reference.familyNames[0],
      families,
      year: reference.year?.text,
      ...identityKeys(doi, url, title, reference.title?.text, families, reference.year?.text),
    };
    keysCache.set(reference, keys);
  }
  return keys;
}

/** A shortened note ("Okafor, “Storm Outages,” 41.") names the start of the title: see entryTitledLike. */
function authorsAgree(a: WorkKeys, b: WorkKeys): boolean {
  return a.firstFamily === undefined || b.firstFamily === undefined || a.firstFamily === b.firstFamily;
}

/** Notes and entries read as references, by text: a few open briefs' worth. */
const referenceCache = new RecentCache<ParsedReference>(5000);

/**
 * How much of a note or entry is read as a reference: far more than any citation, and a bound on
 * the work when notes nest (`[^1]:[^1]:…`, where each note's text runs to the end of the brief).
 */
const MAX_REFERENCE_LENGTH = 4000;

function parseCached(full: string): ParsedReference {
  const text = full.length > MAX_REFERENCE_LENGTH ? full.slice(0, MAX_REFERENCE_LENGTH) : full;
  return referenceCache.get(text, () => parseReference(text));
}

function push<K, V>(map: Map<K, V[]>, key: K | undefined, value: V): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Which Bibliography entry a reference describes, for one list of entry references (same URL or
 * DOI; else the same title; else the same first author and year). Lookups go through maps, so
 * matching 400 notes against 300 entries costs about as much as reading them; answers are kept,
 * and the matcher with them while an edit leaves the entries alone (a keystroke in the prose or a
 * note matches again only the note it changed).
 */
class EntryMatcher {
  private readonly byDoi = new Map<string, number[]>();
  private readonly byUrl = new Map<string, number[]>();
  private readonly byTitle = new Map<string, number[]>();
  private readonly byAuthorYear = new Map<string, number[]>();
  /** Entry titles in order, for finding the full title a shortened note names. */
  private readonly sortedTitles: Array<{ title: string; index: number }>;
  /** Entry index per reference asked about; -1: none. */
  private readonly answers = new WeakMap<ParsedReference, number>();

  constructor(readonly references: readonly ParsedReference[]) {
    references.forEach((reference, index) => {
      const keys = workKeys(reference);
      push(this.byDoi, keys.doi, index);
      push(this.byUrl, keys.url, index);
      push(this.byTitle, keys.title, index);
      if (keys.firstFamily && keys.year) push(this.byAuthorYear, `${keys.firstFamily}|${keys.year}`, index);
    });
    this.sortedTitles = references
      .map((reference, index) => ({ title: workKeys(reference).title ?? '', index }))
      .filter((t) => t.title !== '')
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  }

  /** Whether this matcher was built from exactly these references, in this order. */
  isFor(references: readonly ParsedReference[]): boolean {
    return references.length === this.references.length && references.every((reference, i) => reference === this.references[i]);
  }

  /** The index of the entry `reference` describes, or -1. */
  match(reference: ParsedReference): number {
    let answer = this.answers.get(reference);
    if (answer === undefined) {
      answer = this.find(reference);
      this.answers.set(reference, answer);
    }
    return answer;
  }

  private agrees(keys: WorkKeys, index: number): boolean {
    return authorsAgree(keys, workKeys(this.references[index]));
  }

  private find(reference: ParsedReference): number {
    const keys = workKeys(reference);
    const byDoi = keys.doi ? this.byDoi.get(keys.doi)?.[0] : undefined;
    if (byDoi !== undefined) return byDoi;
    const byUrl = keys.url ? this.byUrl.get(keys.url)?.[0] : undefined;
    if (byUrl !== undefined) return byUrl;
    if (keys.title) {
      const exact = this.byTitle.get(keys.title)?.find((index) => this.agrees(keys, index));
      if (exact !== undefined) return exact;
      const shortened = this.entryTitledLike(keys);
      if (shortened !== undefined) return shortened;
    }
    // First author and year only when one side has no title, and only when exactly one entry fits.
    if (keys.firstFamily && keys.year) {
      const candidates = (this.byAuthorYear.get(`${keys.firstFamily}|${keys.year}`) ?? []).filter((index) => !reference.title || !this.references[index].title);
      if (candidates.length === 1) return candidates[0];
    }
    return -1;
  }

  /** An entry whose title starts with this shortened title, or whose title this one starts with. */
  private entryTitledLike(keys: WorkKeys): number | undefined {
    const title = keys.title!;
    if (title.includes(' ')) {
      const prefix = `${title} `;
      let low = 0;
      let high = this.sortedTitles.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.sortedTitles[mid].title < prefix) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < this.sortedTitles.length && this.sortedTitles[i].title.startsWith(prefix); i++) {
        if (this.agrees(keys, this.sortedTitles[i].index)) return this.sortedTitles[i].index;
      }
    }
    const words = title.split(' ');
    for (let n = words.length - 1; n >= 2; n--) {
      const entry = this.byTitle.get(words.slice(0, n).join(' '))?.find((index) => this.agrees(keys, index));
      if (entry !== undefined) return entry;
    }
    return undefined;
  }
}

/** The matchers of the last few entry lists (a few open briefs, each edited in turn). */
const recentMatchers: EntryMatcher[] = [];
const KEPT_MATCHERS = 8;

function matcherFor(references: readonly ParsedReference[]): EntryMatcher {
  const found = recentMatchers.findIndex((matcher) => matcher.isFor(references));
  const matcher = found >= 0 ? recentMatchers.splice(found, 1)[0] : new EntryMatcher(references);
  recentMatchers.unshift(matcher);
  recentMatchers.length = Math.min(recentMatchers.length, KEPT_MATCHERS);
  return matcher;
}

/**
 * The sources of one document version: footnotes and Bibliography-section entries, parsed,
 * and each footnote matched to the entry describing the same work.
 */
export class SourceIndex {
  readonly notes: NoteSource[];
  readonly entries: EntrySource[];
  private readonly matcher: EntryMatcher;
  private readonly matches = new Map<NoteSource, EntrySource>();
  private readonly notesByEntry = new Map<EntrySource, NoteSource[]>();

  static readonly of = perDocument((document) => new SourceIndex(document));

  private constructor(readonly document: BriefDocument) {
    this.notes = document.footnoteDefinitions.map((definition) => ({
      definition,
      reference: parseCached(ownText(definition.content)),
      offset: definition.contentStart,
    }));
    this.entries = bibliographyEntries(document);
    this.matcher = matcherFor(this.entries.map((entry) => entry.reference));
    for (const note of this.notes) {
      if (!isSource(note.reference)) continue;
      const match = this.findEntry(note.reference);
      if (!match) continue;
      this.matches.set(note, match);
      push(this.notesByEntry, match, note);
    }
  }

  findEntry(reference: ParsedReference): EntrySource | undefined {
    const index = this.matcher.match(reference);
    return index < 0 ? undefined : this.entries[index];
  }

  entryFor(note: NoteSource): EntrySource | undefined {
    return this.matches.get(note);
  }

  notesFor(entry: EntrySource): readonly NoteSource[] {
    return this.notesByEntry.get(entry) ?? [];
  }

  /** Two references describing the same work: same DOI or URL, or the same title and authors. */
  static sameWork(a: ParsedReference, b: ParsedReference): boolean {
    const x = workKeys(a);
    const y = workKeys(b);
    if ((x.doi && x.doi === y.doi) || (x.url && x.url === y.url)) return true;
    return x.title !== undefined && x.title === y.title && x.families === y.families;
  }

  /** Keys a reference is kept under, and the keys under which an earlier copy of its work would be found. */
  static identityKeys(reference: ParsedReference): { identity: readonly string[]; lookup: readonly string[] } {
    return workKeys(reference);
  }
}

/** Each item that describes the same work as an earlier one, paired with that first one. */
export function laterCopies<T>(items: readonly T[], referenceOf: (item: T) => ParsedReference): Array<[T, T]> {
  const seen = new Map<string, T>();
  const pairs: Array<[T, T]> = [];
  for (const item of items) {
    const { identity, lookup } = SourceIndex.identityKeys(referenceOf(item));
    const first = lookup.map((k) => seen.get(k)).find((e) => e !== undefined);
    if (first !== undefined) pairs.push([item, first]);
    else for (const k of identity) seen.set(k, item);
  }
  return pairs;
}

/** A line that starts with a note's label, written without its colon (`[^24] “How …”`): the next note, not more of this one. */
const NEXT_NOTE_LINE = /\r?\n {0,3}\[\^[^\]\s]+\][ \t]/;

/** A note's own text: where notes written without their colon run on into it as lazy lines, up to the first of them. */
function ownText(content: string): string {
  const next = NEXT_NOTE_LINE.exec(content);
  return next ? content.slice(0, next.index) : content;
}

/** A field span as document offsets. */
export function fieldOffsets(located: LocatedReference, field: FieldSpan): Span {
  return { start: located.offset + field.start, end: located.offset + field.end };
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/** The list marker an entry starts with (`-`, `*`, `+`, `1.`, `1)`): group 1. */
export const LIST_MARKER = /^\s*([-*+]|\d+[.)])\s+/;

/** "———. 1976. …": Chicago's mark for the same author as the entry above, which sorts with it. */
export const SAME_AUTHOR = /^\s*(?:(?:[-*+]|\d+[.)])\s*)?(?:—{2,}|-{3,}|_{3,})/;

/**
 * The keys a reader may sort an entry under: its sortKey, and for a first author written without a
 * comma that is not plainly an organisation ("Viola Franziska Müller" or "United States Congress"?),
 * the last word's too, since nothing in the writing tells a person from an organisation.
 */
export function sortKeys(reference: ParsedReference): string[] {
  const key = sortKey(reference);
  const authors = reference.authors?.text;
  const uninverted = authors !== undefined && reference.familyNames.length > 0 && !authors.includes(',') && !isCorporateAuthor(authors);
  return uninverted && reference.familyNames[0] !== key ? [key, reference.familyNames[0]] : [key];
}

/** Alphabetical key: first author's family name (an organisation's full name), else the title without quotes or a leading article. */
export function sortKey(reference: ParsedReference): string {
  const authors = reference.authors?.text;
  if (authors && reference.familyNames.length > 0) {
    // A Bibliography inverts a person's name ("Okafor, Ada"); a first author written without a comma is an
    // organisation or a place ("United States Congress", "Maryland. Baltimore City"), sorted by its full name.
    const organisation = isCorporateAuthor(authors) || !authors.includes(',');
    return organisation ? normalizeTitle(authors).replace(LEADING_ARTICLE, '') : reference.familyNames[0];
  }
  if (reference.title) return normalizeTitle(reference.title.text).replace(LEADING_ARTICLE, '');
  return normalizeTitle(reference.raw.replace(LIST_MARKER, '')).replace(LEADING_ARTICLE, '');
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
