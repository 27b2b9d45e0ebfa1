import { perDocument, type BriefDocument } from '../../document';
import type { BriefDiagnostic } from '../../types';
import type { CslItem } from '@citation-js/core';
import { laterCopies, referenceFromCsl, SAME_AUTHOR, SourceIndex, sortKeys, type EntrySource } from '../../references/sourceIndex';
import { describeSource } from '../../references/describeSource';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { finding, type Finding } from '../../feature';
import { removeEntry, sortBibliography } from './bibliographyFixes';
import { entriesCitedByAuthorDate } from '../../references/authorDateMatches';
import { foldedWords, foldForComparison, normalizeTitle, type ParsedReference } from '../../references/referenceParser';

/** Pairs of Bibliography-section entries that describe the same work: [later copy, first]. */
export const findDuplicateEntries = perDocument((document): Array<[EntrySource, EntrySource]> =>
  laterCopies(SourceIndex.of(document).entries, (entry) => entry.reference),
);

/** `bibliography.duplicate`: an entry listed twice; reported on the later copy. */
export function findDuplicateBibliographyEntries(document: BriefDocument): Finding[] {
  return findDuplicateEntries(document).map(([copy, first]) =>
    finding(
      diagnosticFor(
        Codes.bibliographyDuplicate,
        `This Bibliography entry repeats ${describeSource(first)} (line ${first.entry.range.start.line + 1}). Delete one of them.`,
        copy.entry.range,
      ),
      () => [{ title: 'Delete this duplicate Bibliography entry', kind: 'quickfix', edits: [removeEntry(document, copy)], isPreferred: true }],
    ),
  );
}

/** The first entry that comes before the previous one alphabetically, if any. */
export function firstUnsortedEntry(index: SourceIndex): { entry: EntrySource; previous: EntrySource } | undefined {
  const text = index.document.text;
  let previous: EntrySource | undefined;
  let previousKeys: string[] = [];
  for (const entry of index.entries) {
    if (SAME_AUTHOR.test(entry.reference.raw)) continue;
    // "Primary Sources" and "Secondary Sources" under the Bibliography are each sorted on their own.
    if (previous && SUBHEADING.test(text.slice(previous.entry.end, entry.entry.start))) previous = undefined;
    // Out of order only if it is under every key a reader could sort either entry by.
    const keys = sortKeys(entry.reference);
    if (previous && keys.every((key) => previousKeys.every((before) => key.localeCompare(before) < 0))) return { entry, previous };
    previous = entry;
    previousKeys = keys;
  }
  return undefined;
}

