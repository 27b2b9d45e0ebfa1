import type { Span } from '../types';
import { trimEndOf, trimEndOfSpaceAnd } from '../text/trim';
/**
 * A tolerant reader of the reference shapes found in real briefs: Chicago notes and
 * author-date bibliography entries, APA and MLA-like strings. It finds fields rather than
 * following one grammar, and records where each field is, so checks can point at it and
 * fixes can replace it. What it cannot read stays in `raw`; nothing is dropped.
 */
export interface FieldSpan extends Span {
  /** The field as written. */
  text: string;
  /** Offsets in the parsed string. */
}

export interface ParsedReference {
  raw: string;
  authors?: FieldSpan;
  /** Family names of the authors, in order, lower-cased and accent-folded for comparison. */
  familyNames: string[];
  year?: FieldSpan;
  /** True when the reference says "n.d." (no date). */
  noDate: boolean;
  title?: FieldSpan;
  container?: FieldSpan;
  url?: FieldSpan;
  doi?: string;
  accessed?: FieldSpan;
  /** Accessed date as YYYY-MM-DD when it could be read. */
  accessedIso?: string;
  /** "Ibid." or "Id.": a note that points at the previous one. */
  isIbid: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
export const DATE = `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const ACCESSED = new RegExp(`\\b(?:accessed|retrieved|last visited|viewed)(?:\\s+on)?\\s+(${DATE})`, 'i');
/** A web address up to a space or angle bracket, or up to `](` where a Markdown link's text is the address itself: `[https://…](https://… "title")`. */
const URL_START = /<?(https?:\/\/(?:[^\s<>\]]|\](?!\())+)/g;
const DOI_START = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s<>]+)/gi;
const MARKDOWN_LINK = /\[([^[\]]{3,})\]\((https?:[^()\s]+)\)/;
const ITALIC = /(?<![*_\w])([*_])(?!\s)([^*_]{3,}?)\1(?![*_\w])/;
const YEAR = /\b(1[6-9]\d{2}|20\d{2})[a-z]?\b/;
const NO_DATE = /\bn\.\s?d\.?/i;

export function foldForComparison(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, folded for comparison, without punctuation. */
export function foldedWords(text: string): string[] {
  return foldForComparison(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

export function isoDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const words = text.replace(/[.,]/g, ' ').trim().split(/\s+/);
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const word of words) {
    if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}$/.test(word)) day = Number(word);
    else {
      const index = MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3)));
      if (index >= 0) month = index + 1;
    }
  }
  if (!day || !month || !year) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function span(source: string, start: number, end: number): FieldSpan {
  return { text: source.slice(start, end), start, end };
}

const CORPORATE =
  /\b(?:department|ministry|office|institute|commission|agency|council|university|bank|organi[sz]ation|association|committee|government|service|center|centre|foundation|bureau|administration|nations|union|news|watch|group|forum|society|library|museum|trust|fund|federation|league|alliance|coalition|network|corporation|company|board|dictionary|encyclopa?edia|magazine|press)\b/i;

/** True for an organisation as author ("U.S. Department of Energy"), which sorts by its full name. */
export function isCorporateAuthor(authors: string): boolean {
  return !authors.includes(',') && CORPORATE.test(authors);
}

