import type { Span } from '../types';

/** One `@type{…}` of a BibTeX file, found by matching its brackets, with where it is written. */
export interface RawBibtexEntry extends Span {
  type: string;
  key: string;
  /** Where the key starts, after `@type{` and any spaces. */
  keyStart: number;
}

/** An `@type{key` or `@type(key` anywhere in the file: an entry starts there unless it lies inside another. */
interface Head {
  start: number;
  type: string;
  key: string;
  keyStart: number;
  /** The `{` or `(` that opens the entry. */
  open: number;
  atLineStart: boolean;
  /** How many braces, and how many brackets of either kind, are open before the head. */
  braceDepth: number;
  bracketDepth: number;
  /** The bracket that closes the entry; undefined when none does. */
  close?: number;
}

const HEAD = /@([A-Za-z]+)\s*([{(])\s*([^,\s{}()]*)\s*,?/g;
const [OPEN_BRACE, CLOSE_BRACE, OPEN_PAREN, CLOSE_PAREN] = [...'{}()'].map((ch) => ch.charCodeAt(0));

/**
 * Every head, with the bracket that closes its entry, counting as BibTeX does: braces for
 * `@type{…}`; for `@type(…)`, parentheses and braces alike. One pass, with a stack for each count.
 */
function findHeads(text: string): Head[] {
  const heads: Head[] = [];
  for (const match of text.matchAll(HEAD)) {
    const start = match.index ?? 0;
    const open = start + match[0].indexOf(match[2]);
    const keyStart = start + match[0].length - match[0].slice(open - start + 1).trimStart().length;
    heads.push({
      start,
      type: match[1].toLowerCase(),
      key: match[3],
      keyStart,
      open,
      atLineStart: start === 0 || text[start - 1] === '\n',
      braceDepth: 0,
      bracketDepth: 0,
    });
  }
  // Each stack holds, for each bracket still open, the index of the head it opens, or -1.
  const braces: number[] = [];
  const brackets: number[] = [];
  let next = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === OPEN_BRACE || code === OPEN_PAREN) {
      const opens = next < heads.length && heads[next].open === at ? next++ : -1;
      if (opens >= 0) {
        heads[opens].braceDepth = braces.length;
        heads[opens].bracketDepth = brackets.length;
      }
      if (code === OPEN_BRACE) braces.push(opens);
      brackets.push(opens);
    } else if (code === CLOSE_BRACE || code === CLOSE_PAREN) {
      const closesBracket = brackets.pop() ?? -1;
      if (closesBracket >= 0 && text.charCodeAt(heads[closesBracket].open) === OPEN_PAREN) heads[closesBracket].close = at;
      const closesBrace = code === CLOSE_BRACE ? (braces.pop() ?? -1) : -1;
      if (closesBrace >= 0 && text.charCodeAt(heads[closesBrace].open) === OPEN_BRACE) heads[closesBrace].close = at;
    }
  }
  return heads;
}

/**
 * BibTeX entries by matching brackets, so each has a position even when citation-js rejects the
 * file. A line that starts with `@type{` inside a field's value (`note = {…\n@book{x} replies}`)
 * is text, as BibTeX reads it; at the entry's own level, where only fields belong, it starts the
 * next entry: the one before lacks its closing brace. An entry that never closes runs into the
 * next entry that starts a line.
 */
export function scanBibtex(text: string): RawBibtexEntry[] {
  const heads = findHeads(text);
  const entries: RawBibtexEntry[] = [];
  let end = 0;
  // The next head that starts a line, found by moving forward only: the scan stays linear.
  let lineHead = 0;
  const nextLineHead = (after: number, until: number, accept: (head: Head) => boolean): Head | undefined => {
    while (lineHead < heads.length && (heads[lineHead].start <= after || !heads[lineHead].atLineStart)) lineHead++;
    for (let i = lineHead; i < heads.length && heads[i].start < until; i++) if (heads[i].atLineStart && accept(heads[i])) return heads[i];
    return undefined;
  };
  for (const head of heads) {
    if (head.start < end) continue;
    const braced = text[head.open] === '{';
    const depthIn = (inner: Head) => (braced ? inner.braceDepth - head.braceDepth : inner.bracketDepth - head.bracketDepth);
    const cut =
      head.close === undefined ? nextLineHead(head.open, text.length, () => true) : nextLineHead(head.open, head.close, (inner) => depthIn(inner) === 1);
    end = cut ? cut.start : head.close === undefined ? text.length : head.close + 1;
    entries.push({ type: head.type, key: head.key, keyStart: head.keyStart, start: head.start, end });
  }
  return entries;
}

/** The most text one entry may grow to through @string abbreviations (`title = big # big`) before BriefKit leaves it unread. */
export const MAX_EXPANDED_ENTRY = 200_000;
/** The most text a whole file may grow to that way. */
export const MAX_EXPANDED_FILE = 20_000_000;

/**
 * The abbreviations an entry's values use (`month = jan`, `title = big # big`): names at the
 * entry's own level, after `=` or `#`, outside quotes and braces. One pass over the entry.
 */
function abbreviationsIn(source: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let quoted = false;
  let afterOperator = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && depth === 1) quoted = false;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
      continue;
    }
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (depth === 1 && ch === '"') quoted = true;
    else if (depth === 1 && (ch === '=' || ch === '#')) afterOperator = true;
    else if (depth === 1 && afterOperator && /[A-Za-z]/.test(ch)) {
      let end = i + 1;
      while (end < source.length && /[\w:.+/-]/.test(source[end])) end++;
      names.push(source.slice(i, end).toLowerCase());
      i = end - 1;
      afterOperator = false;
      continue;
    }
    if (!/\s/.test(ch) && ch !== '=' && ch !== '#') afterOperator = false;
  }
  return names;
}

/**
 * How large each entry grows once its abbreviations are expanded, by key of its position in
 * `entries`: its own length plus, for each abbreviation it uses, that string's expanded size.
 * Strings are sized in file order, as BibTeX defines them.
 */
export function expandedSizes(text: string, entries: RawBibtexEntry[]): number[] {
  const strings = new Map<string, number>();
  return entries.map((entry) => {
    const source = text.slice(entry.start, entry.end);
    const used = abbreviationsIn(source);
    let size = source.length;
    for (const name of used) size += strings.get(name) ?? 0;
    if (entry.type === 'string') {
      const name = /^@string\s*[{(]\s*([A-Za-z][\w:.+/-]*)/i.exec(source)?.[1].toLowerCase();
      if (name) strings.set(name, Math.min(size, Number.MAX_SAFE_INTEGER));
    }
    return size;
  });
}
