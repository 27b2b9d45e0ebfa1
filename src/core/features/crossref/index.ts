import type { Feature } from '../../feature';
import { findUndefinedCrossrefs } from './crossrefChecks';

/** `crossref.*`: pandoc-crossref and Quarto cross-references (`@fig:map`, `@fig-map`) against the labels the document gives. */
export const crossrefs: Feature = {
  name: 'cross-references',
  checks: [
    {
      diagnostics: ({ document, bibliography }) => findUndefinedCrossrefs(document, bibliography()),
      reads: ['markup', 'files'],
    },
  ],
};
