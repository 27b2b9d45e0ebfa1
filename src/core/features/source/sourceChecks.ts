import type { BriefDocument } from '../../document';
import type { BriefDiagnostic, Span } from '../../types';
import { normalizeTitle, normalizeUrl, type FieldSpan, type ParsedReference } from '../../references/referenceParser';
import { fieldOffsets, isSource, SourceIndex, type EntrySource, type LocatedReference, type NoteSource } from '../../references/sourceIndex';
import { slugContradictsTitle } from './slugCheck';
import { describeSource, quoteShort } from '../../references/describeSource';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { replaceOffsets } from '../../edits';
import { finding, type Finding } from '../../feature';
import { appendEntry } from './sourceFixes';
import { citesOneWork } from '../../references/noteParts';

function rangeOf(document: BriefDocument, located: LocatedReference, field: FieldSpan | undefined, fallback: Span) {
  const offsets = field ? fieldOffsets(located, field) : fallback;
  return document.lines.rangeAt(offsets.start, offsets.end);
}

/** A field of a note and its matched entry that disagree. */
export interface FieldMismatch {
  field: 'URL' | 'title' | 'author' | 'year' | 'access date';
  note: NoteSource;
  entry: EntrySource;
  noteSpan: FieldSpan;
  entrySpan: FieldSpan;
}

export function findFieldMismatches(index: SourceIndex): FieldMismatch[] {
  const mismatches: FieldMismatch[] = [];
  for (const note of index.notes) {
    const entry = index.entryFor(note);
    // Only a note that cites one work (not two sources, not a comment): its fields are that work's.
    if (!entry || !citesOneWork(note.reference)) continue;
    const a = note.reference;
    const b = entry.reference;
    const push = (field: FieldMismatch['field'], x: FieldSpan | undefined, y: FieldSpan | undefined, differ: (x: string, y: string) => boolean) => {
      if (x && y && differ(x.text, y.text)) mismatches.push({ field, note, entry, noteSpan: x, entrySpan: y });
    };
    push('URL', a.url, b.url, (x, y) => normalizeUrl(x) !== normalizeUrl(y));
    // A shortened note title ("Storm Outages") is not a different title.
    push('title', a.title, b.title, (x, y) => {
      const [nx, ny] = [normalizeTitle(x), normalizeTitle(y)];
      return nx !== ny && !ny.startsWith(`${nx} `) && !nx.startsWith(`${ny} `);
    });
    if (a.familyNames.length > 0 && b.familyNames.length > 0 && !sameFamilyName(a.familyNames[0], b.familyNames[0]) && a.authors && b.authors) {
      mismatches.push({ field: 'author', note, entry, noteSpan: a.authors, entrySpan: b.authors });
    }
    push('year', a.year, b.year, (x, y) => x !== y);
    if (a.accessed && b.accessed && a.accessedIso !== b.accessedIso) {
      mismatches.push({ field: 'access date', note, entry, noteSpan: a.accessed, entrySpan: b.accessed });
    }
  }
  return mismatches;
}

