import type { BriefDocument } from '../../document';
import type { Span } from '../../types';

export interface LegacyMarker extends Span {
  /** The note number the marker shows. */
  number: number;
  kind: 'superscript' | 'html';
  /** For HTML markers: the id the link points to (`fn1` in href="#fn1"). */
  target?: string;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

function superscriptValue(run: string): number {
  return Number([...run].map((ch) => SUPERSCRIPT_DIGITS.indexOf(ch)).join(''));
}

// Each run of spaces sits before a literal, never beside another run, and no tag part crosses a `<`: linear time.
const HTML_MARKER = /<sup\b[^<>]*>\s*(?:<a\b[^<>]*?href\s*=\s*["']#([^"'<>]+)["'][^<>]*>\s*)?\[?(\d{1,4})\]?\s*(?:<\/a>\s*)?<\/sup>/gi;
/** ² and ³ after a unit are squares and cubes, not notes. */
const UNIT_BEFORE = /(?:^|[^\p{L}])(?:k?m|cm|mm|ft|mi|yd|in|sq)$/u;
/** After a digit or a lone letter a superscript is an exponent: 10⁶, x³. */
const EXPONENT_BEFORE = /(?:\d|(?:^|[^\p{L}])\p{L})$/u;

/** Whether a superscript number after `before` is an exponent rather than a note number. */
function isExponent(before: string, digits: string): boolean {
  // ² and ³ after a short symbol are powers too: E = mc², in².
  return EXPONENT_BEFORE.test(before) || (/^[23]$/.test(digits) && (UNIT_BEFORE.test(before) || SHORT_SYMBOL_BEFORE.test(before)));
}

const SHORT_SYMBOL_BEFORE = /(?:^|[^\p{L}])\p{L}{1,2}$/u;

/** Ranges merged into disjoint ones in order, so whether an offset is inside one is a binary search. */
export function disjoint(ranges: Span[]): Span[] {
  const merged: Span[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** The first of disjoint ranges, in order, that ends after `offset`: a binary search. */
export function firstEndingAfter<T extends Span>(ranges: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return ranges[low];
}

/** Whether `offset` is inside one of disjoint ranges in order. */
export function inside(ranges: readonly Span[], offset: number): boolean {
  const range = firstEndingAfter(ranges, offset);
  return range !== undefined && range.start <= offset;
}

/** Characters before a marker that the exponent and unit tests look at: enough for `km`, `sq`, `mc`, with the one before. */
const LOOK_BEHIND = 8;
/** How a line starts before its text: blanks, quote and list marks, or a number and a stop (`12. `). */
const LINE_MARKS = /[\s>*+-]*/y;
const NUMBERED_ITEM = /\s*\d+\.\s*/y;

/** Whether only list or quote marks, or a list number, come before `start` on the line that begins at `lineStart`. */
function atLineStart(text: string, lineStart: number, start: number): boolean {
  LINE_MARKS.lastIndex = lineStart;
  LINE_MARKS.exec(text);
  if (start <= LINE_MARKS.lastIndex) return true;
  NUMBERED_ITEM.lastIndex = lineStart;
  const item = NUMBERED_ITEM.exec(text);
  return item !== null && start <= NUMBERED_ITEM.lastIndex && start >= lineStart + item[0].trimEnd().length;
}

/** A note pasted as a line that starts with its superscript number: `³ Ministry of Water, 2024.` */
export const SUPERSCRIPT_NOTE_START = /^\s{0,3}([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?=\S)/;
const NOTES_HEADING = /^\s{0,3}#{1,6}\s+(?:notes|endnotes|footnotes)[\s#]*$/i;
/** A note pasted as a numbered line under a Notes heading: `3. Ministry of Water, 2024.` */
export const NUMBERED_NOTE_START = /^\s{0,3}(\d{1,4})[.)]?\s+(?=\S)/;
export const HEADING = /^\s{0,3}#{1,6}\s/;

/** The lines of a text with their offsets, whatever its line breaks (CRLF, LF or CR). */
export function* linesOf(text: string): Generator<{ start: number; end: number; next: number; content: string }> {
  let start = 0;
  for (const match of text.matchAll(/\r\n|\n|\r/g)) {
    const end = match.index ?? 0;
    yield { start, end, next: end + match[0].length, content: text.slice(start, end) };
    start = end + match[0].length;
  }
  yield { start, end: text.length, next: text.length, content: text.slice(start) };
}

/** Reads lines in order for the start of a pasted note's text, keeping track of whether they stand under a Notes heading. */
export class NoteStarts {
  inNotesSection = false;

  /** The note this line starts, its number and the mark before its text (`³ `, `3. `); a heading sets whether the lines below are under Notes. */
  read(content: string): { number: number; mark: string } | undefined {
    if (HEADING.test(content)) {
      this.inNotesSection = NOTES_HEADING.test(content);
      return undefined;
    }
    const superscript = SUPERSCRIPT_NOTE_START.exec(content);
    if (superscript) return { number: superscriptValue(superscript[1]), mark: superscript[0] };
    const numbered = this.inNotesSection ? NUMBERED_NOTE_START.exec(content) : null;
    return numbered ? { number: Number(numbered[1]), mark: numbered[0] } : undefined;
  }
}

/** For each note number, the offset of the last line that starts that note's text (`³ …`, or `3. …` under a Notes heading). */
function noteLineStarts(text: string, skip: readonly Span[]): Map<number, number> {
  const starts = new Map<number, number>();
  const reader = new NoteStarts();
  for (const line of linesOf(text)) {
    const start = inside(skip, line.start) ? undefined : reader.read(line.content);
    if (start) starts.set(start.number, line.start);
  }
  return starts;
}

/**
 * Footnote markers that are not Markdown footnotes: superscript digits after a word or
 * punctuation (Word, PDF), and `<sup><a href="#fn1">1</a></sup>` (web pages, CMS exports).
 * A superscript at the start of a line begins a note's text, not a marker. After a digit or `%`
 * it is an exponent (10⁶), unless the note with that number stands at a line's start below it
 * ("rose 12%³" with "³ Ministry of Water, 2024." further down).
 */
export function findLegacyMarkers(document: BriefDocument): LegacyMarker[] {
  const text = document.text;
  const skip = disjoint([...document.verbatimBlocks, ...document.codeSpans, ...(document.frontMatter ? [document.frontMatter] : [])]);
  const markers: LegacyMarker[] = [];
  let notesAt: Map<number, number> | undefined;
  for (const match of text.matchAll(SUPERSCRIPT_RUN)) {
    const start = match.index ?? 0;
    if (inside(skip, start)) continue;
    const lineStart = document.lines.lineStart(document.lines.positionAt(start).line);
    if (atLineStart(text, lineStart, start)) continue;
    // Only the last few characters matter below: the whole line before each marker would make a long line quadratic.
    const before = text.slice(Math.max(lineStart, start - LOOK_BEHIND), start);
    if (!/[\p{L}\p{N}.,;:!?)"”’'\]*_%]$/u.test(before)) continue;
    // A run like ⁰¹²³⁴⁵⁶⁷⁸⁹ shows the characters; no brief has ten thousand notes.
    const number = superscriptValue(match[0]);
    if (match[0].length > 3) continue;
    if (isExponent(before, String(number)) || before.endsWith('%')) {
      notesAt ??= noteLineStarts(text, skip);
      if (!((notesAt.get(number) ?? -1) > start)) continue;
    }
    markers.push({ start, end: start + match[0].length, number, kind: 'superscript' });
  }
  const code = disjoint([...document.verbatimBlocks.filter((b) => b.kind === 'code'), ...document.codeSpans]);
  for (const match of text.matchAll(HTML_MARKER)) {
    const start = match.index ?? 0;
    // Inside an HTML block the marker is still a note marker; inside code it is an example.
    if (inside(code, start)) continue;
    // km<sup>2</sup> is a square kilometre: without a link to a note, a superscript after a unit or digit is an exponent.
    if (match[1] === undefined && isExponent(text.slice(Math.max(0, start - 20), start), match[2])) continue;
    markers.push({ start, end: start + match[0].length, number: Number(match[2]), kind: 'html', target: match[1] });
  }
  return markers.sort((a, b) => a.start - b.start);
}
