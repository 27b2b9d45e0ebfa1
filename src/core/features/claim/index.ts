import type { BriefDocument, Sentence } from '../../document';
import type { Feature } from '../../feature';
import type { BriefOptions } from '../../options';
import { findUncitedClaimDiagnostics } from './claimChecks';
import { claimContexts, contextKey } from './claimContext';
import { scoreSentence, wordListsFor, type ClaimScore } from './claimDetector';
import { RecentCache } from '../../text/recentCache';

/**
 * Claim scores by sentence text, then by word lists and context: an edit re-scores only the
 * sentences it changed. Keyed by the text itself (the same string every version, its hash kept),
 * not by text and context joined, which built and hashed a new string per sentence per keystroke.
 * Sized for the sentences of a few open briefs (a 100,000-word brief has about 6,500).
 */
const claimScores = new RecentCache<Map<string, ClaimScore>>(10000);

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
    const scores = claimScores.get(sentence.text, () => new Map());
    const key = `${prefix}${contextKey(context)}`;
    let score = scores.get(key);
    if (!score) {
      score = scoreSentence(sentence.text, context, lists);
      scores.set(key, score);
    }
    return score;
  };
}

/** `claim.uncited`: sentences stating a checkable fact with no source, and the fixes that give them one. */
export const claims: Feature = {
  name: 'claims',
  checks: [
    {
      diagnostics: ({ document, options, bibliography }) =>
        findUncitedClaimDiagnostics(document, options, claimScorer(document, options), () => bibliography().byKey.size > 0),
      // Claims are read from prose sentences, which a word edit in a note or an entry leaves as they were.
      reads: ['prose', 'markup', 'files'],
    },
  ],
};
