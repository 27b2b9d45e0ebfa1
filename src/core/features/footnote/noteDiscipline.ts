import type { BriefDocument } from '../../document';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { replaceOffsets } from '../../edits';
import { finding, type Finding } from '../../feature';
import type { FootnoteIbid } from '../../options';
import { cleanedAuthors, foldedWords, isCorporateAuthor, type ParsedReference } from '../../references/referenceParser';
import { SourceIndex, type NoteSource } from '../../references/sourceIndex';
import { notePartsOf, type NoteParts } from '../../references/noteParts';
import { trimEndOf } from '../../text/trim';
import { authorList } from '../../references/chicagoNote';
import type { Range } from '../../types';

/**
 * Chicago's note discipline in a notes-and-bibliography brief: the first note for a work is the
 * full citation, later notes the short form (author's surname, short title, page), and, by the
 * house rule, no "Ibid.". Notes are taken in the order readers meet them (first marker), so the
 * checks stay true when notes are renumbered or text is moved. A note is judged only when its
 * reading is sure: one source, an author and a title found, one paragraph; anything else is left alone.
 */

type NoteKind = 'full' | 'short' | 'ibid';

interface JudgedNote {
  note: NoteSource;
  kind: NoteKind;
  /** First author's family name, folded, and the title's words, folded: what identifies the work. */
  family?: string;
  titleWords?: string[];
  /** The note read part by part, when every word of it is placed: only then is a rewrite offered. */
  parts?: NoteParts;
}

/** Chicago shortens a title to its main title, four words at most, not ending on a little word. */
const SHORT_TITLE_WORDS = 4;
const LITTLE_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'with', 'or', 'at', 'by']);

/** How a note reads, per parsed reference (shared by every version with its text): a keystroke judges again only the note it changed. */
const readings = new WeakMap<ParsedReference, Omit<JudgedNote, 'note'> | null>();

function judge(note: NoteSource): JudgedNote | undefined {
  let reading = readings.get(note.reference);
  if (reading === undefined) {
    reading = read(note.reference) ?? null;
    readings.set(note.reference, reading);
  }
  return reading ? { note, ...reading } : undefined;
}

