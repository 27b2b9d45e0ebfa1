import type { Feature } from '../../feature';
import { findDuplicateBibliographyEntries, findUncitedBibliographyEntries, findUnsortedBibliography } from './bibliographyChecks';
import { findUnmatchedAuthorDateCitations } from './authorDateChecks';
import { findIncompleteSources, findSourceMismatches, findSourcesMissingFromBibliography, findUrlTitleMismatches } from './sourceChecks';

/** The sources in footnotes against the brief's Bibliography section: checks and their fixes. */
export const sources: Feature = {
  name: 'sources',
  diagnostics: ({ document, bibliography }) => {
    const { byKey } = bibliography();
    // Entries that `[@key]` citations resolve to count as cited.
    const cited = document.citations.flatMap((c) => c.items.map((i) => byKey.get(i.key)?.item)).filter((item) => item !== undefined);
    return [
      ...findDuplicateBibliographyEntries(document),
      ...findUnsortedBibliography(document),
      ...findUncitedBibliographyEntries(document, cited),
      ...findUnmatchedAuthorDateCitations(document),
      ...findSourcesMissingFromBibliography(document),
      ...findSourceMismatches(document),
      ...findIncompleteSources(document),
      ...findUrlTitleMismatches(document),
    ];
  },
};
