/**
 * Trimming by a loop rather than by a pattern anchored at the end (`/[.,;]+$/`): such a pattern is
 * tried at every start in a long run of those characters and takes quadratic time on a run that
 * does not reach the end.
 */

/** The text without the characters of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The text without whitespace, then the characters of `chars`, then whitespace again, at its end (in any mix). */
export function trimEndOfSpaceAnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]) || /\s/.test(text[end - 1]))) end--;
  return text.slice(0, end);
}

/** The run at the end of the text whose characters pass `test`. */
export function trailingRun(text: string, test: (ch: string) => boolean): string {
  let start = text.length;
  while (start > 0 && test(text[start - 1])) start--;
  return text.slice(start);
}
