import { perDocument, type BriefDocument } from '../../document';
import { lineEnding, replaceOffsets, type TextEdit } from '../../edits';
import { trailingRun } from '../../text/trim';
import { normalizeFootnoteLabel } from '../../parse/footnoteLabel';
import { FootnoteIndex } from '../../notes/footnoteIndex';
import {
  disjoint,
  findLegacyMarkers,
  firstEndingAfter,
  HEADING,
  inside,
  linesOf,
  NoteStarts,
  NUMBERED_NOTE_START,
  SUPERSCRIPT_NOTE_START,
  type LegacyMarker,
} from './legacyMarkers';
import { definitionInsertion } from '../../notes/newFootnote';
import type { Span } from '../../types';

/** A note's text found in the brief, to be moved into a Markdown definition. */
interface FoundNote extends Span {
  number: number;
  /** The HTML id of the note (`fn1`), for HTML exports. */
  id?: string;
  /** The region the note occupies; it is removed and its text moved. */
  text: string;
}

/** A line holding only a web address or DOI, as PDFs set a note's link. */
const WEB_ADDRESS_LINE = /^\s{0,3}<?(?:https?:\/\/|doi:\s*10\.|www\.)\S+>?[.,]?\s*$/i;

/**
 * Notes written as paragraphs or lines starting with a superscript number (anywhere: PDFs put
 * them at page breaks), and numbered lines under a Notes / Endnotes / Footnotes heading.
 */
function findTextNotes(document: BriefDocument): FoundNote[] {
  const lines = [...linesOf(document.text)];
  // Merged and in order, each line's look-up is a binary search: a brief of thousands of code blocks stays linear.
  const skip = disjoint([...document.verbatimBlocks, ...(document.frontMatter ? [document.frontMatter] : [])]);
  const notes: FoundNote[] = [];
  const starts = new NoteStarts();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inside(skip, line.start)) continue;
    const start = starts.read(line.content);
    if (!start) continue;
    // The note runs on over following lines until a blank line or the next note.
    let last = i;
    while (
      last + 1 < lines.length &&
      lines[last + 1].content.trim() !== '' &&
      !SUPERSCRIPT_NOTE_START.test(lines[last + 1].content) &&
      !(starts.inNotesSection && NUMBERED_NOTE_START.test(lines[last + 1].content)) &&
      !HEADING.test(lines[last + 1].content)
    ) {
      last++;
    }
    // A PDF often sets a note's web address on a line of its own after a blank line: it belongs to the note.
    if (last + 2 < lines.length && lines[last + 1].content.trim() === '' && WEB_ADDRESS_LINE.test(lines[last + 2].content)) last += 2;
    const body = lines
      .slice(i, last + 1)
      .map((l) => l.content.trim())
      .filter((l) => l !== '')
      .join(' ')
      .slice(start.mark.trim().length)
      .trim();
    notes.push({
      number: start.number,
      start: line.start,
      end: lines[last].next,
      text: body,
    });
    i = last;
  }
  return notes;
}

const HTML_NOTE = /<li\b[^>]*\bid\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/li>/gi;

/** `<li id="fn1">…</li>` notes of HTML exports, their text turned into Markdown. */
function findHtmlNotes(document: BriefDocument): FoundNote[] {
  const notes: FoundNote[] = [];
  let position = 0;
  for (const match of document.text.matchAll(HTML_NOTE)) {
    position++;
    const digits = trailingRun(match[1].trimEnd(), (ch) => ch >= '0' && ch <= '9');
    const number = digits === '' ? position : Number(digits);
    const start = match.index ?? 0;
    notes.push({ number, id: match[1], start, end: start + match[0].length, text: htmlToMarkdown(match[2]) });
  }
  return notes;
}

