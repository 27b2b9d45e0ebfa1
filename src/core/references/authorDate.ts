import type { Span } from '../types';
import { foldForComparison } from './referenceParser';

/**
 * Author-date citations written by hand, the way essays and APA or Chicago author-date briefs cite:
 * `(Okafor 2025)`, `(Okafor and Mensah 2019, 45)`, `(World Bank 2024; Lindqvist 2023a)`,
 * `(as described in Appleby et al, 1994)`, and in the sentence, `Okafor (2025) found`, or as an
 * Obsidian link to a source note, `[[okafor2025]]`. One
 * definition serves the claim check (a sentence citing this way has a source) and the check of
 * these citations against the Bibliography section.
 */

/** Words that start a parenthesis with a number but name a part of a text, not an author: "(Figure 3)". */
const NOT_AUTHORS =
  '(?!(?:Figure|Fig|Table|Section|Sec|Title|Chapter|Ch|Article|Art|Part|Appendix|Annex|Box|Exhibit|Step|Phase|Level|Tier|Vol|Volume|No|Number|Page|Item|Rule|Line|Note|Chart|Map|Slide|Option|Question|Goal|Objective|Principle|Recommendation|Finding|Version|Release|Revision|Rev|Form|Schedule|Division|Subtitle|Paragraph|Clause|Amendment|Resolution|Circular|Memorandum|Order|Act|Law|Code|Publication|Pub|SP|FY|Q[1-4]|GDP|USD|EUR|Sept?|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|In|On|By|From|Since|Until|This|That|Between)\\b)';
const NAME = "\\p{Lu}[\\p{L}'’.&-]*";
/** Lower-case particles of family names: "van der Berg", "de la Cruz". */
const PARTICLES = '(?:(?:van|von|de|der|den|da|di|du|la|le)\\s+)*';
/** Authors as cited: "Okafor", "Okafor and Mensah", "Appleby et al.", "World Bank", "van der Berg". */
const AUTHORS = `${NOT_AUTHORS}${PARTICLES}${NAME}(?:,?\\s+(?:and|&|et al\\.?|(?:van|von|de|der|den|da|di|du|la|le)|${NAME}))*`;
const YEAR = '(?:1[5-9]|20)\\d{2}[a-z]?';
const LOCATOR = '(?:,\\s*(?:pp?\\.\\s*)?\\d+(?:[-–]\\d+)?)?';
/** One work inside the parentheses: authors, year, an optional page. */
const WORK = `${AUTHORS},?\\s+${YEAR}${LOCATOR}`;
const LEAD_IN = '(?:(?:see|e\\.g\\.,?|cf\\.|\\p{Ll}+)\\s+){0,4}';

const PARENTHETICAL = new RegExp(`\\(${LEAD_IN}${WORK}(?:;[^)]*)?\\)`, 'gu');
const AUTHOR_PAGE = new RegExp(`\\(${AUTHORS},\\s+(?:pp?\\.\\s*)?\\d{1,4}(?:[-–]\\d{1,4})?\\)`, 'u');
/** "Okafor (2025) found", "Okafor and Mensah (2019, 45) show", "Appleby et al. (1994)": only the names right before the year. */
const NARRATIVE = new RegExp(
  `(?<![\\p{L}(])${NOT_AUTHORS}${PARTICLES}${NAME}(?:\\s+${NAME}){0,2}(?:\\s+(?:and|&)\\s+${PARTICLES}${NAME}(?:\\s+${NAME}){0,2})?(?:\\s+et al\\.?)?\\s+\\(${YEAR}${LOCATOR}\\)`,
  'gu',
);
/**
 * An Obsidian link to a source note named by author and year: `[[smith2020]]`, `[[Smith 2020|Smith]]`.
 * The shown text stops at the next `[[`, which starts another link: without that stop, `[[a2020|`
 * repeated on one line had each `[[` scan to the line's end (80,000 characters: 4.6 s).
 */
