/**
 * remark (micromark) takes quadratic time on a block with thousands of link or note openers
 * (`[a](` or `[^1]` repeated) and on lists or quotes nested thousands deep (`1. 1. 1. …`). No
 * brief has either, and a hostile file must not hang the editor: remark is given a copy of the
 * block, the same length so every offset holds, in which the openers past the first few thousand
 * and the markers past a deep nesting are other characters. BriefKit's own scanners still read
 * the original text, so a note marker there is still found.
 */

import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';

/** The most `[` remark sees in one block; from there on `[` and `]` reach it as ⁅ and ⁆, which start and end nothing. */
const MAX_OPENERS = 2000;
/** The deepest nesting of lists and quotes remark sees; deeper markers reach it as spaces. */
const MAX_NESTING = 32;

/** A list or quote marker at `at` (after any blanks): its length, or 0. */
function markerLength(text: string, at: number): number {
  const ch = text[at];
  const spaceAfter = (i: number) => text[i] === ' ' || text[i] === '\t';
  if (ch === '>') return 1;
  if ((ch === '-' || ch === '*' || ch === '+') && spaceAfter(at + 1)) return 1;
  let end = at;
  while (end < text.length && end - at < 9 && text[end] >= '0' && text[end] <= '9') end++;
  if (end > at && (text[end] === '.' || text[end] === ')') && spaceAfter(end + 1)) return end - at + 1;
  return 0;
}

/** A note or link definition at a line's start (`[^12]: …`, `[ref]: …`): a block of its own, never guarded or counted. */
const DEFINITION_START = / {0,3}\[[^\]\n]{1,999}\]:/y;

export function guardedForRemark(text: string): string {
  let chars: string[] | undefined;
  let openers = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || i === 0) {
      DEFINITION_START.lastIndex = text[i] === '\n' ? i + 1 : i;
      // A brief with 10,000 notes has 10,000 definitions in one block: they stay as written.
      if (DEFINITION_START.test(text)) i = DEFINITION_START.lastIndex - 1;
      continue;
    }
    if (text[i] === '[' && ++openers > MAX_OPENERS) (chars ??= text.split(''))[i] = '⁅';
    else if (text[i] === ']' && openers > MAX_OPENERS) (chars ??= text.split(''))[i] = '⁆';
  }
  for (let line = 0; line < text.length; ) {
    let at = line;
    let depth = 0;
    for (;;) {
      while (text[at] === ' ' || text[at] === '\t') at++;
      const length = markerLength(text, at);
      if (length === 0) break;
      if (++depth > MAX_NESTING) {
        chars ??= text.split('');
        for (let i = at; i < at + length; i++) chars[i] = ' ';
      }
      at += length;
    }
    const next = text.indexOf('\n', at);
    line = next < 0 ? text.length : next + 1;
  }
  return chars ? chars.join('') : text;
}

const RIGHT_SQUARE_BRACKET = 93;

/**
 * micromark-extension-gfm-footnote with its construct at `]` tried only where it can match. That
 * construct reads `![^1]` as a `!` and a note call: at every `]` it searches back over all of the
 * paragraph's events for the `![`, so a paragraph of 100,000 `]` took 50 s and 300 KB of `](` over
 * 120 s. (A text guard cannot tell which `]` are safe to hide: a `[` inside a code span or after a
 * backslash does not stop the search either.) It matches only after micromark's own label end has
 * failed at this `]`, on the label start it tried: the last one on micromark's stack of label starts,
 * so that start is looked at instead. Reported upstream: notes/upstream-micromark-gfm-footnote.md.
 */
export function gfmFootnoteWithoutBackwardSearch(): Extension {
  const extension = gfmFootnote();
  const potentialCall = extension.text?.[RIGHT_SQUARE_BRACKET] as Construct;
  const search = potentialCall.tokenize;
  potentialCall.tokenize = function (this: TokenizeContext, effects, ok, nok) {
    return this._labelStarts?.at(-1)?.type === 'labelImage' ? search.call(this, effects, ok, nok) : nok;
  };
  return extension;
}
