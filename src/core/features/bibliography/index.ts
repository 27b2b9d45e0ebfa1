import type { Feature } from '../../feature';
import { findDuplicateBibliographyEntries, findUncitedBibliographyEntries, findUnsortedBibliography } from './bibliographyChecks';
import { findBibliographyFileProblems } from './bibliographyFileChecks';
import { findStyleProblems } from './styleChecks';

/** `bibliography.*`: the Bibliography section's entries, the bibliography files and the citation style the brief names. */
export const bibliography: Feature = {
  name: 'bibliography',
  checks: [
    {
      diagnostics: (context) => [
        ...findBibliographyFileProblems(context.document, context.bibliography(), context.readOutsideHint),
        ...findStyleProblems(context),
      ],
      reads: ['files', 'markup'],
    },
    // The Bibliography's entries alone.
    {
      diagnostics: ({ document }) => [...findDuplicateBibliographyEntries(document), ...findUnsortedBibliography(document)],
      reads: ['entries'],
    },
    // Whether anything cites an entry: notes, entries, and of the prose its author-date citations and names.
    {
      diagnostics: ({ document, bibliography }) => {
        const { byKey } = bibliography();
        // Entries that `[@key]` citations resolve to count as cited.
        const cited = document.citations.flatMap((c) => c.items.map((i) => byKey.get(i.key)?.item)).filter((item) => item !== undefined);
        return findUncitedBibliographyEntries(document, cited);
      },
      reads: ['markup', 'proseCitations', 'proseNames', 'noteText', 'entries', 'files'],
    },
  ],
};
