import { defineCodes } from '../../codeRegistry';

/** The `citation.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const citationCodes = defineCodes({
  citationUndefined: { code: 'citation.undefined', severity: 'error', meaning: 'A citation key is in no loaded bibliography file.' },
  citationNoBibliography: {
    code: 'citation.no-bibliography',
    severity: 'information',
    meaning: 'The brief cites keys but BriefKit found no bibliography for it.',
  },
  citationMalformedIdentifier: {
    code: 'citation.malformed-identifier',
    severity: 'warning',
    meaning: 'A persistent identifier such as @doi:… is not well formed.',
  },
  citationUnmatched: { code: 'citation.unmatched', severity: 'warning', meaning: 'An author-date citation written in the text matches no Bibliography entry.' },
});
