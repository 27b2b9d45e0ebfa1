/**
 * Globs as settings, command lines and `.gitignore` files write them: `*` any run of characters
 * within a folder name, `?` one such character, `**` any run of folders, `[abc]` / `[a-z]` /
 * `[!a-z]` one character of (or not of) a class, `{a,b}` alternatives (nested allowed).
 *
 * Matched by dynamic programming over pattern and path, so the time is at most their lengths
 * multiplied, per alternative. Glob libraries compile to regular expressions instead, and those
 * backtrack: picomatch took 34 s on `*a*a*a*a*a*a*a*a*a*a*b.bib` against a 40-character name, and a
 * workspace's own settings can name such a pattern. The `ignore` package, which reads
 * `.gitignore` files, is no better: 14 s to compile a line of 100,000 `[`, and it throws on a
 * line of 100,000 letters.
 *
 * Compiling is linear in the pattern too, since a `.gitignore` line can be any length: braces and
 * classes are found in one pass, and runs of stars become one token. A pattern needing more
 * characters than a path has is answered without matching, so a megabyte-long line costs nothing
 * per file.
 */

/** A literal character, or one of the special tokens. */
type Token =
  | string
  | { kind: 'globstar' }
  | { kind: 'star' }
  | { kind: 'one' }
  /** `ranges` sorted and merged, so a long class is searched, not scanned. */
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };

/** One alternative of a pattern, with the fewest path characters it can match. */
interface Alternative {
  tokens: Token[];
  minLength: number;
}

/** More alternatives than any real pattern writes; `{a,b}{c,d}…` past this is read literally. */
const MAX_ALTERNATIVES = 256;
/**
 * The alternatives' total length past which braces are read literally too: real patterns expand
 * to a few hundred characters, and a 100 KB `.gitignore` line of 256 alternatives took 2.3 GB.
 */
const MAX_EXPANDED_LENGTH = 64 * 1024;

const GLOBSTAR: Token = { kind: 'globstar' };
const STAR: Token = { kind: 'star' };
const ONE: Token = { kind: 'one' };

const compiled = new Map<string, (path: string) => boolean>();

export function globMatches(pattern: string, path: string): boolean {
  let matches = compiled.get(pattern);
  if (!matches) {
    matches = compileGlob(pattern);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, matches);
  }
  return matches(path);
}

/** A pattern compiled once, for testing many paths (the rules of a `.gitignore`). */
export function compileGlob(pattern: string): (path: string) => boolean {
  const alternatives = (expandBraces(pattern) ?? [pattern]).map(compileAlternative);
  return (path) => alternatives.some(({ tokens, minLength }) => minLength <= path.length && tokensMatch(tokens, path));
}

/** Whether the text holds anything a glob treats specially (a plain path is read as it is). */
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

/** The folder part before the first segment that holds a glob character: where a walk starts. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const first = segments.findIndex(isGlob);
  return first < 0 ? pattern : segments.slice(0, first).join('/');
}

/** A brace group: where its `{` and `}` are, and the top-level commas between. */
interface BraceGroup {
  end: number;
  commas: number[];
}

/** Text, or a brace group's options, each a run of parts itself. */
type Part = string | Part[][];

/**
 * `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`. Undefined past the limits, when the caller reads the
 * pattern literally; every group adds an alternative, so more groups than the limit end it at once.
 */
function expandBraces(pattern: string): string[] | undefined {
  const groups = braceGroups(pattern);
  if (groups.size === 0) return [pattern];
  if (groups.size > MAX_ALTERNATIVES) return undefined;
  return expandParts(parseParts(pattern, 0, pattern.length, groups));
}

/**
 * The `{…}` with a top-level comma, by the position of their `{`, found in one pass: a brace
 * without a comma, or one never closed, is literal.
 */
function braceGroups(pattern: string): Map<number, BraceGroup> {
  const groups = new Map<number, BraceGroup>();
  // The braces still open, and the commas of each (made at its first comma: a line of `{` makes none).
  const starts: number[] = [];
  const commas: Array<number[] | undefined> = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') {
      starts.push(i);
      commas.push(undefined);
    } else if (ch === ',' && starts.length > 0) (commas[commas.length - 1] ??= []).push(i);
    else if (ch === '}' && starts.length > 0) {
      const start = starts.pop()!;
      const own = commas.pop();
      if (own) groups.set(start, { end: i, commas: own });
    }
  }
  return groups;
}

