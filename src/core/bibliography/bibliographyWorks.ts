import type { CslItem } from '@citation-js/core';
import type { BriefDocument } from '../document';
import type { Range, Span } from '../types';
import type { DocumentBibliography } from '../bibliographyFiles/bibliographyStore';
import { authorGroups, isCorporateAuthor, type ParsedReference } from '../references/referenceParser';
import { isSource, referenceFromCsl, SourceIndex } from '../references/sourceIndex';

/** Where a work is cited: a footnote that gives it, or a `[@key]` citation. */
export type CitedAt = { kind: 'footnote'; label: string; range: Range } | { kind: 'citation'; key: string; range: Range };

/** One work the brief draws on, as CSL-JSON, with every place that cites it. */
export interface BibliographyWork {
  id: string;
  item: CslItem;
  citedAt: CitedAt[];
  /** Where it is first cited (or listed), for ordering by first citation. */
  firstOffset: number;
  /** Spans of the brief that give it (its notes, Bibliography entries and citation keys), for matching problems to it. */
  origins: Array<Span>;
  /** Its Bibliography section entries, whose text BriefKit keeps when it cannot read all of it. */
  entries: Array<Span & { text: string }>;
  /**
   * The note or entry as the writer wrote it (Markdown, on one line), when BriefKit cannot read it
   * with confidence: shown as written rather than as a style would mangle it ("New York : W.").
   */
  asWritten?: string;
}

type Name = NonNullable<CslItem['author']>[number];

/** "Guinto, Joel, Kelly Ng, and Jake Kwon" → Guinto/Joel, Ng/Kelly, Kwon/Jake; an organisation stays whole. */
function namesOf(authors: string): Name[] {
  const { cleaned, groups } = authorGroups(authors);
  if (!cleaned) return [];
  if (isCorporateAuthor(cleaned)) return [{ literal: cleaned }];
  const names: Name[] = [];
  groups.forEach((pieces, groupIndex) => {
    let i = 0;
    if (pieces.length >= 2 && (groupIndex === 0 || pieces.length === 2)) {
      names.push({ family: pieces[0], given: pieces[1] });
      i = 2;
    }
    for (; i < pieces.length; i++) {
      const words = pieces[i].split(' ');
      names.push(words.length > 1 ? { family: words[words.length - 1], given: words.slice(0, -1).join(' ') } : { family: words[0] });
    }
  });
  return names;
}

/**
 * Whether a reference was read well enough to write it in a style: its title was found (quoted,
 * italic or a link's text) and its authors read as names, not as a publisher's city or a sentence.
 */
export function readWithConfidence(reference: ParsedReference): boolean {
  if (!reference.title) return false;
  const names = reference.authors ? namesOf(reference.authors.text) : [];
  return names.every(
    (name) =>
      name.literal !== undefined ||
      ((name.family ?? '').split(' ').length <= 3 && (name.given ?? '').split(' ').length <= 4 && /^\p{Lu}/u.test(name.family ?? '')),
  );
}

/** A reference read from a note or a Bibliography entry, as CSL-JSON; unread text stays in `note`. */
export function cslFromReference(reference: ParsedReference, id: string): CslItem {
  const names = reference.authors ? namesOf(reference.authors.text) : [];
  // News and web sources read best as newspaper articles when a publication is named; with no
  // author, as web pages, which Chicago starts with the title ("“Ukraine War …” BBC."), where a
  // newspaper article would put the publication in the author's place, in italics.
  const type = reference.container ? (names.length > 0 ? 'article-newspaper' : 'webpage') : reference.url ? 'webpage' : 'article';
  const item: CslItem = { id, type };
  if (reference.title) item.title = reference.title.text;
  else item.title = reference.raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
  if (names.length > 0) item.author = names;
  if (reference.year) item.issued = { 'date-parts': [[Number(reference.year.text)]] };
  if (reference.accessedIso) item.accessed = { 'date-parts': [reference.accessedIso.split('-').map(Number)] };
  if (reference.container) item['container-title'] = reference.container.text.replace(/[*_]/g, '');
  if (reference.doi) item.DOI = reference.doi;
  if (reference.url) item.URL = reference.url.text;
  return item;
}

function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * Every work the brief cites: bibliography-file entries its `[@key]` citations name, the
 * sources its footnotes give, and the entries of its Bibliography section, each work once.
 */
export function bibliographyWorks(document: BriefDocument, bibliography: DocumentBibliography): BibliographyWork[] {
  const works: BibliographyWork[] = [];
  const byIdentity = new Map<string, BibliographyWork>();
  const add = (item: CslItem, reference: ParsedReference, origin: Span, offset: number, cited?: CitedAt) => {
    const { identity, lookup } = SourceIndex.identityKeys(reference);
    let work = lookup.map((k) => byIdentity.get(k)).find((w) => w !== undefined);
    if (!work) {
      work = { id: item.id, item, citedAt: [], firstOffset: offset, origins: [], entries: [] };
      works.push(work);
    }
    for (const k of identity) byIdentity.set(k, work);
    if (cited) work.citedAt.push(cited);
    work.origins.push(origin);
    work.firstOffset = Math.min(work.firstOffset, offset);
    return work;
  };
  for (const citation of document.citations) {
    for (const key of citation.items) {
      const entry = bibliography.byKey.get(key.key);
      if (entry) add(entry.item, referenceFromCsl(entry.item), key, key.start, { kind: 'citation', key: key.key, range: key.range });
    }
  }
  const index = SourceIndex.of(document);
  const firstMarker = new Map<string, number>();
  for (const ref of document.footnoteReferences) if (!firstMarker.has(ref.key)) firstMarker.set(ref.key, ref.start);
  for (const note of index.notes) {
    if (!isSource(note.reference)) continue;
    const entry = index.entryFor(note);
    const source = entry ? entry.reference : note.reference;
    const work = add(
      cslFromReference(source, `note-${note.definition.label}`),
      source,
      note.definition,
      firstMarker.get(note.definition.key) ?? note.definition.start,
      {
        kind: 'footnote',
        label: note.definition.label,
        range: document.footnoteReferences.find((r) => r.key === note.definition.key)?.range ?? note.definition.labelRange,
      },
    );
    if (!entry && !readWithConfidence(source) && work.asWritten === undefined) work.asWritten = oneLine(note.definition.content);
  }
  index.entries.forEach((entry, i) => {
    const work = add(cslFromReference(entry.reference, `entry-${i + 1}`), entry.reference, entry.entry, entry.entry.start);
    const text = oneLine(document.text.slice(entry.entry.start, entry.entry.end).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
    work.entries.push({ start: entry.entry.start, end: entry.entry.end, text });
    // The writer's own entry is the better copy of a work neither it nor its note could be read from.
    if (!readWithConfidence(entry.reference)) work.asWritten = text;
  });
  return works;
}
