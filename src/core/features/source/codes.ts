import { defineCodes } from '../../codeRegistry';

/** The `source.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const sourceCodes = defineCodes({
  sourceMissingFromBibliography: {
    code: 'source.missing-from-bibliography',
    severity: 'warning',
    meaning: "A footnote's source has no entry in the Bibliography section.",
  },
  sourceMismatch: { code: 'source.mismatch', severity: 'warning', meaning: 'A footnote and its Bibliography entry disagree.' },
  sourceIncomplete: { code: 'source.incomplete', severity: 'information', meaning: 'A source lacks a date, an access date or a URL it needs.' },
  sourceUrlTitleMismatch: { code: 'source.url-title-mismatch', severity: 'warning', meaning: "A link's address names a different story from the cited title." },
});
