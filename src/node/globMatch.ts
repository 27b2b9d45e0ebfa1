/**
 * Whether a path (with `/` separators) matches a glob: `*` any run of characters within a folder
 * name, `?` one such character, `**` any run of folders (`refs/**\/*.bib`, `**\/*.json`). Matched
 * by dynamic programming over pattern and path, so the time is at most their lengths multiplied —
 * a regular expression built from `*a*a*a*a*a*a*b.bib` backtracks for minutes on a long name, and
 * a workspace's own settings can name such a pattern.
 */
export function globMatches(pattern: string, path: string): boolean {
  // Tokens: '**' (with its trailing slash), '*', '?', or a literal character.
  const tokens: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*' && pattern[i + 1] === '*') {
      tokens.push('**');
      i++;
      if (pattern[i + 1] === '/') i++;
    } else tokens.push(pattern[i]);
  }
  // can[j]: the first i path characters can be matched by the first j tokens.
  let can = new Array<boolean>(tokens.length + 1).fill(false);
  can[0] = true;
  for (let j = 1; j <= tokens.length; j++) can[j] = can[j - 1] && (tokens[j - 1] === '**' || tokens[j - 1] === '*');
  for (let i = 1; i <= path.length; i++) {
    const ch = path[i - 1];
    const next = new Array<boolean>(tokens.length + 1).fill(false);
    for (let j = 1; j <= tokens.length; j++) {
      const token = tokens[j - 1];
      if (token === '**') next[j] = next[j - 1] || can[j];
      else if (token === '*') next[j] = next[j - 1] || (can[j] && ch !== '/');
      else if (token === '?') next[j] = can[j - 1] && ch !== '/';
      else next[j] = can[j - 1] && token === ch;
    }
    can = next;
  }
  return can[tokens.length];
}
