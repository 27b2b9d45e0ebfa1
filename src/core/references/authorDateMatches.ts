import { perDocument, type BriefDocument } from '../document';
import { authorDateWorks, comparableAuthor, type AuthorDateWork } from './authorDate';
import { RecentCache } from '../text/recentCache';
import { SAME_AUTHOR, SourceIndex, type EntrySource } from './sourceIndex';

/**
 * Author-date citations in the prose matched with the Bibliography entries they could mean: what
 * citation.unmatched reports when none is, and what makes an entry cited for bibliography.uncited.
 */

/** Entries' texts as compared with a citation's author, by entry text: a keystroke folds again only the entry it changed. */
const comparableEntries = new RecentCache<string>(5000);

/** A Bibliography entry's first author as compared with a citation's ("———." repeats the previous entry's author, as Chicago writes it). */
function entryAuthors(entries: readonly EntrySource[]): string[] {
  const authors: string[] = [];
  entries.forEach((entry, i) => {
    authors.push(
      SAME_AUTHOR.test(entry.reference.raw) && i > 0 ? authors[i - 1] : comparableEntries.get(entry.entry.text, () => comparableAuthor(entry.entry.text)),
    );
  });
  return authors;
}

export interface WorkMatch {
  work: AuthorDateWork;
  /** Entries with this first author and year. */
  exact: EntrySource[];
  /** Entries with this first author, any year. */
  sameAuthor: EntrySource[];
}

/** Every author-date citation in the prose. */
export const proseAuthorDateWorks = perDocument((document): AuthorDateWork[] =>
  document.sentences.flatMap((sentence) => authorDateWorks(document.text.slice(sentence.start, sentence.end), sentence.start)),
);

/** Every author-date citation in the prose, with the Bibliography entries it could mean. */
export const authorDateMatches = perDocument((document): WorkMatch[] => {
  const entries = SourceIndex.of(document).entries;
  if (entries.length === 0) return [];
  const written = entryAuthors(entries);
  return proseAuthorDateWorks(document).map((work) => {
    const author = comparableAuthor(work.author);
    const sameAuthor = entries.filter((entry, i) => entry.reference.familyNames[0] === author || written[i] === author || written[i].startsWith(`${author} `));
    return { work, sameAuthor, exact: sameAuthor.filter((entry) => entry.reference.year?.text.slice(0, 4) === work.year) };
  });
});

/** Whether two texts of a sentence cite the same works by author and year, in the same order. */
export function sameAuthorDateWorks(before: string, after: string): boolean {
  const [was, is] = [authorDateWorks(before, 0), authorDateWorks(after, 0)];
  return (
    was.length === is.length &&
    was.every((work, i) => work.text === is[i].text && work.author === is[i].author && work.year === is[i].year && work.narrative === is[i].narrative)
  );
}

/**
 * Bibliography entries that a citation in the text names by author and year: cited, though no note
 * or key points at them. A citation with the wrong year counts for its author's entries, which
 * citation.unmatched already reports once.
 */
export function entriesCitedByAuthorDate(document: BriefDocument): Set<EntrySource> {
  return new Set(authorDateMatches(document).flatMap((m) => (m.exact.length > 0 ? m.exact : m.sameAuthor)));
}
