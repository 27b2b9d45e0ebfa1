import type { BriefDocument, Sentence } from '../../document';
import type { Feature } from '../../feature';
import type { BriefOptions } from '../../options';
import { findUncitedClaimDiagnostics } from './claimChecks';
import { claimContexts, contextKey } from './claimContext';
import { scoreSentence, wordListsFor, type ClaimScore } from './claimDetector';
import { RecentCache } from '../../text/recentCache';

/**
 * Claim scores by word lists, context and sentence text: an edit re-scores only the sentences it
 * changed. Sized for the sentences of a few open briefs (a 100,000-word brief has about 6,500).
 */
const claimScores = new RecentCache<ClaimScore>(10000);

/** A short id for each set of word lists in use, so cache keys do not each carry the lists (a kilobyte). */
const wordListIds = new Map<string, number>();
function wordListsId(options: BriefOptions): number {
  const lists = `${options.claims.reportingVerbs.join()}|${options.claims.hedges.join()}`;
  let id = wordListIds.get(lists);
  if (id === undefined) {
    id = wordListIds.size;
    wordListIds.set(lists, id);
  }
  return id;
}

function claimScorer(document: BriefDocument, options: BriefOptions): (sentence: Sentence) => ClaimScore {
  const lists = wordListsFor(options.claims);
  const contexts = claimContexts(document);
  const prefix = `${wordListsId(options)}|`;
  return (sentence) => {
    const context = contexts.get(sentence)!;
    const key = `${prefix}${contextKey(context)}|${sentence.text}`;
    return claimScores.get(key, () => scoreSentence(sentence.text, context, lists));
  };
}

/** `claim.uncited`: sentences stating a checkable fact with no source, and the fixes that give them one. */
export const claims: Feature = {
  name: 'claims',
  diagnostics: ({ document, options, bibliography }) =>
    findUncitedClaimDiagnostics(document, options, claimScorer(document, options), () => bibliography().byKey.size > 0),
};