function read(reference: ParsedReference): Omit<JudgedNote, 'note'> | undefined {
  // The reference is read from the note's whole text up to 4,000 characters, so its length stands for the note's.
  const content = reference.raw;
  if (content.includes(';') || content.includes('\n\n') || content.length > 600) return undefined;
  if (reference.isIbid) return { kind: 'ibid' };
  // A note in Chicago's shape: it opens with the authors, and the title follows them at once.
  const { authors, title } = reference;
  if (!authors || !title || reference.familyNames.length === 0 || authors.start > 0 || /["“”‘’*_\d]/.test(authors.text)) return undefined;
  if (!/^[.,]*\s*[“"‘*_]?$/.test(content.slice(authors.end, title.start))) return undefined;
  // "Rothstein, Richard. 2018. …": a bibliography entry's shape, family name first, not a note's.
  const firstPiece = authors.text.split(',')[0].trim();
  if (authors.text.includes(',') && !firstPiece.includes(' ') && !isCorporateAuthor(authors.text)) return undefined;
  const full = reference.year !== undefined || reference.url !== undefined || reference.doi !== undefined;
  // Its publication but no date or address ("The Doors, “Peace Frog Lyrics,” *Genius Lyrics*."): an essay's own middle form, neither full nor short.
  if (!full && reference.container !== undefined) return undefined;
  return { kind: full ? 'full' : 'short', family: reference.familyNames[0], titleWords: foldedWords(title.text), parts: notePartsOf(reference) };
}

/** What two notes for one work share: the first author and the title's first word. */
function workKey(judged: JudgedNote): string | undefined {
  return judged.family === undefined || !judged.titleWords || judged.titleWords.length === 0 ? undefined : `${judged.family}\u0000${judged.titleWords[0]}`;
}

/** The short note's title words begin the full one's (a shortened title), or are all of them. */
function sameWork(a: JudgedNote, b: JudgedNote): boolean {
  if (a.family === undefined || a.family !== b.family || !a.titleWords || !b.titleWords) return false;
  const [shorter, longer] = a.titleWords.length <= b.titleWords.length ? [a.titleWords, b.titleWords] : [b.titleWords, a.titleWords];
  return shorter.length > 0 && shorter.every((word, i) => longer[i] === word) && (a.kind !== 'full' || b.kind !== 'full' || shorter.length === longer.length);
}

/**
 * The notes cited in the text, in the order readers meet them (a note's first marker, an inline
 * note where it stands); undefined for a note that is not judged, which still comes between its
 * neighbours ("Ibid." after it refers to it, not to the note before).
 */
function notesInReadingOrder(document: BriefDocument): Array<JudgedNote | undefined> {
  const firstMarker = new Map<string, number>();
  for (const ref of document.footnoteReferences) if (!firstMarker.has(ref.key)) firstMarker.set(ref.key, ref.start);
  const placed: Array<{ at: number; judged: JudgedNote | undefined }> = [
    ...SourceIndex.of(document)
      .notes.filter((note) => firstMarker.has(note.definition.key))
      .map((note) => ({ at: firstMarker.get(note.definition.key)!, judged: judge(note) })),
    ...document.inlineNotes.map((note) => ({ at: note.start, judged: undefined })),
  ];
  return placed.sort((a, b) => a.at - b.at).map((place) => place.judged);
}

/** Lower-case words that belong to a family name: "Ana de la Cruz" → "de la Cruz". */
const PARTICLES = new Set(['de', 'la', 'le', 'du', 'da', 'das', 'do', 'dos', 'van', 'von', 'der', 'den', 'ter', 'di', 'del', 'della', 'bin', 'al']);
const SUFFIXES = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

function surnameOf(person: string): string {
  const words = person.split(' ');
  if (words.length > 1 && SUFFIXES.test(words[words.length - 1])) words.pop();
  let surname = words.pop() ?? person;
  while (words.length > 0 && PARTICLES.has(words[words.length - 1])) surname = `${words.pop()} ${surname}`;
  return surname;
}

/**
 * The authors as a short note names them, from a note that writes them given name first:
 * "Doe", "Schank and Abelson", "Mikolov et al." (four or more, or "et al."), "World Bank".
 */
function surnamesAsWritten(authors: string): string {
  const etAl = /\bet al\b/i.test(authors);
  const cleaned = cleanedAuthors(authors);
  if (isCorporateAuthor(cleaned)) return cleaned;
  const people = cleaned.split(/ ?(?:, and |,? & | and |;|,) ?/).filter((person) => person.trim() !== '');
  return authorList(
    people.map((person) => surnameOf(person.trim())),
    etAl,
  );
}

/** Chicago's short title: the main title, four words at most, not ending on a little word. */
function shortTitle(title: string): string {
  const main = trimEndOf(title.split(/[:?]\s/)[0], '.,:;?');
  const words = main.split(/\s+/).slice(0, SHORT_TITLE_WORDS);
  while (words.length > 1 && LITTLE_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  return trimEndOf(words.join(' '), '.,:;');
}

/** "Doe, *Border Report*, 14." or "Okafor, “Storm Outages.”": the work's short form, in its title's marks, with `page`. */
function shortForm(work: NoteParts, page: string | undefined): string {
  const names = surnamesAsWritten(work.authors);
  const title = shortTitle(work.title);
  if (work.mark === '“' || work.mark === '"') {
    const close = work.mark === '“' ? '”' : '"';
    // The comma or full stop goes inside the quotation marks.
    return page ? `${names}, ${work.mark}${title},${close} ${page}.` : `${names}, ${work.mark}${title}.${close}`;
  }
  return `${names}, ${work.mark}${title}${work.mark}${page ? `, ${page}` : ''}.`;
}

const PAGE = /^(?:pp?\.\s*)?(?:\d[\dA-Za-z–-]*|[ivxlc]+(?:[–-][ivxlc]+)?)$/;

/** The page of an "Ibid." note: `{ page }`, `{}` when it has none, undefined when it says more ("Ibid., chapter 1"), which a rewrite would lose. */
function ibidLocator(judged: JudgedNote): { page?: string } | undefined {
  const rest = trimEndOf(judged.note.reference.raw.trim().replace(/^(?:ibid|id)\.?,?\s*/i, ''), '.').trim();
  if (rest === '') return {};
  return PAGE.test(rest) ? { page: rest } : undefined;
}

function replaceNote(document: BriefDocument, judged: JudgedNote, text: string) {
  return replaceOffsets(document, judged.note.definition.contentStart, contentEnd(judged), text);
}

function contentEnd(judged: JudgedNote): number {
  return judged.note.definition.contentStart + judged.note.definition.content.length;
}

function label(judged: JudgedNote): string {
  return `[^${judged.note.definition.label}]`;
}

/**
 * `footnote.repeated-full-citation`, `footnote.short-before-full` and (when the house rule
 * discourages it) `footnote.ibid`, with fixes that write the short or the full form.
 */
export function findNoteDisciplineProblems(document: BriefDocument, ibid: FootnoteIbid): Finding[] {
  const notes = notesInReadingOrder(document);
  // Full notes by first author and first title word (the same work shares both), in reading order:
  // a note is compared only with those (a brief with thousands of notes is not compared pair by pair).
  const fullByWork = new Map<string, Array<{ index: number; judged: JudgedNote }>>();
  notes.forEach((judged, index) => {
    const key = judged?.kind === 'full' ? workKey(judged) : undefined;
    if (key === undefined) return;
    const list = fullByWork.get(key);
    if (list) list.push({ index, judged: judged! });
    else fullByWork.set(key, [{ index, judged: judged! }]);
  });
  /** The first full note for the same work before (or after) place `at` in reading order. */
  const fullNote = (judged: JudgedNote, at: number, before: boolean): JudgedNote | undefined => {
    const key = workKey(judged);
    for (const full of (key === undefined ? undefined : fullByWork.get(key)) ?? []) {
      // In reading order: the earlier ones end where `at` is; the later ones start after it.
      if (before && full.index >= at) break;
      if (!before && full.index <= at) continue;
      if (sameWork(full.judged, judged)) return full.judged;
    }
    return undefined;
  };
  const findings: Finding[] = [];
  let previous: JudgedNote | undefined;
  notes.forEach((judged, i) => {
    if (!judged) {
      previous = undefined;
      return;
    }
    const range = () => document.lines.rangeAt(judged.note.definition.contentStart, contentEnd(judged));
    const earlierFull = fullNote(judged, i, true);
    if (judged.kind === 'full' && earlierFull) {
      const short = judged.parts && shortForm(judged.parts, judged.parts.locator?.text);
      findings.push(
        finding(
          diagnosticFor(
            Codes.footnoteRepeatedFullCitation,
            `Note ${label(judged)} cites this work in full again; note ${label(earlierFull)} already did. After the first note, Chicago uses the short form${short ? `: ${short}` : ' (author’s surname, short title, page). Shorten this note by hand, keeping any comment it makes beyond the citation.'}`,
            range(),
          ),
          () => (short ? [{ title: `Shorten to “${short}”`, kind: 'quickfix', edits: [replaceNote(document, judged, short)], isPreferred: true }] : []),
        ),
      );
    } else if (judged.kind === 'short' && !earlierFull) {
      const laterFull = fullNote(judged, i, false);
      if (laterFull) findings.push(shortBeforeFull(document, judged, laterFull, range()));
    } else if (judged.kind === 'ibid' && ibid === 'discourage') {
      const locator = ibidLocator(judged);
      const short = locator && previous?.parts ? shortForm(previous.parts, locator.page) : undefined;
      findings.push(
        finding(
          diagnosticFor(
            Codes.footnoteIbid,
            `Note ${label(judged)} says “Ibid.”; the house rule (briefkit.footnotes.ibid) asks for the short form instead${short ? `: ${short}` : '.'}`,
            range(),
          ),
          () => (short ? [{ title: `Replace with “${short}”`, kind: 'quickfix', edits: [replaceNote(document, judged, short)], isPreferred: true }] : []),
        ),
      );
    }
    if (judged.kind !== 'ibid') previous = judged;
  });
  return findings;
}

/**
 * The full note's text with `page` in place of its own page (or added after its publication
 * facts, or its page taken out when `page` is undefined); undefined when there are no facts to
 * put the page after.
 */
function withPage(raw: string, full: NoteParts, page: string | undefined): string | undefined {
  const { locator } = full;
  if (locator) return page === undefined ? raw.slice(0, full.factsEnd) + raw.slice(locator.end) : raw.slice(0, locator.start) + page + raw.slice(locator.end);
  if (page === undefined) return raw;
  return full.hasFacts ? `${raw.slice(0, full.factsEnd)}, ${page}${raw.slice(full.factsEnd)}` : undefined;
}

/** A short note met before the work's full note: the fix writes the full note here, with this note's page. */
function shortBeforeFull(document: BriefDocument, judged: JudgedNote, laterFull: JudgedNote, range: Range): Finding {
  const { parts } = judged;
  // Only a note that is the short form and nothing more is replaced: anything else in it would be lost.
  const onlyShortForm = parts !== undefined && !parts.hasFacts && !parts.hasAddress;
  const expanded = onlyShortForm && laterFull.parts ? withPage(laterFull.note.reference.raw.trimEnd(), laterFull.parts, parts.locator?.text) : undefined;
  return finding(
    diagnosticFor(
      Codes.footnoteShortBeforeFull,
      `Note ${label(judged)} cites this work in short form, but readers meet it before the full citation in note ${label(laterFull)}. Give the full citation in the first note.`,
      range,
    ),
    () =>
      expanded !== undefined
        ? [{ title: 'Write the full citation here', kind: 'quickfix', edits: [replaceNote(document, judged, expanded)], isPreferred: true }]
        : [],
  );
}
