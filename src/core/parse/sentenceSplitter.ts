import type { Span } from '../types';

/**
 * Splits prose into sentences. Returns [start, end) spans, trimmed of surrounding space.
 *
 * A sentence ends at `.`, `!`, `?` or `…`, together with any closing quotes, brackets
 * and footnote or citation markers that follow it (`signed.”[^1]`), when the next
 * word starts a new sentence. Abbreviations (U.S., e.g., Dr., No.), initials (J. Smith)
 * and decimals (3.5) do not end a sentence.
 */

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'adm',
    'sen', 'rep', 'gov', 'pres', 'amb', 'hon', 'rev', 'chap', 'ed', 'eds', 'trans', 'cf', 'vs', 'v', 'viz', 'approx', 'ca',
    'est', 'dept', 'govt', 'inc', 'ltd', 'co', 'corp', 'assn', 'univ', 'al', 'e.g', 'i.e', 'etc', 'u.s',
    'u.k', 'u.n', 'e.u', 'u.s.a', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
    'nov', 'dec', 'op', 'cit', 'ibid', 'id', 'n.d', 'a.m', 'p.m',
  ],
);

/** Abbreviations that are only abbreviations before a number: "No. 5", but "the answer was no." */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'p', 'pp', 'vol', 'vols', 'art', 'sec', 'ch', 'para', 'paras', 'fig', 'figs']);

/** Words that begin a new sentence after an abbreviation such as "U.S." or "etc.". */
const SENTENCE_STARTERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'in', 'a', 'an', 'he', 'she', 'they', 'we', 'i', 'but',
  'however', 'and', 'yet', 'so', 'there', 'on', 'at', 'for', 'as', 'while', 'since', 'after', 'before',
  'although', 'if', 'when', 'meanwhile', 'moreover', 'furthermore', 'also', 'such', 'both', 'many', 'most',
]);

/** Abbreviations that may also end a sentence. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m']);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '*', '_', '»']);

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dot);
}

function skipMarker(text: string, at: number): number {
  // `[^label]` footnote marker or `[@key]` citation directly after the punctuation.
  if (text[at] !== '[') return at;
  if (text[at + 1] !== '^' && text[at + 1] !== '@' && !(text[at + 1] === '-' && text[at + 2] === '@')) return at;
  const close = text.indexOf(']', at);
  return close < 0 ? at : close + 1;
}

function startsSentence(text: string, at: number): boolean {
  const ch = text[at];
  if (ch === undefined) return true;
  return /[\p{Lu}\p{N}"“‘'(\[*_¿¡«]/u.test(ch) || /\p{Lo}/u.test(ch);
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let sentenceStart = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && /[.!?…]/.test(text[end])) end++;
    for (;;) {
      if (end < text.length && CLOSERS.has(text[end])) {
        end++;
        continue;
      }
      const afterMarker = skipMarker(text, end);
      if (afterMarker !== end) {
        end = afterMarker;
        continue;
      }
      break;
    }
    if (end < text.length && !/\s/.test(text[end])) {
      i = end;
      continue;
    }
    let next = end;
    while (next < text.length && /\s/.test(text[next])) next++;
    if (ch === '.' && end === i + 1 && !isSentenceEndingDot(text, i, next)) {
      i = end;
      continue;
    }
    if (next < text.length && !startsSentence(text, next)) {
      i = end;
      continue;
    }
    pushTrimmed(text, sentenceStart, end, spans);
    sentenceStart = next;
    i = next;
  }
  pushTrimmed(text, sentenceStart, text.length, spans);
  return spans;
}

function isSentenceEndingDot(text: string, dot: number, next: number): boolean {
  const before = wordBefore(text, dot);
  const word = before.toLowerCase();
  if (word === '') return true;
  // Initials such as "J." in "Mark J. Rutte".
  if (/^\p{Lu}$/u.test(before)) return false;
  if (NUMBER_ABBREVIATIONS.has(word)) return !/\p{N}/u.test(text[next] ?? '');
  if (!ABBREVIATIONS.has(word)) return true;
  if (!SENTENCE_FINAL_ABBREVIATIONS.has(word)) return false;
  // "the U.S. Defense Secretary" goes on; "sanctions by the U.S. The EU ..." ends.
  return next >= text.length || SENTENCE_STARTERS.has(nextWord(text, next).toLowerCase());
}

function nextWord(text: string, at: number): string {
  let end = at;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end++;
  return text.slice(at, end);
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
}