/** "Hyning" (from "Victoria Van Hyning") and "van hyning" (from "Van Hyning, Victoria") are one name. */
function sameFamilyName(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

/** `source.mismatch`: a footnote and its Bibliography entry disagree on a field. */
export function findSourceMismatches(document: BriefDocument): Finding[] {
  return findFieldMismatches(SourceIndex.of(document)).map((m) => {
    const noteField = fieldOffsets(m.note, m.noteSpan);
    const entryField = fieldOffsets(m.entry, m.entrySpan);
    const diagnostic: BriefDiagnostic = diagnosticFor(
      Codes.sourceMismatch,
      `Footnote [^${m.note.definition.label}] and its Bibliography entry (line ${m.entry.entry.range.start.line + 1}) give different ${m.field === 'URL' ? 'URLs' : `${m.field}s`}: “${m.noteSpan.text}” in the note, “${m.entrySpan.text}” in the Bibliography. Make them the same.`,
      document.lines.rangeAt(noteField.start, noteField.end),
    );
    return finding(diagnostic, () => [
      {
        title: `Use the Bibliography's ${m.field} in the note: “${m.entrySpan.text}”`,
        kind: 'quickfix',
        edits: [replaceOffsets(document, noteField.start, noteField.end, m.entrySpan.text)],
      },
      {
        title: `Use the note's ${m.field} in the Bibliography: “${m.noteSpan.text}”`,
        kind: 'quickfix',
        edits: [replaceOffsets(document, entryField.start, entryField.end, m.noteSpan.text)],
      },
    ]);
  });
}

/**
 * `source.missing-from-bibliography`: a footnote's source that the Bibliography section does not
 * list. Only where no entry could be the one a reader would match, however loosely (see
 * mayNameAnEntry): a note that names an entry's author or title, or links within its site, is
 * read as citing it, or as citing it along with more.
 */
export function findSourcesMissingFromBibliography(document: BriefDocument): Finding[] {
  const index = SourceIndex.of(document);
  // No Bibliography, or one with no entries (a References heading over the notes themselves): nothing to be missing from.
  if (index.entries.length === 0) return [];
  let entries: EntryWords | undefined;
  return index.notes
    .filter(
      // A note that cites one titled work: a comment, a bare address or two sources may cite anything.
      (note) => isSource(note.reference) && !index.entryFor(note) && citesOneWork(note.reference) && !mayNameAnEntry(note, (entries ??= entryWords(index))),
    )
    .map((note) => {
      const diagnostic: BriefDiagnostic = diagnosticFor(
        Codes.sourceMissingFromBibliography,
        `The source in footnote [^${note.definition.label}], ${describeSource(note)}, is not in the Bibliography. Add it there, or correct the note if it should match an entry.`,
        rangeOf(document, note, note.reference.title ?? note.reference.url, { start: note.definition.contentStart, end: note.definition.end }),
      );
      const fixes = () => {
        const edit = appendEntry(document, index, note);
        return edit ? [{ title: `Add footnote [^${note.definition.label}]'s source to the Bibliography`, kind: 'quickfix' as const, edits: [edit] }] : [];
      };
      // Offered anywhere in the note, not only on its title.
      return finding(diagnostic, fixes, note.definition);
    });
}

/** What of the Bibliography's entries a note may name: first authors' family names, short titles, addresses. */
interface EntryWords {
  families: ReadonlySet<string>;
  /** Titles up to a colon, folded, of three words or more. */
  shortTitles: readonly string[];
  /** Every entry's text, folded, one per line. */
  text: string;
  addresses: readonly string[];
  /** Each titled entry's telling words. */
  titleWords: ReadonlyArray<readonly string[]>;
}

function entryWords(index: SourceIndex): EntryWords {
  const families = new Set(index.entries.flatMap((entry) => entry.reference.familyNames.slice(0, 1)).filter((name) => name.length > 2));
  const shortTitles = index.entries
    .map((entry) => (entry.reference.title ? normalizeTitle(entry.reference.title.text.split(/[:?!]/)[0]) : ''))
    .filter((title) => title.split(' ').length >= 3);
  const addresses = index.entries.flatMap((entry) => (entry.reference.url ? [normalizeUrl(entry.reference.url.text)] : []));
  const titleWords = index.entries.flatMap((entry) => (entry.reference.title ? [telling(entry.reference.title.text)] : []));
  return { families, shortTitles, text: index.entries.map((entry) => normalizeTitle(entry.entry.text)).join('\n'), addresses, titleWords };
}

/**
 * Whether a note could cite one of the entries as a reader matches them, though no exact reading
 * does: it names an entry's first author anywhere ("cited in Okafor", a second source, another
 * spelling of the title), its first author is an entry's, it gives an entry's title cut anywhere
 * after three words, or its title's first words are in an entry, or its address is on a page an
 * entry's address leads to or below it. A match this loose only keeps the check silent.
 */
function mayNameAnEntry(note: NoteSource, entries: EntryWords): boolean {
  const reference = note.reference;
  const words = ` ${normalizeTitle(note.definition.content)} `;
  if (reference.familyNames.slice(0, 1).some((name) => entries.families.has(name))) return true;
  for (const family of entries.families) if (words.includes(` ${family} `)) return true;
  if (entries.shortTitles.some((title) => words.includes(` ${title.split(' ').slice(0, 3).join(' ')}`))) return true;
  const title = reference.title ? normalizeTitle(reference.title.text).split(' ').slice(0, 4).join(' ') : '';
  if (title.split(' ').length >= 3 && entries.text.includes(title)) return true;
  // One part of a listed series or periodical: "1871 Annual Report of the Postmaster General" for "Annual Reports of the Postmaster General".
  if (reference.title && entries.titleWords.some((entry) => mostWordsIn(telling(reference.title!.text), entry))) return true;
  const address = reference.url ? normalizeUrl(reference.url.text) : undefined;
  return address !== undefined && entries.addresses.some((entry) => address.startsWith(entry) || entry.startsWith(address));
}

/** A title's words of four letters or more, folded. */
function telling(title: string): string[] {
  return normalizeTitle(title)
    .split(' ')
    .filter((word) => word.length >= 4);
}

/** At least three of `words`, and four in five of them, stand in `entry` (a plural or other ending allowed). */
function mostWordsIn(words: readonly string[], entry: readonly string[]): boolean {
  const found = words.filter((word) => entry.some((other) => other.startsWith(word) || word.startsWith(other))).length;
  return found >= 3 && found * 5 >= words.length * 4;
}

/** Per parsed reference (shared by every version that contains its text), so a keystroke does not redo them. */
const reasonsCache = new WeakMap<ParsedReference, string[]>();
const slugCache = new WeakMap<ParsedReference, boolean>();

function incompleteReasons(reference: ParsedReference): string[] {
  const cached = reasonsCache.get(reference);
  if (cached) return cached;
  const reasons: string[] = [];
  reasonsCache.set(reference, reasons);
  // A DOI is the work's address as much as a URL is.
  if (reference.accessed && !reference.url && !reference.doi) reasons.push('it gives an access date but no URL; add the web address');
  if (reference.noDate && !reference.accessed) reasons.push('it has no date (n.d.) and no access date; add the date you consulted it');
  const words = reference.raw.replace(reference.url?.text ?? '', ' ').match(/\p{L}{2,}/gu) ?? [];
  if (reference.url && !reference.title && reference.familyNames.length === 0 && words.length < 3) {
    reasons.push('it is only a web address; add the author or publisher and the title');
  }
  return reasons;
}

/** `source.incomplete`: a web source without URL, an undated source without access date, a bare URL. */
export function findIncompleteSources(document: BriefDocument): Finding[] {
  const index = SourceIndex.of(document);
  const found: Finding[] = [];
  const check = (located: LocatedReference, where: string, whole: Span) => {
    if (located.reference.isIbid) return;
    for (const reason of incompleteReasons(located.reference)) {
      found.push(finding(diagnosticFor(Codes.sourceIncomplete, `${where} is incomplete: ${reason}.`, rangeOf(document, located, undefined, whole))));
    }
  };
  for (const note of index.notes)
    check(note, `The source in footnote [^${note.definition.label}]`, { start: note.definition.contentStart, end: note.definition.end });
  for (const entry of index.entries) check(entry, 'This Bibliography entry', entry.entry);
  return found;
}

/** `source.url-title-mismatch`: the link's words describe a different story than the cited title. */
export function findUrlTitleMismatches(document: BriefDocument): Finding[] {
  const index = SourceIndex.of(document);
  const found: Finding[] = [];
  const located: Array<[LocatedReference, string]> = [
    ...index.notes.map((n): [LocatedReference, string] => [n, `footnote [^${n.definition.label}]`]),
    ...index.entries.map((e): [LocatedReference, string] => [e, 'this Bibliography entry']),
  ];
  for (const [source, where] of located) {
    const { url, title } = source.reference;
    if (!url || !title) continue;
    let contradicts = slugCache.get(source.reference);
    if (contradicts === undefined) {
      contradicts = slugContradictsTitle(url.text, title.text);
      slugCache.set(source.reference, contradicts);
    }
    if (!contradicts) continue;
    found.push(
      finding(
        diagnosticFor(
          Codes.sourceUrlTitleMismatch,
          `The link in ${where} looks like a different article from its title ${quoteShort(title.text)}: the address reads “${url.text.replace(/^https?:\/\/(www\.)?/, '').slice(0, 90)}”. Check that the right link was pasted.`,
          rangeOf(document, source, url, source.reference.url ? fieldOffsets(source, url) : { start: 0, end: 0 }),
        ),
      ),
    );
  }
  return found;
}
