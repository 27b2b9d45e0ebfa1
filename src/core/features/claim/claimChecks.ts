import type { BriefDocument, Sentence } from '../../document';
import type { Range } from '../../types';
import type { BriefOptions } from '../../options';
import { finding, type Finding } from '../../feature';
import { claimFixes } from './claimFixes';
import { findUncitedClaims, type ClaimScore } from './claimDetector';
import { claimText } from './claimText';
import { Codes, diagnosticFor } from '../../diagnosticCodes';

/** Above this size (about 300,000 words) claims are not checked, and the writer is told so once. */
export const CLAIMS_SIZE_LIMIT = 2_000_000;

/** `claim.uncited`: a sentence stating a checkable fact with no footnote or citation. */
export function findUncitedClaimDiagnostics(
  document: BriefDocument,
  options: BriefOptions,
  scores: (sentence: Sentence) => ClaimScore,
  hasBibliography: () => boolean,
): Finding[] {
  // A literature note summarises the one work its front matter describes: that work is its source.
  if (document.frontMatter?.claimsOff || document.frontMatter?.describesOneWork || !options.claims.enabled) return [];
  if (document.text.length > CLAIMS_SIZE_LIMIT) {
    return [
      finding(
        diagnosticFor(
          Codes.claimSkipped,
          `This document is ${(document.text.length / 1_000_000).toFixed(1)} million characters long; BriefKit checks for uncited claims in documents up to ${CLAIMS_SIZE_LIMIT / 1_000_000} million characters, so that check was skipped. The other checks ran.`,
          document.lines.rangeAt(0, 0),
        ),
      ),
    ];
  }
  return findUncitedClaims(document, options.claims, scores).map(({ sentence, score }) =>
    finding(diagnosticFor(Codes.claimUncited, messageFor(sentence.text, score), leadRange(document, sentence), options.claims.severity), () =>
      claimFixes(document, sentence, hasBibliography()),
    ),
  );
}

/** How many words of a flagged sentence are underlined: a paragraph of flags is not a wall of underlining. */
const UNDERLINED_WORDS = 3;
/** How many words of the sentence its message quotes: enough to tell the rows of the Problems panel apart. */
const QUOTED_WORDS = 8;

/** The sentence's first words, where the flag is underlined; the message says the rest on hover. */
function leadRange(document: BriefDocument, sentence: Sentence): Range {
  const text = document.text.slice(sentence.start, sentence.end);
  const lead = new RegExp(`^\\S+(?:\\s+\\S+){0,${UNDERLINED_WORDS - 1}}`).exec(text);
  return document.lines.rangeAt(sentence.start, sentence.start + (lead?.[0].length ?? text.length));
}

/** The sentence's opening as a reader sees it, markers, links and emphasis taken out: "Russia wants to strengthen its military power …". */
function opening(text: string): string {
  const words = claimText(text)
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .split(' ')
    .filter((word) => word !== '');
  return words.length > QUOTED_WORDS ? `${words.slice(0, QUOTED_WORDS).join(' ')} …` : words.join(' ');
}

/** Each sentence's message, kept with its score (scores are kept per sentence text and context): a keystroke words again only the sentences it changed. */
const messages = new WeakMap<ClaimScore, Map<string, string>>();

/** The sentence first, then the one strongest reason it needs a source. */
function messageFor(text: string, score: ClaimScore): string {
  let byText = messages.get(score);
  if (!byText) messages.set(score, (byText = new Map()));
  let message = byText.get(text);
  if (message === undefined) {
    const reason = score.evidence[0]?.evidence ?? 'states a fact about the world';
    message = `“${opening(text)}” has no source, though it ${reason}. Add a footnote or citation, or mark it "not a claim" if it is your own argument.`;
    byText.set(text, message);
  }
  return message;
}
