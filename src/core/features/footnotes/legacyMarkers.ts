import type { BriefDocument, Located } from '../../document';
import type { Span } from '../../types';

export interface LegacyMarker extends Span {
  /** The note number the marker shows. */
  number: number;
  kind: 'superscript' | 'html';
  /** For HTML markers: the id the link points to (`fn1` in href="#fn1"). */
  target?: string;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export function superscriptValue(run: string): number {
  return Number([...run].map((ch) => SUPERSCRIPT_DIGITS.indexOf(ch)).join(''));
}

const HTML_MARKER = /<sup\b[^>]*>\s*(?:<a\b[^>]*?href\s*=\s*["']#([^"']+)["'][^>]*>)?\s*\[?(\d{1,4})\]?\s*(?:<\/a>)?\s*<\/sup>/gi;
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

function inside(ranges: Located[], offset: number): boolean {
  return ranges.some((r) => r.start <= offset && offset < r.end);
}

/**
 * Footnote markers that are not Markdown footnotes: superscript digits after a word or
 * punctuation (Word, PDF), and `<sup><a href="#fn1">1</a></sup>` (web pages, CMS exports).
 * A superscript at the start of a line begins a note's text, not a marker.
 */
export function findLegacyMarkers(document: BriefDocument): LegacyMarker[] {
  const text = document.text;
  const skip = [...document.verbatimBlocks, ...document.codeSpans, ...(document.frontMatter ? [document.frontMatter] : [])];
  const markers: LegacyMarker[] = [];
  for (const match of text.matchAll(SUPERSCRIPT_RUN)) {
    const start = match.index ?? 0;
    if (inside(skip, start)) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
    const before = text.slice(lineStart, start);
    if (/^[\s>*+-]*$/.test(before) || /^\s*\d+\.\s*$/.test(before)) continue;
    if (!/[\p{L}\p{N}.,;:!?)"”’'\]*_]$/u.test(before)) continue;
    // A run like ⁰¹²³⁴⁵⁶⁷⁸⁹ shows the characters; no brief has ten thousand notes.
    if (match[0].length > 3 || isExponent(before, String(superscriptValue(match[0])))) continue;
    markers.push({ start, end: start + match[0].length, number: superscriptValue(match[0]), kind: 'superscript' });
  }
  for (const match of text.matchAll(HTML_MARKER)) {
    const start = match.index ?? 0;
    // Inside an HTML block the marker is still a note marker; inside code it is an example.
    if (inside([...document.verbatimBlocks.filter((b) => b.kind === 'code'), ...document.codeSpans], start)) continue;
    // km<sup>2</sup> is a square kilometre: without a link to a note, a superscript after a unit or digit is an exponent.
    if (match[1] === undefined && isExponent(text.slice(Math.max(0, start - 20), start), match[2])) continue;
    markers.push({ start, end: start + match[0].length, number: Number(match[2]), kind: 'html', target: match[1] });
  }
  return markers.sort((a, b) => a.start - b.start);
}
