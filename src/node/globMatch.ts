/**
 * Globs as settings, command lines and `.gitignore` files write them: `*` any run of characters
 * within a folder name, `?` one such character, `**` any run of folders, `[abc]` / `[a-z]` /
 * `[!a-z]` one character of (or not of) a class, `{a,b}` alternatives (nested allowed).
 *
 * Matched by dynamic programming over pattern and path, so the time is at most their lengths
 * multiplied, per alternative. Glob libraries compile to regular expressions instead, and those
 * backtrack: picomatch took 34 s on `*a*a*a*a*a*a*a*a*a*a*b.bib` against a 40-character name, and a
 * workspace's own settings can name such a pattern.
 */

type Token =
  | { kind: 'globstar' }
  | { kind: 'star' }
  | { kind: 'one' }
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> }
  | { kind: 'char'; char: string };

/** More alternatives than any real pattern writes; `{a,b}{c,d}…` past this is read literally. */
const MAX_ALTERNATIVES = 256;

const compiled = new Map<string, Token[][]>();

export function globMatches(pattern: string, path: string): boolean {
  let alternatives = compiled.get(pattern);
  if (!alternatives) {
    const expanded = expandBraces(pattern);
    alternatives = (expanded.length <= MAX_ALTERNATIVES ? expanded : [pattern]).map(tokenize);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, alternatives);
  }
  return alternatives.some((tokens) => tokensMatch(tokens, path));
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

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`. Stops growing past the limit; the caller then reads it literally. */
function expandBraces(pattern: string): string[] {
  const open = findBraceGroup(pattern);
  if (!open) return [pattern];
  const { start, end, options } = open;
  const results: string[] = [];
  for (const option of options) {
    for (const rest of expandBraces(pattern.slice(0, start) + option + pattern.slice(end + 1))) {
      results.push(rest);
      if (results.length > MAX_ALTERNATIVES) return results;
    }
  }
  return results;
}

/** The first `{…}` with a top-level comma, and its options; a brace without one is literal. */
function findBraceGroup(pattern: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = pattern.indexOf('{'); start >= 0; start = pattern.indexOf('{', start + 1)) {
    let depth = 0;
    let optionStart = start + 1;
    const options: string[] = [];
    for (let i = start; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        if (options.length === 0) break;
        options.push(pattern.slice(optionStart, i));
        return { start, end: i, options };
      } else if (ch === ',' && depth === 1) {
        options.push(pattern.slice(optionStart, i));
        optionStart = i + 1;
      }
    }
  }
  return undefined;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      tokens.push({ kind: 'globstar' });
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (ch === '*') tokens.push({ kind: 'star' });
    else if (ch === '?') tokens.push({ kind: 'one' });
    else if (ch === '[') {
      const parsed = readClass(pattern, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', char: ch });
    } else if (ch === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++i] });
    else tokens.push({ kind: 'char', char: ch });
  }
  return tokens;
}

/** `[abc]`, `[a-z]`, `[!x]` / `[^x]` starting at `start`; undefined when it never closes (then `[` is literal). */
function readClass(pattern: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  const first = i;
  for (; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === ']' && i > first) return { token: { kind: 'class', negated, ranges }, end: i };
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      ranges.push([ch, pattern[i + 2]]);
      i += 2;
    } else ranges.push([ch, ch]);
  }
  return undefined;
}

function tokenTakes(token: Token, ch: string): boolean {
  switch (token.kind) {
    case 'one':
      return ch !== '/';
    case 'char':
      return token.char === ch;
    case 'class':
      return ch !== '/' && token.ranges.some(([low, high]) => ch >= low && ch <= high) !== token.negated;
    default:
      return false;
  }
}

function tokensMatch(tokens: readonly Token[], path: string): boolean {
  // can[j]: the path characters read so far can be matched by the first j tokens.
  let can = new Array<boolean>(tokens.length + 1).fill(false);
  can[0] = true;
  for (let j = 1; j <= tokens.length; j++) can[j] = can[j - 1] && (tokens[j - 1].kind === 'globstar' || tokens[j - 1].kind === 'star');
  for (const ch of path) {
    const next = new Array<boolean>(tokens.length + 1).fill(false);
    for (let j = 1; j <= tokens.length; j++) {
      const token = tokens[j - 1];
      if (token.kind === 'globstar') next[j] = next[j - 1] || can[j];
      else if (token.kind === 'star') next[j] = next[j - 1] || (can[j] && ch !== '/');
      else next[j] = can[j - 1] && tokenTakes(token, ch);
    }
    can = next;
  }
  return can[tokens.length];
}
