import type { Feature } from '../../feature';
import { findIncompleteSources, findSourceMismatches, findSourcesMissingFromBibliography, findUrlTitleMismatches } from './sourceChecks';

/** `source.*`: the sources in footnotes against the Bibliography section's entries, and each source's own details: checks and their fixes. */
export const sources: Feature = {
  name: 'sources',
  checks: [
    {
      diagnostics: ({ document }) => [
        ...findSourcesMissingFromBibliography(document),
        ...findSourceMismatches(document),
        ...findIncompleteSources(document),
        ...findUrlTitleMismatches(document),
      ],
      reads: ['noteText', 'entries'],
    },
  ],
};
