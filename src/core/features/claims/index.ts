import type { BriefDocument, Sentence } from '../../document';
import type { Feature } from '../../feature';
import type { BriefOptions } from '../../options';
import { findUncitedClaimDiagnostics } from './claimChecks';
import { claimContexts, contextKey } from './claimContext';
import { scoreSentence, wordListsFor, type ClaimScore } from './claimDetector';

/** Claim scores by word lists, context and sentence text: an edit re-scores only the sentences it changed. */
const claimScores = new Map<string, ClaimScore>();

function claimScorer(document: BriefDocument, options: BriefOptions): (sentence: Sentence) => ClaimScore {
  const lists = wordListsFor(options.claims);
  const contexts = claimContexts(document);
  const prefix = `${options.claims.reportingVerbs.join()}|${options.claims.hedges.join()}|`;
  return (sentence) => {
    const context = contexts.get(sentence)!;
    const key = `${prefix}${contextKey(context)}|${sentence.text}`;
    let score = claimScores.get(key);
    if (!score) {
      // Bounded: a long session of edits does not grow the cache without limit.
      if (claimScores.size > 100000) claimScores.clear();
      score = scoreSentence(sentence.text, context, lists);
      claimScores.set(key, score);
    }
    return score;
  };
}

/** `claim.uncited`: sentences stating a checkable fact with no source, and the fixes that give them one. */
export const claims: Feature = {
  name: 'claims',
  diagnostics: ({ document, options, bibliography }) =>
    findUncitedClaimDiagnostics(document, options, claimScorer(document, options), () => bibliography().byKey.size > 0),
};