function parseParts(pattern: string, from: number, to: number, groups: ReadonlyMap<number, BraceGroup>): Part[] {
  const parts: Part[] = [];
  let textStart = from;
  for (let i = from; i < to; i++) {
    const group = groups.get(i);
    if (!group) continue;
    if (i > textStart) parts.push(pattern.slice(textStart, i));
    const bounds = [i, ...group.commas, group.end];
    parts.push(bounds.slice(1).map((end, k) => parseParts(pattern, bounds[k] + 1, end, groups)));
    i = group.end;
    textStart = i + 1;
  }
  if (to > textStart) parts.push(pattern.slice(textStart, to));
  return parts;
}

function expandParts(parts: readonly Part[]): string[] | undefined {
  let results = [''];
  for (const part of parts) {
    const options = typeof part === 'string' ? [part] : expandOptions(part);
    if (!options) return undefined;
    const next: string[] = [];
    let length = 0;
    for (const head of results) {
      for (const option of options) {
        next.push(head + option);
        length += head.length + option.length;
        if (next.length > MAX_ALTERNATIVES || length > MAX_EXPANDED_LENGTH) return undefined;
      }
    }
    results = next;
  }
  return results;
}

function expandOptions(options: readonly Part[][]): string[] | undefined {
  const all: string[] = [];
  for (const option of options) {
    const expanded = expandParts(option);
    if (!expanded || all.push(...expanded) > MAX_ALTERNATIVES) return undefined;
  }
  return all;
}

function compileAlternative(pattern: string): Alternative {
  const tokens: Token[] = [];
  let minLength = 0;
  // A `[` with no `]` after it is literal: known at once, not by reading to the end for each one.
  const lastClose = pattern.lastIndexOf(']');
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    let token: Token = ch;
    if (ch === '*' && pattern[i + 1] === '*') {
      token = GLOBSTAR;
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (ch === '*') token = STAR;
    else if (ch === '?') token = ONE;
    else if (ch === '[') {
      const parsed = readClass(pattern, i, lastClose);
      if (parsed) {
        token = parsed.token;
        i = parsed.end;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) token = pattern[++i];
    const last = tokens[tokens.length - 1];
    if (isStar(token) && last !== undefined && isStar(last)) {
      // `*` beside `**` matches what `**` alone does, and `**` beside `*` too: one token is kept.
      if (token === GLOBSTAR) tokens[tokens.length - 1] = GLOBSTAR;
      continue;
    }
    tokens.push(token);
    if (!isStar(token)) minLength++;
  }
  return { tokens, minLength };
}

function isStar(token: Token): boolean {
  return token === STAR || token === GLOBSTAR;
}

/** `[abc]`, `[a-z]`, `[!x]` / `[^x]` starting at `start`; undefined when it never closes (then `[` is literal). */
function readClass(pattern: string, start: number, lastClose: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const first = i;
  if (lastClose <= first) return undefined;
  const ranges: Array<[string, string]> = [];
  for (; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === ']' && i > first) return { token: { kind: 'class', negated, ranges: mergedRanges(ranges) }, end: i };
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      ranges.push([ch, pattern[i + 2]]);
      i += 2;
    } else ranges.push([ch, ch]);
  }
  return undefined;
}

function mergedRanges(ranges: Array<[string, string]>): Array<[string, string]> {
  const sorted = ranges.filter(([low, high]) => low <= high).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Array<[string, string]> = [];
  for (const [low, high] of sorted) {
    const last = merged[merged.length - 1];
    if (last && low <= last[1]) {
      if (high > last[1]) last[1] = high;
    } else merged.push([low, high]);
  }
  return merged;
}

function inRanges(ranges: ReadonlyArray<[string, string]>, ch: string): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ch < ranges[mid][0]) high = mid - 1;
    else if (ch > ranges[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

function tokenTakes(token: Token, ch: string): boolean {
  if (typeof token === 'string') return token === ch;
  switch (token.kind) {
    case 'one':
      return ch !== '/';
    case 'class':
      return ch !== '/' && inRanges(token.ranges, ch) !== token.negated;
    default:
      return false;
  }
}

function tokensMatch(tokens: readonly Token[], path: string): boolean {
  // can[j]: the path characters read so far can be matched by the first j tokens.
  let can = new Uint8Array(tokens.length + 1);
  let next = new Uint8Array(tokens.length + 1);
  can[0] = 1;
  for (let j = 1; j <= tokens.length; j++) can[j] = can[j - 1] && isStar(tokens[j - 1]) ? 1 : 0;
  for (const ch of path) {
    next[0] = 0;
    for (let j = 1; j <= tokens.length; j++) {
      const token = tokens[j - 1];
      if (token === GLOBSTAR) next[j] = next[j - 1] || can[j];
      else if (token === STAR) next[j] = next[j - 1] || (can[j] && ch !== '/' ? 1 : 0);
      else next[j] = can[j - 1] && tokenTakes(token, ch) ? 1 : 0;
    }
    [can, next] = [next, can];
  }
  return can[tokens.length] === 1;
}
