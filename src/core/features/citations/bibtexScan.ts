import type { Span } from '../../types';

/** One `@type{…}` of a BibTeX file, found by scanning braces, with where it is written. */
export interface RawBibtexEntry extends Span {
  type: string;
  key: string;
  /** Where the key starts, after `@type{` and any spaces. */
  keyStart: number;
}

/** BibTeX entries by scanning braces, so each has a position even when citation-js rejects the file. */
export function scanBibtex(text: string): RawBibtexEntry[] {
  const entries: RawBibtexEntry[] = [];
  const head = /@([A-Za-z]+)\s*([{(])\s*([^,\s{}()]*)\s*,?/g;
  for (let match = head.exec(text); match; match = head.exec(text)) {
    const open = match[2];
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = text.length;
    for (let i = (match.index ?? 0) + match[0].indexOf(open); i < text.length; i++) {
      const ch = text[i];
      if (ch === open || (open === '(' && ch === '{')) depth++;
      else if (ch === close || (open === '(' && ch === '}')) depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
      // An entry that never closes runs into the next line starting with @.
      if (ch === '\n' && text[i + 1] === '@' && depth > 0) {
        end = i + 1;
        break;
      }
    }
    const afterOpen = match[0].slice(match[0].indexOf(open) + 1);
    const keyStart = (match.index ?? 0) + match[0].length - afterOpen.trimStart().length;
    entries.push({ type: match[1].toLowerCase(), key: match[3], keyStart, start: match.index ?? 0, end });
    head.lastIndex = end;
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
