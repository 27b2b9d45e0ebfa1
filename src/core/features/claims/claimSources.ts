import type { Sentence } from '../../document';

/**
 * Whether a sentence carries a source of any kind a reader would accept: a footnote marker, a
 * Pandoc citation, a link or HTML note marker (the way CRS briefs and blogs cite), an inline note
 * `^[…]`, a bare web address, a manual numeric citation `[3]`, `[3, 5–7]`, or an author-date
 * citation in parentheses, after a few words of lead-in or not: `(Okafor 2025)`, `(as described in Appleby et al, 1994)`, `(Okafor and Mensah 2019, 45)`, `(World Bank 2024)`, `(Farmer, 20)`.
 */
export function hasSource(sentence: Sentence): boolean {
  if (sentence.footnoteReferences.length > 0 || sentence.citations.length > 0 || sentence.links.length > 0) return true;
  return TEXT_SOURCE.some((pattern) => pattern.test(sentence.text));
}

/** Words that start a parenthesis with a number but name a part of a text, not an author: "(Figure 3)". */
const NOT_AUTHORS =
  '(?!(?:Figure|Fig|Table|Section|Sec|Title|Chapter|Ch|Article|Art|Part|Appendix|Annex|Box|Exhibit|Step|Phase|Level|Tier|Vol|Volume|No|Number|Page|Item|Rule|Line|Note|Chart|Map|Slide|Option|Question|Goal|Objective|Principle|Recommendation|Finding|Version|Release|Revision|Rev|Form|Schedule|Division|Subtitle|Paragraph|Clause|Amendment|Resolution|Circular|Memorandum|Order|Act|Law|Code|Publication|Pub|SP|FY|Q[1-4]|GDP|USD|EUR|Sept?|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\\b)';
const NAME = "\\p{Lu}[\\p{L}'’.&-]*";
const AUTHORS = `${NOT_AUTHORS}${NAME}(?:,?\\s+(?:and|&|et al\\.?|${NAME}))*`;
const AUTHOR_DATE = new RegExp(
  `\\((?:(?:see|e\\.g\\.,?|cf\\.|\\p{Ll}+)\\s+){0,4}${AUTHORS},?\\s+(?:1[5-9]|20)\\d{2}[a-z]?(?:,\\s*(?:pp?\\.\\s*)?\\d+(?:[-–]\\d+)?)?(?:;[^)]*)?\\)`,
  'u',
);
const AUTHOR_PAGE = new RegExp(`\\(${AUTHORS},\\s+(?:pp?\\.\\s*)?\\d{1,4}(?:[-–]\\d{1,4})?\\)`, 'u');

const TEXT_SOURCE: readonly RegExp[] = [
  /\^\[[^\]]/,
  // A reference-style link whose definition is in another block: each block is parsed alone, so it reads as text.
  /\[[^\]\n]+\]\[[^\]\n]+\]/,
  // A link Markdown cannot read, such as one whose address is a template tag: `[since 2016]({{ "/2016/…" | url }})`.
  /\[[^\]\n]+\]\([^)\n]+\)/,
  /\bhttps?:\/\/\S/i,
  /\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\](?!\()/,
  AUTHOR_DATE,
  AUTHOR_PAGE,
];
