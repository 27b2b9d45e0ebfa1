import { defineCodes } from '../../codeRegistry';

/** The `link.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const linkCodes = defineCodes({
  linkBroken: { code: 'link.broken', severity: 'warning', meaning: 'A web address in a note or the Bibliography no longer works.' },
  linkMoved: { code: 'link.moved', severity: 'warning', meaning: 'A web address now leads to a page with another title than the cited one.' },
  linkUnreachable: {
    code: 'link.unreachable',
    severity: 'information',
    meaning: 'Web addresses did not answer in time (they are tried again later), or were not fetched because they are on your own network.',
  },
});
