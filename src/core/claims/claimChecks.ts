import type { BriefDocument, Sentence } from '../document';
import type { BriefOptions } from '../options';
import type { BriefDiagnostic } from '../types';
import { evidenceText, findUncitedClaims, type ClaimScore } from './claimDetector';

/** `claim.uncited`: a sentence stating a checkable fact with no footnote or citation. */
export function findUncitedClaimDiagnostics(document: BriefDocument, options: BriefOptions, scores: (sentence: Sentence) => ClaimScore): BriefDiagnostic[] {
  if (document.frontMatter?.claimsOff) return [];
  return findUncitedClaims(document, options.claims, scores).map(({ sentence, score }) => ({
    code: 'claim.uncited',
    severity: options.claims.severity,
    message: `This sentence ${evidenceText(score.features)}, but has no footnote or citation. Add a source, or mark it "not a claim" if it is your own argument.`,
    range: sentence.range,
  }));
}
