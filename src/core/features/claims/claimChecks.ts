import type { BriefDocument, Sentence } from '../../document';
import type { BriefOptions } from '../../options';
import { finding, type Finding } from '../../feature';
import { claimFixes } from './claimFixes';
import { evidenceText, findUncitedClaims, type ClaimScore } from './claimDetector';
import { Codes, diagnosticFor } from '../../diagnosticCodes';

/** Above this size (about 300,000 words) claims are not checked, and the writer is told so once. */
export const CLAIMS_SIZE_LIMIT = 2_000_000;

/** `claim.uncited`: a sentence stating a checkable fact with no footnote or citation. */
export function findUncitedClaimDiagnostics(document: BriefDocument, options: BriefOptions, scores: (sentence: Sentence) => ClaimScore, hasBibliography: () => boolean): Finding[] {
  // A literature note summarises the one work its front matter describes: that work is its source.
  if (document.frontMatter?.claimsOff || document.frontMatter?.describesOneWork || !options.claims.enabled) return [];
  if (document.text.length > CLAIMS_SIZE_LIMIT) {
    return [
      finding(diagnosticFor(Codes.claimSkipped, `This document is ${(document.text.length / 1_000_000).toFixed(1)} million characters long; BriefKit checks for uncited claims in documents up to ${CLAIMS_SIZE_LIMIT / 1_000_000} million characters, so that check was skipped. The other checks ran.`, document.lines.rangeAt(0, 0))),
    ];
  }
  return findUncitedClaims(document, options.claims, scores).map(({ sentence, score }) =>
    finding(
      diagnosticFor(
        Codes.claimUncited,
        messageFor(score),
        sentence.range,
        options.claims.severity,
      ),
      () => claimFixes(document, sentence, hasBibliography()),
    ),
  );
}

/** Each score's message, kept with the score (scores are kept per sentence text and context): a keystroke words again only the sentences it changed. */
const messages = new WeakMap<ClaimScore, string>();

function messageFor(score: ClaimScore): string {
  let message = messages.get(score);
  if (message === undefined) {
    message = `This sentence ${evidenceText(score)}, but has no footnote or citation. Add a source, or mark it "not a claim" if it is your own argument.`;
    messages.set(score, message);
  }
  return message;
}
