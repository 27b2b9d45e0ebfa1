import type { BriefDocument } from '../../document';
import { replaceOffsets } from '../../edits';
import { finding, type Finding } from '../../feature';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { comparableAuthor, type AuthorDateWork } from '../../references/authorDate';
import { authorDateMatches, proseAuthorDateWorks } from '../../references/authorDateMatches';
import { fileName } from '../../text/fileName';
import type { CslItem } from '@citation-js/core';
import { SourceIndex } from '../../references/sourceIndex';

/** Where readers look for a work cited by author and year: the Bibliography section, or the brief's bibliography files. */
interface Listing {
  /** "No Bibliography entry has", "No entry in refs.bib has". */
  noEntry: string;
  /** "The Bibliography lists", "refs.bib lists". */
  lists: string;
  /** "to the Bibliography", "to refs.bib". */
  addTo: string;
}

/** `citation.unmatched` for each citation in parentheses that names no listed work: `years` are those listed for its author. */
function unmatchedFindings(document: BriefDocument, unmatched: Array<{ work: AuthorDateWork; years: string[] }>, listing: Listing): Finding[] {
  return unmatched
    .filter(({ work }) => !work.narrative)
    .map(({ work, years }) => {
      const range = document.lines.rangeAt(work.start, work.end);
      if (years.length === 0) {
        return finding(
          diagnosticFor(
            Codes.citationUnmatched,
            `${listing.noEntry} ${work.author} as first author, so readers cannot find (${work.text}). Add the work ${listing.addTo}, or correct the name.`,
            range,
          ),
        );
      }
      const listed = years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}`;
      return finding(
        diagnosticFor(
          Codes.citationUnmatched,
          `${listing.lists} ${work.author} for ${listed}, not ${work.year}. Correct the year here or in the entry.`,
          range,
        ),
        () => {
          const at = document.text.indexOf(work.year, work.start);
          return years.map((year, i) => ({
            title: `Change the year to ${year}`,
            kind: 'quickfix' as const,
            edits: [replaceOffsets(document, at, at + 4, year)],
            isPreferred: years.length === 1 && i === 0,
          }));
        },
      );
    });
}

const distinctYears = (years: Array<string | undefined>) => [...new Set(years.filter((y): y is string => y !== undefined))];

/**
 * `citation.unmatched`: an author-date citation in parentheses, `(Okafor 2025)`, whose author and
 * year match no Bibliography entry. Only in a brief that cites its Bibliography this way (at least
 * one such citation matches an entry), so a stray "(Kennedy 1961)" in a footnoted brief is left alone.
 */
export function findUnmatchedAuthorDateCitations(document: BriefDocument): Finding[] {
  const matches = authorDateMatches(document);
  if (!matches.some((m) => m.exact.length > 0)) return [];
  const unmatched = matches
    .filter((m) => m.exact.length === 0)
    .map(({ work, sameAuthor }) => ({ work, years: distinctYears(sameAuthor.map((e) => e.reference.year?.text.slice(0, 4))) }));
  return unmatchedFindings(document, unmatched, { noEntry: 'No Bibliography entry has', lists: 'The Bibliography lists', addTo: 'to the Bibliography' });
}

/**
 * `citation.unmatched` in a brief whose works are in bibliography files, for its citations written
 * by hand in prose, `(Okafor 2025)`: a work no file holds, or a year the file does not give. As in
 * the Bibliography section's check, only where at least one such citation matches a file's entry;
 * a brief with a Bibliography section is checked against that instead.
 */
export function findAuthorDateCitationsNotInFiles(document: BriefDocument, entries: Iterable<{ item: CslItem; uri: string }>): Finding[] {
  if (SourceIndex.of(document).entries.length > 0) return [];
  const works = proseAuthorDateWorks(document);
  if (works.length === 0) return [];
  const listed = [...entries].map((entry) => {
    const first = entry.item.author?.[0];
    const year = entry.item.issued?.['date-parts']?.[0]?.[0];
    return { author: comparableAuthor(first?.family ?? first?.literal ?? ''), year: year === undefined ? undefined : String(year), uri: entry.uri };
  });
  const matches = works.map((work) => {
    const author = comparableAuthor(work.author);
    const sameAuthor = listed.filter((entry) => entry.author !== '' && (entry.author === author || entry.author.startsWith(`${author} `)));
    return { work, sameAuthor, exact: sameAuthor.some((entry) => entry.year === work.year) };
  });
  if (!matches.some((m) => m.exact)) return [];
  const files = [...new Set(listed.map((entry) => fileName(entry.uri)))];
  const where = files.length === 1 ? files[0] : 'the bibliography files';
  const unmatched = matches.filter((m) => !m.exact).map(({ work, sameAuthor }) => ({ work, years: distinctYears(sameAuthor.map((e) => e.year)) }));
  return unmatchedFindings(document, unmatched, {
    noEntry: `No entry in ${where} has`,
    lists: `${files.length === 1 ? files[0] : 'The bibliography files'} list${files.length === 1 ? 's' : ''}`,
    addTo: `to ${where}`,
  });
}
