import { DATE, MONTH, type ParsedReference } from './referenceParser';
import { trimEndOf, trimEndOfSpaceAnd } from '../text/trim';
import type { Span } from '../types';

/**
 * A Chicago note read part by part, every word of it placed: the authors, the title as written,
 * the publication facts (place and publisher, container, volume, date), the locator, the address.
 * A fix that rewrites a note may drop the facts and the address, which the full note keeps, but
 * nothing else: a note with words that are none of these (commentary, a second source, a sentence
 * after the page) has no parts, and no rewrite is offered for it.
 */
export interface NoteParts {
  /** The authors as the note names them, without an editor's "ed.": "Jane Doe and Rick Roe". */
  authors: string;
  /** The title's words, as the reference parser found them. */
  title: string;
  /** The title's marks as written: `*`, `_`, `“`, `"`, or '' (a bare link's text). */
  mark: string;
  /** Where the publication facts end (where the title ends, when there are none): a page added goes here. */
  factsEnd: number;
  /** Whether publication facts stand between the title and the locator. */
  hasFacts: boolean;
  /** Whether an address ends the note: "accessed …", the URL, the DOI. */
  hasAddress: boolean;
  /** The page, right after the facts: `14`, `pp. 3–5`, `viii`. */
  locator?: Span & { text: string };
}

type PieceKind = 'facts' | 'date' | 'page' | 'address' | 'name';

/** A year as notes write it, for telling a date from a page. */
const YEAR_ONLY = /^(?:1[5-9]\d{2}|20\d{2})$/;
/** Words that open commentary, another source or a locator, never a publisher's or a site's name. */
const NOT_A_NAME =
  /^(?:see|compare|cf|contra|but|also|accord|quoted|cited|table|figure|fig|annex|appendix|chapter|chap|section|sec|box|para|paragraph|note|page|line|art|article)\b/i;
/** A capitalised word of a name: "Institute", "U.S.", "O’Neil"; a full stop only in a short word ("U.S.", "Inc."), so "Institute. Compare" is two sentences. */
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{N}’'&-]*(?:\\.\\p{L}+)*";
const NAME = `${NAME_WORD}(?:(?<=^|[^\\p{L}]\\p{L}{0,3})\\.)?`;
const NAMES = `${NAME}(?:\\s+(?:(?:of|the|and|for|on|in|de|du|la|&)\\s+)*${NAME})*`;

/** What may follow a title, tried in this order at each place; each is matched where the last ended (sticky). */
const PIECES: Array<[PieceKind, RegExp]> = [
  // "(Oslo: Institute, 2023)", "(2025)", "(n.d.)": place, publisher, date; "(Oslo: Institute)": place and publisher.
  ['date', /\((?=[^()]*(?:\b1[5-9]\d{2}\b|\b20\d{2}\b|\bn\.\s?d\.|\bforthcoming\b))[^()]*\)/iy],
  ['facts', /\([^():]*:[^()]*\)/y],
  ['address', new RegExp(`(?:accessed|retrieved)\\s+${DATE}`, 'iy')],
  ['address', /<?(?:https?:\/\/|doi:\s*)[^\s<>]+>?/iy],
  ['date', new RegExp(`(?:(?:last\\s+)?(?:modified|updated|published|posted)\\s+)?(?:${DATE}|${MONTH}\\s+\\d{4})(?![\\p{L}\\p{N}])`, 'iuy')],
  // "in *Collected Essays*", "*Energy Policy Review* 14": a book the chapter is in, a journal and its volume.
  ['facts', /(?:in\s+)?([*_])[^*_]+\1(?:\s+\d+)?(?![\p{L}\p{N}])/uy],
  ['facts', /(?:vol|no|iss|pt)\.\s*\d[\w–-]*(?![\p{L}\p{N}])/iuy],
  ['facts', /(?:\d+(?:st|nd|rd|th)|rev\.|abr\.)\s+ed\./iy],
  ['facts', new RegExp(`(?:(?:eds?|trans|comp)\\.|(?:edited|translated|compiled)\\s+by)\\s+${NAMES}`, 'uy')],
  ['page', /(?:pp?\.\s*)?(?:\d[\dA-Za-z–-]*|[ivxlc]+(?:[–-][ivxlc]+)?)(?![\p{L}\p{N}])/uy],
  // "Reuters", "World Bank Group", "Working Paper 12": a publisher, site or series.
  ['name', new RegExp(`${NAMES}(?:\\s+\\d+)?(?![\\p{L}\\p{N}])`, 'uy')],
];
const SEPARATOR = /\s*[,:]?\s*/y;
const END = /\.?\s*$/y;

interface Piece extends Span {
  kind: PieceKind;
}

/** The pieces after a title up to the note's end, or undefined when some words are none of them. */
function piecesOf(raw: string, from: number): Piece[] | undefined {
  const pieces: Piece[] = [];
  let at = from;
  for (;;) {
    END.lastIndex = at;
    if (END.test(raw)) return pieces;
    SEPARATOR.lastIndex = at;
    SEPARATOR.exec(raw);
    const start = SEPARATOR.lastIndex;
    // A piece must be set off from the last one: "Institute, 2023", not "Institute2023".
    if (pieces.length > 0 && start === at) return undefined;
    let found: Piece | undefined;
    for (const [kind, pattern] of PIECES) {
      pattern.lastIndex = start;
      const match = pattern.exec(raw);
      if (!match) continue;
      if (kind === 'name' && NOT_A_NAME.test(match[0])) return undefined;
      // An address ends before the punctuation after it: "…/report." ends the note.
      const text = kind === 'address' ? trimEndOf(match[0], '.,;:') : match[0];
      found = { kind: kind === 'name' ? 'facts' : kind, start, end: start + text.length };
      break;
    }
    if (!found) return undefined;
    pieces.push(found);
    at = found.end;
  }
}