/** A word of given names: "Jean-Paul", "J.", "J.R.", "O’Neil" (a capital, then letters, each dot before a capital or last). */
const GIVEN_NAME_WORD = /^\p{Lu}(?:[\p{L}'’-]|\.(?=\p{Lu}))*\.?$/u;
/** The full stop after a given name ("Peter. An …"), not after an initial ("J. R."). */
const GIVEN_NAME_END = /(?<=\p{L}{2})\.\s+/u;

/** An author list without "et al.", with one space between words and no closing punctuation. */
export function cleanedAuthors(authors: string): string {
  return trimEndOf(
    authors
      .replace(/\bet al\.?/gi, '')
      .replace(/\s+/g, ' ')
      .trim(),
    '.,;',
  );
}

/**
 * An author list cleaned (see cleanedAuthors) and cut
 * into groups at ";", "&" and "and", each group into its comma-separated pieces.
 */
export function authorGroups(authors: string): { cleaned: string; groups: string[][] } {
  const cleaned = cleanedAuthors(authors);
  // One space between words from here on, so no pattern below needs an unbounded run of spaces.
  const groups = cleaned.split(/ ?(?:;|&|,? and ) ?/i).map((group) =>
    group
      .split(',')
      .map((piece) => piece.trim())
      .filter((piece) => piece !== ''),
  );
  return { cleaned, groups };
}

/**
 * Family names from "Guinto, Joel, Kelly Ng, and Jake Kwon", "Smith, J., & Lee, K." or
 * "Jane Doe and Rick Roe"; an organisation counts as one name.
 */
export function familyNamesOf(authors: string): string[] {
  const { cleaned, groups } = authorGroups(authors);
  if (cleaned === '') return [];
  if (isCorporateAuthor(cleaned)) return [foldForComparison(cleaned.replace(/[.,]/g, ''))];
  const families: string[] = [];
  let runOn = false;
  groups.forEach((pieces, groupIndex) => {
    if (runOn) return;
    const looksGiven = (piece: string | undefined) =>
      piece !== undefined && piece.split(' ').length <= 3 && piece.split(' ').every((word) => GIVEN_NAME_WORD.test(word));
    let i = 0;
    // "Hunter Blair, Peter. An Introduction to …": a title in neither quotes nor italics runs on
    // after the authors; the given name ends at its full stop, and what follows is no name.
    const [given, ...title] = pieces[1]?.split(GIVEN_NAME_END) ?? [];
    // "Family, Given" (first author in Chicago; every author in APA), the family name as written: "de la Cruz Martínez, Ana María".
    if (pieces.length >= 2 && pieces[0].split(/\s+/).length <= 5 && looksGiven(given) && (groupIndex === 0 || pieces.length === 2)) {
      families.push(pieces[0]);
      i = 2;
      runOn = title.length > 0;
      if (runOn) return;
    }
    for (; i < pieces.length; i++) {
      const words = pieces[i].split(/\s+/);
      families.push(words[words.length - 1]);
    }
  });
  return families.map((f) => foldForComparison(f.replace(/[.,]/g, ''))).filter((f) => f.length > 1 || /\p{Lo}/u.test(f));
}

/**
 * The first web address or DOI in a reference that ends at a space, the end, or a closing `>`;
 * punctuation after it (“…/report.”) is not part of it. Found as a whole token and then trimmed,
 * rather than by a lazy pattern with a look-ahead, which is quadratic in a run of dots.
 */
function findAddress(text: string, pattern: RegExp, trailing: string): { index: number; address: string } | undefined {
  for (const match of text.matchAll(pattern)) {
    const end = (match.index ?? 0) + match[0].length;
    const next = text[end];
    if (next === '>') {
      let after = end + 1;
      while (after < text.length && trailing.includes(text[after])) after++;
      if (after === text.length || /\s/.test(text[after])) return { index: match.index ?? 0, address: match[1] };
    } else if (next === undefined || /\s/.test(next)) {
      const address = trimEndOf(match[1], trailing);
      // Something must be left after the scheme or the DOI prefix once the punctuation is off.
      if (/^(?:https?:\/\/|10\.\d{4,9}\/)[^\s<>]/i.test(address)) return { index: match.index ?? 0, address };
    }
  }
  return undefined;
}

/**
 * The first quoted title: an opening mark, then three or more characters up to the next closing
 * mark (an opening “ inside is kept: “Balance in the “Gig” Economy” gives “Balance in the “Gig”).
 * Each closing mark is looked for once, whatever the number of openings before it: linear time.
 */
const CLOSING_QUOTE = /[”"]/g;

function firstQuoted(text: string): { index: number; 0: string; 1: string } | undefined {
  let close = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '“' && text[i] !== '"') continue;
    if (close <= i) {
      CLOSING_QUOTE.lastIndex = i + 1;
      close = CLOSING_QUOTE.exec(text)?.index ?? -1;
    }
    if (close < 0) return undefined;
    if (close - i - 1 >= 3) return { index: i, 0: text.slice(i, close + 1), 1: text.slice(i + 1, close) };
  }
  return undefined;
}

/**
 * The publication's name after a title: up to the first full stop, ending before volume, issue,
 * pages, a date or "n.d." (a digit, a parenthesis, "n.d." or a full stop after its last word).
 */
function containerAfterTitle(rest: string): { start: number; end: number } | undefined {
  let start = 0;
  while (start < rest.length && /[\s.,”"]/.test(rest[start])) start++;
  for (let j = start; j < rest.length && rest[j] !== '.'; j++) {
    if (/[\s,]/.test(rest[j])) continue;
    let after = j + 1;
    let sawStop = false;
    while (after < rest.length && /[\s.,]/.test(rest[after])) {
      sawStop ||= rest[after] === '.';
      after++;
    }
    if (sawStop || after === rest.length || /[\d(]/.test(rest[after]) || /^n\.\s?d\b/.test(rest.slice(after, after + 5))) return { start, end: j + 1 };
  }
  return undefined;
}

/** Where a title stands in a reference: the whole match with its marks, and the words inside them. */
interface TitleMatch {
  index: number;
  whole: string;
  inner: string;
}

/**
 * APA's opening, "Okafor, A. (2019). " or "Okafor, A. (2019, May 2). ", and Harvard's, "Okafor, A., 2019. "
 * (the authors end with an initial): the title follows, in no marks when it is an article's.
 */
const AUTHORS_THEN_YEAR =
  /^\s*(?:[-*+]\s+|\d+[.)]\s+)?[^()\n]{2,300}?(?:\s\((?:1[6-9]\d{2}|20\d{2}|n\.\s?d\.)[a-z]?(?:,[^()\n]{1,30})?\)|(?<=\b\p{Lu}\.),?\s(?:1[6-9]\d{2}|20\d{2})[a-z]?)\.\s+/u;
/** The end of a sentence-case title: a stop before a capital, a mark, a digit or the end ("U.S. trade" runs on). */
const PLAIN_TITLE_END = /[.?!](?=\s+[\p{Lu}*_\d(]|\s*$)/u;

/**
 * An article's title as APA writes it, after the authors and the year in parentheses and in no
 * quotation marks or italics ("Storm outages and the rural grid."), up to the sentence's end.
 */
function plainTitleAfterYear(head: string): TitleMatch | undefined {
  const opening = AUTHORS_THEN_YEAR.exec(head);
  if (!opening) return undefined;
  const start = opening[0].length;
  if (/^[*_“"‘'[<\d]/.test(head.slice(start, start + 1))) return undefined;
  const rest = head.slice(start);
  const end = PLAIN_TITLE_END.exec(rest);
  const inner = rest.slice(0, end ? end.index : rest.length).trim();
  if (inner.split(/\s+/).length < 2) return undefined;
  return { index: start, whole: rest.slice(0, end ? end.index + 1 : rest.length), inner };
}

/** "*The London Magazine.* “History.”": a site or publication named first, in italics, then the work's quoted title. */
function namedSiteFirst(head: string, italic: RegExpExecArray, quotedAt: number): boolean {
  return (
    quotedAt > italic.index &&
    /^\s*(?:[-*+]\s+|\d+[.)]\s+)?$/.test(head.slice(0, italic.index)) &&
    /^[\s.,:]*$/.test(head.slice(italic.index + italic[0].length, quotedAt))
  );
}

/** The site or publication named first is the work's author, sorted and matched as readers do, without a leading article ("The Harbour Review" under H). */
function takeSiteAsAuthor(result: ParsedReference, text: string, italic: RegExpExecArray): void {
  const name = trimEndOf(italic[2], '.,: ');
  const start = italic.index + italic[0].indexOf(italic[2]);
  result.authors = span(text, start, start + name.length);
  result.familyNames = [foldForComparison(name.replace(/[.,]/g, '')).replace(/^(?:the|a|an) /, '')];
}

/** Reads one reference. `text` may include a leading list marker; offsets refer to `text` as given. */
export function parseReference(text: string): ParsedReference {
  const result: ParsedReference = { raw: text, familyNames: [], noDate: false, isIbid: /^\s*(?:[-*+]\s+)?(?:ibid|id)\.?(?:[,\s]|$)/i.test(text) };
  const url = findAddress(text, URL_START, '.,;:)]');
  if (url) {
    const start = url.index + (text[url.index] === '<' ? 1 : 0);
    result.url = span(text, start, start + url.address.length);
  }
  const doi = findAddress(text, DOI_START, '.,;)]');
  if (doi) result.doi = doi.address.toLowerCase();
  const accessed = ACCESSED.exec(text);
  if (accessed) {
    const start = (accessed.index ?? 0) + accessed[0].length - accessed[1].length;
    result.accessed = span(text, start, start + accessed[1].length);
    result.accessedIso = isoDate(accessed[1]);
  }
  // The text the title, authors and year are looked for in: before the URL and the access date.
  const cut = Math.min(result.url ? result.url.start - 1 : text.length, accessed ? (accessed.index ?? text.length) : text.length);
  const head = text.slice(0, Math.max(0, cut));
  const quoted = firstQuoted(head);
  const italic = ITALIC.exec(head);
  const siteFirst = italic !== null && quoted !== undefined && namedSiteFirst(head, italic, quoted.index);
  const markedTitle: TitleMatch | undefined =
    quoted && (!italic || quoted.index <= italic.index || siteFirst)
      ? { index: quoted.index, whole: quoted[0], inner: quoted[1] }
      : italic
        ? { index: italic.index, whole: italic[0], inner: italic[2] }
        : undefined;
  const plain = plainTitleAfterYear(head);
  const titleMatch = plain && (!markedTitle || markedTitle.index >= plain.index + plain.whole.length) ? plain : markedTitle;
  const link = titleMatch ? null : MARKDOWN_LINK.exec(text);
  if (link) {
    // "[Survey of waiting lists](https://…)": the link text names the work.
    const start = (link.index ?? 0) + 1;
    result.title = span(text, start, start + link[1].length);
  }
  if (titleMatch) {
    const inner = titleMatch.inner;
    const start = titleMatch.index + titleMatch.whole.indexOf(inner);
    // Chicago puts the comma or period inside the quotes; it is not part of the title.
    const trimmed = trimEndOf(inner, ',;:.');
    result.title = span(text, start, start + trimmed.length);
  }
  const titleStart = titleMatch ? titleMatch.index : head.length;
  const beforeTitle = head.slice(0, titleStart);
  const noDate = NO_DATE.exec(head);
  result.noDate = noDate !== null;
  // Year: in author-date styles right after the authors; in note styles near the end.
  const yearSearch = [beforeTitle, head.slice(titleMatch ? titleStart + titleMatch.whole.length : head.length)];
  for (const [i, region] of yearSearch.entries()) {
    const year = YEAR.exec(region);
    if (year) {
      const offset = i === 0 ? 0 : titleStart + (titleMatch ? titleMatch.whole.length : 0);
      result.year = span(text, offset + (year.index ?? 0), offset + (year.index ?? 0) + year[1].length);
      break;
    }
  }
  // Authors: what precedes the title (and the year, in author-date order), when it reads like names.
  const leading = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?/.exec(text)![0].length;
  let authorEnd = titleStart;
  const yearInAuthors = result.year && result.year.start < titleStart ? result.year.start : undefined;
  const noDateInAuthors = noDate && (noDate.index ?? 0) < titleStart ? noDate.index : undefined;
  authorEnd = Math.min(authorEnd, yearInAuthors ?? authorEnd, noDateInAuthors ?? authorEnd);
  const authorText = trimEndOfSpaceAnd(text.slice(leading, authorEnd), '.,(');
  if (
    authorText.length > 1 &&
    authorText.length < 300 &&
    /^(?:(?:van|von|de|der|den|da|di|du|la|le|d['’])\s*)*\p{Lu}/u.test(authorText.trim()) &&
    !/^(?:see|cf)\b/i.test(authorText) &&
    !result.isIbid
  ) {
    result.authors = span(text, leading, leading + authorText.length);
    result.familyNames = familyNamesOf(authorText);
  }
  if (siteFirst && !result.authors && !result.isIbid) takeSiteAsAuthor(result, text, italic);
  // Container: the sentence after the title, before a date, access date or URL.
  if (titleMatch) {
    let after = titleStart + titleMatch.whole.length;
    // Author-date entries put the year before the publication: “Title.” 2024. NATO.
    const yearFirst = /^[\s.,”"]*(?:1[6-9]\d{2}|20\d{2}|n\.\s?d)[a-z]?\.?[\s,]*/.exec(text.slice(after, cut));
    if (yearFirst) after += yearFirst[0].length;
    const rest = text.slice(after, cut);
    // The publication's name ends where volume, issue, pages, a date or "n.d." begin.
    const container = containerAfterTitle(rest);
    const name = container ? rest.slice(container.start, container.end) : '';
    if (container && name.trim().length > 1 && !/^\d+$/.test(name.trim())) {
      result.container = span(text, after + container.start, after + container.end);
    }
  }
  return result;
}

/** Lower-cased words of a title, without quotes or punctuation, for comparison. */
export function normalizeTitle(title: string): string {
  return foldForComparison(title)
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL for comparison: no scheme, no www., no trailing slash or fragment, host lower-cased. */
export function normalizeUrl(url: string): string {
  const match = /^https?:\/\/(?:www\.)?([^/?#]+)([^#]*)/i.exec(url.trim());
  if (!match) return url.trim().toLowerCase();
  return `${match[1].toLowerCase()}${trimEndOf(match[2], '/')}`;
}
