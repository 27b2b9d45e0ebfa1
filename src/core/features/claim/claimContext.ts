import type { BriefDocument, Sentence } from '../../document';
import { perDocument } from '../../document';
import { RecentCache } from '../../text/recentCache';
import type { ClaimContext, DocumentVoice } from './claimModel';
import { claimText } from './claimText';
import { speaksPersonally } from './claimFeatures';
import { hasSource } from './claimSources';

/** Each sentence's context: its place in its paragraph, its container, its heading, whether its neighbours are sourced, the document's voice. */
export const claimContexts = perDocument((document: BriefDocument): Map<Sentence, ClaimContext> => {
  const contexts = new Map<Sentence, ClaimContext>();
  const sentences = document.sentences;
  const sourced = sentences.map(hasSource);
  const voice = documentVoice(sentences);
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
      voice,
    });
  });
  return contexts;
});

/** A key for caching a score: the same text in the same context scores the same. */
export function contextKey(context: ClaimContext): string {
  return `${context.position}|${+context.inList}${+context.inQuote}${+context.previousSourced}${+context.nextSourced}|${context.voice}|${context.heading}`;
}

/** Whether sentences speak personally, by text: each is tested once however often the brief is checked. */
const personalCache = new RecentCache<boolean>(10000);

function isPersonal(text: string): boolean {
  // claimText only takes out markers and citations and decodes entities: most sentences have none, and are told without the cache.
  if (!text.includes('[') && !text.includes('&')) return speaksPersonally(text.trim());
  return personalCache.get(text, () => speaksPersonally(claimText(text)));
}

/**
 * How a document speaks, by the share of its sentences that speak personally (the first person,
 * the reader addressed, instructions; see speaksPersonally): under a tenth, a report about
 * others; a quarter or more, a personal essay, a blog post or a how-to guide, whose unmarked
 * sentences are far more often the writer's own argument and experience; between, mixed. The
 * model learns what each means from the labels. A document of fewer than ten sentences is too
 * short to tell and counts as a report.
 */
export function documentVoice(sentences: readonly Sentence[]): DocumentVoice {
  if (sentences.length < 10) return 'report';
  let own = 0;
  for (const s of sentences) if (isPersonal(s.text)) own++;
  const share = own / sentences.length;
  return share >= 0.25 ? 'own' : share >= 0.1 ? 'mixed' : 'report';
}
