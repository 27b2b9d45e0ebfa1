/**
 * Sentences the writer said are not claims, remembered for a whole workspace (the file
 * `.briefkit/not-claims.txt`, one sentence a line, as written), so a sentence dismissed once
 * stays dismissed after reflowing, re-punctuating or moving it, in every brief and in CI.
 */

/** The sentence's words, lower-cased: footnote markers, citations, markup, punctuation and line breaks do not count. */
export function notClaimKey(text: string): string {
  return withoutComments(text)
    .normalize('NFKC')
    .replace(/\[\^[^[\]\s]*\]|\[-?@[^[\]]*\]|\]\([^()\s]*\)/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text without HTML comments, found by position (a pattern for them is quadratic in a run of `<!--` never closed). */
function withoutComments(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', at)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += `${text.slice(at, open)} `;
    at = close + 3;
  }
  return out + text.slice(at);
}

/** The sentences a not-claims file lists: its lines, without blank lines and `#` comments. */
export function readNotClaims(fileText: string): string[] {
  return fileText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** How a sentence is written into the file: on one line. */
export function notClaimLine(sentence: string): string {
  return sentence.replace(/\s+/g, ' ').trim();
}

const keyCache = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The keys of a list of remembered sentences, computed once per list. */
export function notClaimKeys(sentences: readonly string[]): ReadonlySet<string> {
  let keys = keyCache.get(sentences);
  if (!keys) {
    keys = new Set(sentences.map(notClaimKey).filter((key) => key !== ''));
    keyCache.set(sentences, keys);
  }
  return keys;
}
