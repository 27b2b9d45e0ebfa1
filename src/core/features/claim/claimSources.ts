import { RecentCache } from '../../text/recentCache';
import type { Sentence } from '../../document';
import { citesByAuthorDate } from '../../references/authorDate';

/**
 * Whether a sentence carries a source of any kind a reader would accept: a footnote marker, a
 * Pandoc citation, a link or HTML note marker (the way CRS briefs and blogs cite), an inline note
 * `^[…]`, a bare web address, a manual numeric citation `[3]`, `[3, 5–7]`, or an author-date
 * citation (see authorDate.ts): `(Okafor 2025)`, `(as described in Appleby et al, 1994)`, `(Farmer, 20)`, `Okafor (2025) found`.
 */
export function hasSource(sentence: Sentence): boolean {
  if (sentence.footnoteReferences.length > 0 || sentence.citations.length > 0 || sentence.links.length > 0) return true;
  // Every source written as text has a bracket, a parenthesis or an address: most sentences are told without the cache.
  if (!MAY_CITE_IN_TEXT.test(sentence.text)) return false;
  return textCites.get(sentence.text, () => TEXT_SOURCE.some((pattern) => pattern.test(sentence.text)) || citesByAuthorDate(sentence.text));
}

/** Whether a sentence carries a note or a citation (not only a link): what can close a passage. */
export function hasNote(sentence: Sentence): boolean {
  return sentence.footnoteReferences.length > 0 || sentence.citations.length > 0 || /\^\[[^\]]/.test(sentence.text) || citesByAuthorDate(sentence.text);
}

/** Whether a sentence's words cite a source, by text: a keystroke tests again only the sentences it changed. */
const textCites = new RecentCache<boolean>(10000);

/** What each of TEXT_SOURCE and an author-date citation needs. */
const MAY_CITE_IN_TEXT = /[[(]|:\/\//;

const TEXT_SOURCE: readonly RegExp[] = [
  /\^\[[^\]]/,
  // A reference-style link whose definition is in another block: each block is parsed alone, so it reads as text.
  /\[[^[\]\n]+\]\[[^[\]\n]+\]/,
  // A link Markdown cannot read, such as one whose address is a template tag: `[since 2016]({{ "/2016/…" | url }})`.
  /\[[^[\]\n]+\]\([^()\n]+\)/,
  /\bhttps?:\/\/\S/i,
  /\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\](?!\()/,
];
