import { defineCodes } from '../../codeRegistry';

/** The `crossref.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const crossrefCodes = defineCodes({
  crossrefUndefined: { code: 'crossref.undefined', severity: 'warning', meaning: 'A cross-reference names a label the document does not define.' },
});