/** The title's marks as written and where they end: `*…*`, `“…,”`, `[*…*](https://…)`, `[…](https://…)`. */
function titleMarks(raw: string, title: Span): { open: number; mark: string; end: number } | undefined {
  let open = title.start;
  let mark = raw[open - 1] ?? '';
  if (!'*_“"['.includes(mark) || mark === '') return undefined;
  if (mark === '[') mark = '';
  else open--;
  const link = raw[open - 1] === '[';
  if (link) open--;
  else if (mark === '') return undefined;
  const closing = mark === '' ? '' : mark === '“' || mark === '"' ? '[”"]' : `\\${mark}`;
  const close = new RegExp(`[,.;:]?${closing}${link ? '\\]\\(<?https?://[^\\s()<>]+>?\\)' : ''}`, 'y');
  close.lastIndex = title.end;
  return close.test(raw) ? { open, mark, end: close.lastIndex } : undefined;
}

/** An editor's or translator's role after the names: "Jane Doe, ed." is cited as "Doe". */
const ROLE = /\b(?:eds?|trans|comp)\.?$/;
/** Names, commas, "and", "&", "et al.": nothing else stands before a note's title. */
const AUTHORS = /^[\p{L}\p{M}’'.\- ,&]+$/u;

/** Each reference's parts, read once: a reference is parsed once per text, and several checks ask. */
const partsCache = new WeakMap<ParsedReference, NoteParts | null>();

/** The note's parts, or undefined when any word of it is not one of them. */
export function notePartsOf(reference: ParsedReference): NoteParts | undefined {
  let parts = partsCache.get(reference);
  if (parts === undefined) {
    parts = readParts(reference) ?? null;
    partsCache.set(reference, parts);
  }
  return parts ?? undefined;
}

function readParts(reference: ParsedReference): NoteParts | undefined {
  const { raw, title } = reference;
  if (!title) return undefined;
  const marks = titleMarks(raw, title);
  if (!marks) return undefined;
  const named = trimEndOfSpaceAnd(raw.slice(0, marks.open), ',');
  const authors = trimEndOfSpaceAnd(named.slice(0, ROLE.exec(named)?.index), ',');
  if (authors === '' || !AUTHORS.test(authors)) return undefined;
  const pieces = piecesOf(raw, marks.end);
  if (!pieces) return undefined;
  // A year before the page is the note's date: "Institute, 2023, 14".
  const isYear = (piece: Piece) => piece.kind === 'page' && YEAR_ONLY.test(raw.slice(piece.start, piece.end));
  const lastPage = pieces.map((piece) => piece.kind).lastIndexOf('page');
  for (const piece of pieces.slice(0, Math.max(0, lastPage))) if (isYear(piece)) piece.kind = 'date';
  // The order of a note: facts, the date, the page, the address ("accessed …", the URL).
  const order = pieces.map((piece) => piece.kind[0]).join('');
  if (!/^f*d*p?a*$/.test(order)) return undefined;
  // A year where the page would stand is the note's date too, unless the note has its date already: "*arXiv*, 2013."
  const page = lastPage >= 0 && !(isYear(pieces[lastPage]) && !order.includes('d')) ? pieces[lastPage] : undefined;
  const facts = pieces.filter((piece) => piece.kind !== 'address' && piece !== page);
  const factsEnd = facts.length > 0 ? facts[facts.length - 1].end : marks.end;
  return {
    authors,
    title: title.text,
    mark: marks.mark,
    factsEnd,
    hasFacts: facts.length > 0,
    hasAddress: order.includes('a'),
    locator: page && { start: page.start, end: page.end, text: raw.slice(page.start, page.end) },
  };
}

/** Authors as names only: capitalised words, initials, and the words that join names ("Ministry of Water", "Doe, Jane and Rick Roe"). */
const NAME_OR_JOINING_WORD = /^(?:\p{Lu}[\p{L}\p{M}’'.-]*|and|&|et|al\.?|of|the|for|on|de|van|von|der|la|le|da|du|eds?\.?)$/u;

function namesOnly(authors: string): boolean {
  return authors.split(/[ ,]+/).every((word) => word === '' || NAME_OR_JOINING_WORD.test(word));
}
/** Words that bring in another source or a comment: "see", "cf.", "quoted in", "cited in", "also". */
const ANOTHER_SOURCE = /;\s*\S|\b(?:see|cf|compare|quoted|cited|also)\b/i;

/**
 * Whether a note or entry cites one titled work and says nothing else: its authors are names only
 * (read part by part for a Chicago note) and nothing outside its title brings in another source or a comment.
 * Only such a note's fields can be compared with an entry's, or said to be missing from the Bibliography.
 */
export function citesOneWork(reference: ParsedReference): boolean {
  const { raw, title, authors } = reference;
  if (!title || ANOTHER_SOURCE.test(raw.slice(0, title.start) + raw.slice(title.end))) return false;
  const parts = notePartsOf(reference);
  const names = parts?.authors ?? authors?.text;
  return names !== undefined && namesOnly(names);
}
