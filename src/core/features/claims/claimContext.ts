import type { BriefDocument, Sentence } from '../../document';
import { perDocument } from '../../document';
import type { ClaimContext } from './claimModel';
import { hasSource } from './claimSources';

/** Each sentence's context: its place in its paragraph, its container, its heading, whether its neighbours are sourced. */
export const claimContexts = perDocument((document: BriefDocument): Map<Sentence, ClaimContext> => {
  const contexts = new Map<Sentence, ClaimContext>();
  const sentences = document.sentences;
  const sourced = sentences.map(hasSource);
  sentences.forEach((sentence, i) => {
    const samePrevious = i > 0 && sentences[i - 1].paragraphStart === sentence.paragraphStart;
    const sameNext = i + 1 < sentences.length && sentences[i + 1].paragraphStart === sentence.paragraphStart;
    contexts.set(sentence, {
      position: samePrevious ? (sameNext ? 'middle' : 'last') : sameNext ? 'first' : 'only',
      inList: sentence.container.list,
      inQuote: sentence.container.quote,
      heading: sentence.heading,
      previousSourced: samePrevious && sourced[i - 1],
      nextSourced: sameNext && sourced[i + 1],
    });
  });
  return contexts;
});

/** A key for caching a score: the same text in the same context scores the same. */
export function contextKey(context: ClaimContext): string {
  return `${context.position}|${+context.inList}${+context.inQuote}${+context.previousSourced}${+context.nextSourced}|${context.heading}`;
}