const WIKILINK = /\[\[@?(\p{L}[\p{L}'’-]*?)[\s_-]?((?:1[5-9]|20)\d{2})[a-z]?(?:\|(?:[^\]\n[]|\[(?!\[))*)?\]\]/gu;
const WORK_IN_PART = new RegExp(`^\\s*${LEAD_IN}(${AUTHORS}),?\\s+(${YEAR})${LOCATOR}\\s*$`, 'u');

// Without the global flag for testing: a global pattern's test() moves its lastIndex, and matchAll starts there.
const FORMS_ENDING_IN_PARENTHESIS = [new RegExp(PARENTHETICAL.source, 'u'), AUTHOR_PAGE, new RegExp(NARRATIVE.source, 'u')];
const ANY_WIKILINK = new RegExp(WIKILINK.source, 'u');

/**
 * The text up to its last `)`, where every form but the Obsidian link must end. A parenthesis's
 * works (`;[^)]*\)`) otherwise had each `(` of `(Okafor 2025; ` repeated with no `)` scan to the
 * text's end: 1,000,000 characters took 62 s. Within this prefix each scan stops at a `)`, and the
 * match found there takes in the `(`s it passed.
 */
function throughLastParenthesis(text: string): string {
  return text.slice(0, text.lastIndexOf(')') + 1);
}

/** Whether the text cites a work by author and date (or author and page) in any of the forms above. */
export function citesByAuthorDate(text: string): boolean {
  if (!text.includes('(') && !text.includes('[[')) return false;
  const closed = throughLastParenthesis(text);
  return FORMS_ENDING_IN_PARENTHESIS.some((pattern) => pattern.test(closed)) || ANY_WIKILINK.test(text);
}

/** One work cited by author and date: where it is written, its first author as compared, its year. */
export interface AuthorDateWork extends Span {
  /** The work as written: "Okafor and Mensah 2019, 45". */
  text: string;
  /** The first author as written ("Okafor", "World Bank"). */
  author: string;
  /** The year without its letter: "2023a" → "2023". */
  year: string;
  /** Written in the sentence ("Okafor (2025) found", `[[okafor2025]]`) rather than in parentheses: counts as a citation, is not checked. */
  narrative: boolean;
}

/** The first author of "Okafor and Mensah", "Appleby et al", "Hunter Blair", "U.S. Department of Energy". */
function firstAuthor(authors: string): string {
  const separator = authors.search(/,|&|\band\b|\bet al\b/);
  return (separator < 0 ? authors : authors.slice(0, separator)).trim();
}

/** Every work cited by author and date in `text`, which starts at document offset `offset`. */
export function authorDateWorks(text: string, offset: number): AuthorDateWork[] {
  if (!text.includes('(') && !text.includes('[[')) return [];
  const works: AuthorDateWork[] = [];
  const closed = throughLastParenthesis(text);
  for (const match of closed.matchAll(PARENTHETICAL)) {
    let at = match.index + 1;
    for (const part of match[0].slice(1, -1).split(';')) {
      const work = WORK_IN_PART.exec(part);
      if (work) {
        const lead = part.length - part.trimStart().length;
        const written = part.trim();
        works.push({
          start: offset + at + lead,
          end: offset + at + lead + written.length,
          text: written,
          author: firstAuthor(work[1]),
          year: work[2].slice(0, 4),
          narrative: false,
        });
      }
      at += part.length + 1;
    }
  }
  for (const match of closed.matchAll(NARRATIVE)) {
    const year = /\((\d{4})/.exec(match[0])!;
    const authors = match[0].slice(0, year.index).trim();
    works.push({
      start: offset + match.index,
      end: offset + match.index + match[0].length,
      text: match[0],
      author: firstAuthor(authors),
      year: year[1],
      narrative: true,
    });
  }
  for (const match of text.matchAll(WIKILINK)) {
    works.push({ start: offset + match.index, end: offset + match.index + match[0].length, text: match[0], author: match[1], year: match[2], narrative: true });
  }
  return works.sort((a, b) => a.start - b.start);
}

/** An author as compared with a Bibliography entry's first author: accents, case and full stops ignored. */
export function comparableAuthor(author: string): string {
  return foldForComparison(author.replace(/[.,]/g, '')).replace(/\s+/g, ' ').trim();
}