/** A heading line, or a line of bold text only, between two entries: a part of the Bibliography that starts its own order. */
const SUBHEADING = /^ {0,3}(?:#{1,6}[ \t]|\*\*[^*\n]+\*\*[ \t]*$)/m;

/** `bibliography.unsorted`: the section is not alphabetical by first author, else title. */
export function findUnsortedBibliography(document: BriefDocument): Finding[] {
  const index = SourceIndex.of(document);
  const found = firstUnsortedEntry(index);
  if (!found) return [];
  const diagnostic: BriefDiagnostic = diagnosticFor(
    Codes.bibliographyUnsorted,
    `The Bibliography is not in alphabetical order: ${describeSource(found.entry)} should come before ${describeSource(found.previous)}. Use the quick fix to sort it.`,
    found.entry.entry.range,
  );
  return [
    finding(diagnostic, () => {
      const sort = sortBibliography(document, index);
      return sort ? [{ title: 'Sort the Bibliography alphabetically', kind: 'quickfix', edits: [sort], isPreferred: true }] : [];
    }),
  ];
}

/**
 * `bibliography.uncited`: an entry that no footnote refers to, no `[@key]` citation cites and no
 * author-date citation in the text names (`cited` are the bibliography-file entries the brief's citations resolve to).
 */
export function findUncitedBibliographyEntries(document: BriefDocument, cited: readonly CslItem[]): Finding[] {
  const index = SourceIndex.of(document);
  // A second copy of an entry is reported as a duplicate, not also as uncited.
  const copies = new Set(findDuplicateEntries(document).map(([copy]) => copy));
  const citedInText = entriesCitedByAuthorDate(document);
  // A file that cites nothing at all is a reference list kept apart from the chapters that cite it.
  if (document.footnoteDefinitions.length === 0 && document.inlineNotes.length === 0 && document.citations.length === 0 && citedInText.size === 0) return [];
  const citedWorks = cited.map(referenceFromCsl);
  // Read only when an entry has no citation: in most briefs none is left.
  let mentions: Mentions | undefined;
  let publications: NotePublication[] | undefined;
  // Two works by one author in one year: a name and a year do not say which.
  const authorYear = (entry: EntrySource) => `${entry.reference.familyNames[0] ?? ''}|${entry.reference.year?.text ?? ''}`;
  const sameAuthorYear = new Map<string, number>();
  for (const entry of index.entries) sameAuthorYear.set(authorYear(entry), (sameAuthorYear.get(authorYear(entry)) ?? 0) + 1);
  return index.entries
    .filter((entry) => !copies.has(entry) && !citedInText.has(entry) && index.notesFor(entry).length === 0)
    .filter((entry) => !citedWorks.some((work) => SourceIndex.sameWork(work, entry.reference)))
    .filter((entry) => !holdsCitedPieces((publications ??= notePublications(index)), entry))
    .filter((entry) => !namedOutsideBibliography((mentions ??= mentionsIn(document)), entry.reference, sameAuthorYear.get(authorYear(entry)) === 1))
    .map((entry) =>
      finding(
        diagnosticFor(
          Codes.bibliographyUncited,
          `No footnote or citation refers to ${describeSource(entry)}. Cite it where you draw on it, or remove it from the Bibliography, unless your Bibliography also lists works you consulted.`,
          entry.entry.range,
        ),
      ),
    );
}

/**
 * A periodical's issue or a collection listed whole, whose pieces the notes cite: "Withers, Audrey. *Vogue*,
 * October 1954." for a note to "“Mrs. Exeter's List,” *Vogue*, October, 1954, 212" (its title is the note's
 * publication, and their years agree).
 */
function holdsCitedPieces(publications: readonly NotePublication[], entry: EntrySource): boolean {
  const title = entry.reference.title && normalizeTitle(entry.reference.title.text);
  if (!title) return false;
  const year = entry.reference.year?.text;
  // The publication as read may run on into the month: "*Vogue*, October".
  return publications.some(
    (publication) =>
      (publication.name === title || publication.name.startsWith(`${title} `)) &&
      (year === undefined || publication.year === undefined || year === publication.year),
  );
}

/** A publication a note names (its container), folded, and the note's year. */
interface NotePublication {
  name: string;
  year?: string;
}

function notePublications(index: SourceIndex): NotePublication[] {
  return index.notes.flatMap(({ reference }) => (reference.container ? [{ name: normalizeTitle(reference.container.text), year: reference.year?.text }] : []));
}

/**
 * Where the brief can name a work outside its Bibliography: its notes and links, folded for
 * comparison; and its prose, as written, where only names count (see proseNames), so that what
 * a word typed in a sentence may change is known from the sentence alone (the `proseNames` input of wordEdit.ts).
 */
interface Mentions {
  notesAndLinks: string;
  /** The same, words only, one space between them: for titles, whatever their punctuation ("vs." or "vs"). */
  noteWords: string;
  prose: string;
}

function mentionsIn(document: BriefDocument): Mentions {
  const section = document.bibliography;
  const outside = (span: { start: number }) => !section || span.start < section.start || span.start >= section.end;
  const notes = [...document.footnoteDefinitions.map((d) => d.content), ...document.inlineNotes.map((n) => n.content)];
  const links = document.links.filter(outside).map((link) => document.text.slice(link.start, link.end));
  const prose = section ? `${document.text.slice(0, section.start)} ${document.text.slice(section.end)}` : document.text;
  // Emphasis marks and Markdown's escapes (`\"Sense of Place,\"`) are how a note is written, not what it says.
  const notesAndLinks = foldForComparison([...notes, ...links].join(' \n ').replace(/[*_\\]/g, '')).replace(/\s+/g, ' ');
  return { notesAndLinks, noteWords: ` ${normalizeTitle(notesAndLinks)} `, prose };
}

/** How near a work's year (or "forthcoming", "n.d.") must stand to its author's name, and a short title to the name. */
const NEAR = 120;
/** What stands beside an author's name when a work is cited: its year, or that it has none yet. */
const UNDATED = ['forthcoming', 'n.d.'];

/**
 * Whether the brief names an entry's work outside the Bibliography in a way a reader would match
 * though no citation form did ("Mensah et al. (forthcoming)", "(Ministry of Water 2020, fig 6.5)",
 * "cited in", a link to its address, "Okafor's 2019 study", a short title in a later note): in the
 * notes and links, its address, its first author's name near its year, "forthcoming" or "n.d.", or
 * its title up to a colon (four words or more, or shorter near the name); in the prose, the name
 * written with its capital near the year, "forthcoming" or "n.d.". A name and a date count only for
 * the one work of that author and year. A match this loose only keeps `bibliography.uncited` silent.
 */
function namedOutsideBibliography(mentions: Mentions, reference: ParsedReference, onlyWorkOfItsYear: boolean): boolean {
  const text = mentions.notesAndLinks;
  if (reference.url && text.includes(foldForComparison(reference.url.text))) return true;
  const name = reference.familyNames[0];
  // A work with no author is named by its title: three words of it or more ("“The Newspaper Press of Scotland,” 563").
  const shortTitle = shortTitleOf(reference);
  if (!name) return (shortTitle?.split(' ').length ?? 0) >= 3 && mentions.noteWords.includes(` ${shortTitle} `);
  if (name.length <= 2) return false;
  const dates = [reference.year?.text, ...UNDATED].filter((date): date is string => date !== undefined);
  const nameAt = wordPositions(text, name);
  const near = (inText: string, at: number, what: string) =>
    inText
      .slice(Math.max(0, at - NEAR), at + name.length + NEAR)
      .toLowerCase()
      .includes(what);
  if (onlyWorkOfItsYear && nameAt.some((at) => dates.some((date) => near(text, at, date)))) return true;
  if (onlyWorkOfItsYear && proseNames(mentions.prose, name).some((at) => dates.some((date) => near(mentions.prose, at, date)))) return true;
  if (shortTitle && shortTitle.split(' ').length >= 4 && mentions.noteWords.includes(` ${shortTitle} `)) return true;
  if (shortTitle && shortTitle.split(' ').length >= 2 && nameAt.some((at) => near(text, at, shortTitle))) return true;
  // A short title of any words of the full title ("Brownlees, “Epistolary News,” 408" for "'Newes also came by Letters':
  // Functions and Features of Epistolary News…"): two of its words after the name, or one long one, or one right after it.
  const words = titleWords(reference);
  return (
    words.length > 0 &&
    nameAt.some((at) => {
      const after = text.slice(at + name.length, at + name.length + NEAR);
      const found = words.filter((word) => wordPositions(after, word).length > 0);
      return found.length >= 2 || found.some((word) => word.length >= 8 || wordPositions(after.slice(0, SHORT_TITLE_REACH), word).length > 0);
    })
  );
}

/** How far after an author's name a short title starts: "Feely, “The Thief,” 503". */
const SHORT_TITLE_REACH = 20;

/** The title's words up to its colon, question or exclamation mark, folded, without a leading article ("history of booksellers" for "A History of Booksellers: …"). */
function shortTitleOf(reference: ParsedReference): string | undefined {
  if (!reference.title) return undefined;
  return normalizeTitle(reference.title.text.split(/[:?!]/)[0]).replace(/^(?:the|a|an) /, '');
}

/** Words that say nothing of which work is meant. */
const SLIGHT = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'into',
  'its',
  'their',
  'this',
  'that',
  'what',
  'when',
  'where',
  'which',
  'about',
  'over',
  'under',
]);

/**
 * The telling words of an entry's title (four letters or more): its title as the parser found it,
 * and the entry's first words, among which an unmarked title stands ("Cowan, Robert M. W. The Newspaper in Scotland…").
 */
function titleWords(reference: ParsedReference): string[] {
  // The first words too, where a title the parser did not take stands ("Historic Newspapers in the Digital Age: \\"Search…").
  const title = `${reference.title?.text ?? ''} ${reference.raw.slice(0, 200)}`;
  return [...new Set(foldedWords(title))].filter((word) => word.length >= 4 && !SLIGHT.has(word) && !/^\d+$/.test(word));
}

/** Where `word` stands in `text` as a whole word. */
function wordPositions(text: string, word: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? ' ')) found.push(at);
  }
  return found;
}

/** Where a family name (folded, as compared) stands in prose as a name: a whole word, its first letter a capital. */
function proseNames(prose: string, name: string): number[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
  return [...prose.matchAll(pattern)].filter((match) => /^\p{Lu}/u.test(match[0])).map((match) => match.index ?? 0);
}