const HREF = /\bhref\s*=\s*["']([^"']*)["']/i;
const BACK_LINK_CLASS = /\b(?:class|role)\s*=\s*["'][^"']*back/i;

/**
 * A link in a note as Markdown: `[text](https://…)` for a web address, the text alone for a place
 * in the page (`#table-2`) or another file; nothing for the link back to the marker (`↩`, or the
 * note's own number opening the note), which the footnote gives by itself.
 */
function linkToMarkdown(attributes: string, text: string, opensNote: boolean): string {
  const href = HREF.exec(attributes)?.[1].trim() ?? '';
  if (href.startsWith('#')) {
    const words = text.replace(/<[^<>]*>/g, '').trim();
    const backLink = BACK_LINK_CLASS.test(attributes) || !/[\p{L}\p{N}]/u.test(words) || (opensNote && /^\[?\d+\]?$/.test(words));
    return backLink ? '' : text;
  }
  if (!/^https?:\/\//i.test(href)) return text;
  return text.trim() === href ? `<${href}>` : `[${text}](${href})`;
}

function htmlToMarkdown(html: string): string {
  // The note's own number goes: the [^n] label carries it.
  const note = html.replace(/^\s*<sup>\s*\d+\s*<\/sup>/i, '');
  const opening = note.search(/\S/);
  return note
    .replace(/<a\b([^<>]*)>([\s\S]*?)<\/a>/gi, (_, attributes: string, text: string, at: number) => linkToMarkdown(attributes, text, at === opening))
    .replace(/<\/?(?:em|i)>/gi, '*')
    .replace(/<\/?(?:strong|b)>/gi, '**')
    .replace(/<[^<>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The line break (CRLF, LF or CR) that ends just before `offset`, or '' if none does. */
function lineBreakBefore(text: string, offset: number): string {
  if (text[offset - 1] === '\n') return text[offset - 2] === '\r' ? '\r\n' : '\n';
  return text[offset - 1] === '\r' ? '\r' : '';
}

/** The line break (CRLF, LF or CR) that starts at `offset`, or '' if none does. */
function lineBreakAt(text: string, offset: number): string {
  if (text[offset] === '\r') return text[offset + 1] === '\n' ? '\r\n' : '\r';
  return text[offset] === '\n' ? '\n' : '';
}

/**
 * The gap to close when notes removed from [start, end) had cut a paragraph in two, as a PDF's
 * page of notes does: the text before them stops mid-sentence (no closing punctuation) and the
 * text after them goes on in lower case. Only blank lines lie between.
 */
function splitParagraph(text: string, start: number, end: number): Span | undefined {
  const before = /\S(\s*)$/.exec(text.slice(Math.max(0, start - 200), start));
  const after = /^(\s*)\S/.exec(text.slice(end, end + 200));
  if (!before || !after) return undefined;
  const lastChar = text[start - before[1].length - 1];
  const nextChar = text[end + after[1].length];
  if (/[.!?:;…”"’)\]]/.test(lastChar) || !/\p{Ll}/u.test(nextChar)) return undefined;
  return { start: start - before[1].length, end: end + after[1].length };
}

const slotOfMarker = (m: LegacyMarker) => (m.target ? `id:${m.target}` : `n:${m.number}`);
const slotOfNote = (n: FoundNote) => (n.id ? `id:${n.id}` : `n:${n.number}`);

/** `id="…"` and `name="…"` anchors anywhere in the brief. */
const ANCHOR = /\b(?:id|name)\s*=\s*["']([^"'<>]+)["']/gi;
/** A Markdown link to a place in the page, right after a marker: `[<sup>28</sup>](#footnotes)`. */
const PAGE_LINK_AFTER = /^\]\(#([^)\s]+)\)/;

/**
 * The pasted notes found in the brief, and the pasted markers to convert: those outside the notes,
 * and not the HTML markers of a site's own working notes, whose note is not in the text but which
 * the writer linked to a place in the page (`[<sup>28</sup>](#footnotes)`, notes kept in the front
 * matter for the site's template) or whose link leads to an anchor the page has: converting them
 * would leave empty notes.
 */
const pastedNotes = perDocument((document: BriefDocument): { notes: FoundNote[]; markers: LegacyMarker[] } => {
  const htmlNotes = findHtmlNotes(document);
  // Where a line both starts with a superscript and holds an HTML note, the HTML note wins. Each
  // kind of note is in order and disjoint, so each look-up below is a binary search.
  const textNotes = findTextNotes(document).filter((n) => !((firstEndingAfter(htmlNotes, n.start)?.start ?? Infinity) < n.end));
  const notes = [...textNotes, ...htmlNotes].sort((a, b) => a.start - b.start);
  const slots = new Set(notes.map(slotOfNote));
  const hasNote = (m: LegacyMarker) => slots.has(slotOfMarker(m)) || slots.has(`n:${m.number}`);
  let anchors: Set<string> | undefined;
  const wiredBySite = (m: LegacyMarker) => {
    if (m.target === undefined) return PAGE_LINK_AFTER.test(document.text.slice(m.end, m.end + 200));
    anchors ??= new Set([...document.text.matchAll(ANCHOR)].map((match) => match[1]));
    return anchors.has(m.target);
  };
  const markers = findLegacyMarkers(document).filter((m) => !inside(notes, m.start) && (m.kind !== 'html' || hasNote(m) || !wiredBySite(m)));
  return { notes, markers };
});

/** The pasted note markers "Convert to Markdown footnotes" turns into `[^n]`. */
export function convertibleMarkers(document: BriefDocument): readonly LegacyMarker[] {
  return pastedNotes(document).markers;
}

/**
 * Turns pasted note markers into Markdown footnotes: each marker becomes `[^n]` and each
 * note's text found in the brief becomes the definition `[^n]: text`, written where the last
 * note was. Text is moved, never dropped: once there are pasted markers, a note with no marker
 * still becomes a definition (reported as unused), and a marker with no note gets an empty
 * definition (reported as empty). Without any pasted marker nothing is converted.
 */
export function convertLegacyFootnotes(document: BriefDocument): TextEdit[] {
  const { notes, markers: liveMarkers } = pastedNotes(document);
  // Nothing was pasted: a numbered list under a Notes heading is the writer's list, not notes to convert.
  if (liveMarkers.length === 0) return [];

  // Labels: the number shown, unless a Markdown footnote already uses it.
  const index = FootnoteIndex.of(document);
  const taken = new Set(index.entries.map((e) => e.key));
  const labelFor = new Map<string, string>();
  let spare = 1;
  const label = (slot: string, number: number) => {
    let chosen = labelFor.get(slot);
    if (!chosen) {
      chosen = String(number);
      if (taken.has(normalizeFootnoteLabel(chosen))) {
        while (taken.has(String(spare))) spare++;
        chosen = String(spare);
      }
      taken.add(chosen);
      labelFor.set(slot, chosen);
    }
    return chosen;
  };

  const edits: TextEdit[] = [];
  for (const marker of liveMarkers) {
    // A marker that is a link's whole text (`[<sup>28</sup>](#footnotes)`) takes the link with it: the footnote links by itself.
    const link = document.text[marker.start - 1] === '[' ? PAGE_LINK_AFTER.exec(document.text.slice(marker.end, marker.end + 200)) : null;
    const [start, end] = link ? [marker.start - 1, marker.end + link[0].length] : [marker.start, marker.end];
    edits.push(replaceOffsets(document, start, end, `[^${label(slotOfMarker(marker), marker.number)}]`));
  }
  const eol = lineEnding(document.text);
  const definitions: string[] = [];
  const noted = new Set<string>();
  for (const note of notes) {
    const slot = slotOfNote(note);
    noted.add(slot);
    definitions.push(`[^${label(slot, note.number)}]: ${note.text}`);
  }
  for (const marker of liveMarkers) {
    const slot = slotOfMarker(marker);
    if (!noted.has(slot)) {
      noted.add(slot);
      definitions.push(`[^${labelFor.get(slot)}]: `);
    }
  }
  const block = definitions.join(eol);
  // Notes that follow each other are removed as one run; a run standing alone between blank
  // lines takes one of them along, so no double blank line is left behind.
  const runs: FoundNote[][] = [];
  for (const note of notes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].end === note.start) run.push(note);
    else runs.push([note]);
  }
  const text = document.text;
  // Definitions go where the last note was, unless that is inside HTML, where Markdown is not read,
  // or the notes had cut a paragraph in two, which is joined again.
  const lastNote = notes[notes.length - 1];
  const lastRun = runs[runs.length - 1];
  const inPlace = lastNote !== undefined && lastNote.id === undefined && splitParagraph(text, lastRun[0].start, lastRun[lastRun.length - 1].end) === undefined;
  for (const run of runs) {
    const start = run[0].start;
    let end = run[run.length - 1].end;
    const holdsLast = run.includes(lastNote);
    const split = splitParagraph(text, start, end);
    if (split) {
      edits.push(replaceOffsets(document, split.start, split.end, ' '));
      continue;
    }
    // Line breaks are read as written, not as the file's usual one: a pasted part may end its lines otherwise.
    if (inPlace && holdsLast) {
      edits.push(replaceOffsets(document, start, end, block + lineBreakBefore(text, end)));
      continue;
    }
    const breakBefore = lineBreakBefore(text, start);
    const blankBefore = start === 0 || (breakBefore !== '' && lineBreakBefore(text, start - breakBefore.length) !== '');
    if (blankBefore) end += lineBreakAt(text, end).length;
    edits.push(replaceOffsets(document, start, end, ''));
  }
  if (!inPlace && block) {
    const insertion = definitionInsertion(document, block);
    edits.push(replaceOffsets(document, insertion.offset, insertion.offset, insertion.text));
  }
  return edits;
}
