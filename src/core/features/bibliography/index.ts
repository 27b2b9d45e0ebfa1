import type { Feature } from '../../feature';
import { findDuplicateBibliographyEntries, findUncitedBibliographyEntries, findUnsortedBibliography, sameNamesInProse } from './bibliographyChecks';
import { findBibliographyFileProblems } from './bibliographyFileChecks';
import { findStyleProblems } from './styleChecks';
import { sameAuthorDateWorks } from '../../references/authorDateMatches';

/** `bibliography.*`: the Bibliography section's entries, the bibliography files and the citation style the brief names. */
export const bibliography: Feature = {
  name: 'bibliography',
  checks: [
    // Files and the style are named in the front matter and project files, which a word edit does not touch.
    {
      diagnostics: (context) => [
        ...findBibliographyFileProblems(context.document, context.bibliography(), context.readOutsideHint),
        ...findStyleProblems(context),
      ],
      unchangedByWordEdit: () => true,
    },
    // The Bibliography's entries alone.
    {
      diagnostics: ({ document }) => [...findDuplicateBibliographyEntries(document), ...findUnsortedBibliography(document)],
      unchangedByWordEdit: ({ within }) => within !== 'entry',
    },
    // Whether anything cites an entry: notes, entries, and of the prose its author-date citations and names.
    {
      diagnostics: ({ document, bibliography }) => {
        const { byKey } = bibliography();
        // Entries that `[@key]` citations resolve to count as cited.
        const cited = document.citations.flatMap((c) => c.items.map((i) => byKey.get(i.key)?.item)).filter((item) => item !== undefined);
        return findUncitedBibliographyEntries(document, cited);
      },
      unchangedByWordEdit: ({ within, before, after }) => within === 'sentence' && sameAuthorDateWorks(before, after) && sameNamesInProse(before, after),
    },
  ],
};
