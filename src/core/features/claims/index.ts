import type { Sentence } from '../../document';
import type { Feature } from '../../feature';
import type { BriefOptions } from '../../options';
import { findUncitedClaimDiagnostics } from './claimChecks';
import { scoreSentence, wordListsFor, type ClaimScore } from './claimDetector';

/** Claim scores by word lists and sentence text: an edit re-scores only the sentences whose text changed. */
const claimScores = new Map<string, ClaimScore>();

function claimScorer(options: BriefOptions): (sentence: Sentence) => ClaimScore {
  const lists = wordListsFor(options.claims);
  const prefix = `${options.claims.reportingVerbs.join()}|${options.claims.hedges.join()}|`;
  return (sentence) => {
    const key = prefix + sentence.text;
    let score = claimScores.get(key);
    if (!score) {
      // Bounded: a long session of edits does not grow the cache without limit.
      if (claimScores.size > 100000) claimScores.clear();
      score = scoreSentence(sentence.text, lists);
      claimScores.set(key, score);
    }
    return score;
  };
}

/** `claim.uncited`: sentences stating a checkable fact with no source, and the fixes that give them one. */
export const claims: Feature = {
  name: 'claims',
  diagnostics: ({ document, options, bibliography }) =>
    findUncitedClaimDiagnostics(document, options, claimScorer(options), () => bibliography().byKey.size > 0),
};
