import type { BriefDocument } from '../../document';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { replaceOffsets } from '../../edits';
import { finding, type Finding } from '../../feature';
import type { FootnoteIbid } from '../../options';
import { foldedWords, isCorporateAuthor, type ParsedReference } from './referenceParser';
import { SourceIndex, type NoteSource } from './sourceIndex';
import { trimEndOf } from '../../text/trim';
import { authorList } from '../citations/chicagoNote';
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
}

/** A locator at the end of a note, after a comma (`, 14.`, `,” 35.`) or a journal's colon (`(2025): 33.`); group 1 is the page. */
const TRAILING_PAGE = /[,:]["”’]?\s*((?:pp?\.\s*)?(?:\d[\dA-Za-z–-]*|[ivxlc]+(?:[–-][ivxlc]+)?))\.?\s*$/;
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
  const full = reference.year !== undefined || reference.url !== undefined || reference.container !== undefined || reference.doi !== undefined;
  return { kind: full ? 'full' : 'short', family: reference.familyNames[0], titleWords: foldedWords(title.text) };
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
  const cleaned = trimEndOf(authors.replace(/\bet al\.?/gi, '').replace(/\s+/g, ' ').trim(), ',;.');
  if (isCorporateAuthor(cleaned)) return cleaned;
  const people = cleaned.split(/ ?(?:, and |,? & | and |;|,) ?/).filter((person) => person.trim() !== '');
  return authorList(
    people.map((person) => surnameOf(person.trim())),
    etAl,
  );
}

/** The note's title cut to four words, in its own markup: `*Border Report*` or `“Storm Outages,”`. */
function shortTitle(judged: JudgedNote): string | undefined {
  const { reference } = judged.note;
  const title = reference.title;
  if (!title) return undefined;
  const main = trimEndOf(title.text.split(/[:?]\s/)[0], '.,:;?');
  const words = main.split(/\s+/).slice(0, SHORT_TITLE_WORDS);
  while (words.length > 1 && LITTLE_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  const cut = trimEndOf(words.join(' '), '.,:;');
  const before = reference.raw[title.start - 1];
  if (before === '*' || before === '_') return `${before}${cut}${before}`;
  if (before === '“' || before === '"') return `“${cut},”`;
  return cut;
}

/** "Doe, *Border Report*, 14." from the work's note and the page of the note being replaced. */
function shortForm(work: JudgedNote, page: string | undefined): string | undefined {
  const authors = work.note.reference.authors?.text;
  const title = shortTitle(work);
  if (!authors || !title) return undefined;
  const quoted = title.endsWith(',”');
  const parts = `${surnamesAsWritten(authors)}, ${title}`;
  if (page) return `${parts}${quoted ? ' ' : ', '}${page}.`;
  return quoted ? `${parts.slice(0, -2)}.”` : `${parts}.`;
}

const PAGE = /^(?:pp?\.\s*)?(?:\d[\dA-Za-z–-]*|[ivxlc]+(?:[–-][ivxlc]+)?)$/;

/**
 * The note's page: `{ page }`, `{}` when it surely has none, undefined when its end is something
 * else ("Chapter 3 (…)"), which a rewrite would lose, so no fix is offered.
 */
function locatorOf(judged: JudgedNote): { page?: string } | undefined {
  const raw = judged.note.reference.raw.trim();
  if (judged.kind === 'ibid') {
    const rest = trimEndOf(raw.replace(/^(?:ibid|id)\.?,?\s*/i, ''), '.').trim();
    if (rest === '') return {};
    return PAGE.test(rest) ? { page: rest } : undefined;
  }
  const trailing = TRAILING_PAGE.exec(raw);
  if (trailing) return { page: trailing[1] };
  // Ends at the publication facts, the address or the title: no locator to keep.
  return /(?:\)|\d{4}|https?:\/\/\S+|[*_]|[”’"])\.?[”’"]?$/.test(raw) ? {} : undefined;
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
      const locator = locatorOf(judged);
      const short = locator && shortForm(judged, locator.page);
      findings.push(
        finding(
          diagnosticFor(Codes.footnoteRepeatedFullCitation, `Note ${label(judged)} cites this work in full again; note ${label(earlierFull)} already did. After the first note, Chicago uses the short form${short ? `: ${short}` : '.'}`, range()),
          () => (short ? [{ title: `Shorten to “${short}”`, kind: 'quickfix', edits: [replaceNote(document, judged, short)], isPreferred: true }] : []),
        ),
      );
    } else if (judged.kind === 'short' && !earlierFull) {
      const laterFull = fullNote(judged, i, false);
      if (laterFull) findings.push(shortBeforeFull(document, judged, laterFull, range()));
    } else if (judged.kind === 'ibid' && ibid === 'discourage') {
      const locator = locatorOf(judged);
      const short = locator && previous && previous.kind !== 'ibid' ? shortForm(previous, locator.page) : undefined;
      findings.push(
        finding(
          diagnosticFor(Codes.footnoteIbid, `Note ${label(judged)} says “Ibid.”; the house rule (briefkit.footnotes.ibid) asks for the short form instead${short ? `: ${short}` : '.'}`, range()),
          () => (short ? [{ title: `Replace with “${short}”`, kind: 'quickfix', edits: [replaceNote(document, judged, short)], isPreferred: true }] : []),
        ),
      );
    }
    if (judged.kind !== 'ibid') previous = judged;
  });
  return findings;
}

/** A short note met before the work's full note: the fix writes the full note here, with this note's page. */
function shortBeforeFull(document: BriefDocument, judged: JudgedNote, laterFull: JudgedNote, range: Range): Finding {
  const locator = locatorOf(judged);
  const page = locator?.page;
  const fullText = laterFull.note.reference.raw.trim();
  const fullPage = TRAILING_PAGE.exec(fullText);
  // The full note with this note's page in place of its own (or added, if it has none).
  const expanded =
    page === undefined
      ? fullPage
        ? `${fullText.slice(0, fullPage.index)}.`
        : fullText
      : fullPage
        ? `${fullText.slice(0, fullPage.index + fullPage[0].indexOf(fullPage[1]))}${page}.`
        : `${fullText.replace(/\.$/, '')}, ${page}.`;
  return finding(
    diagnosticFor(Codes.footnoteShortBeforeFull, `Note ${label(judged)} cites this work in short form, but readers meet it before the full citation in note ${label(laterFull)}. Give the full citation in the first note.`, range),
    () => (locator ? [{ title: 'Write the full citation here', kind: 'quickfix', edits: [replaceNote(document, judged, expanded)], isPreferred: true }] : []),
  );
}
