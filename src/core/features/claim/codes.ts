import { defineCodes } from '../../codeRegistry';

/** The `claim.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const claimCodes = defineCodes({
  claimUncited: { code: 'claim.uncited', severity: 'information', meaning: 'A sentence states a checkable fact and has no source.' },
  claimSkipped: { code: 'claim.skipped', severity: 'information', meaning: 'The document is too long to check for uncited claims.' },
});
