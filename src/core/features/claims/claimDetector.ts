import type { BriefDocument, Sentence } from '../../document';
import { compileWordLists, inAuthorsVoice, sentenceFeatures, type ClaimFeature, type ClaimWordLists, type CompiledWordLists } from './claimFeatures';
import { ClaimModel, type ClaimContext, type ClaimWeights } from './claimModel';
import { hasSource } from './claimSources';
import { notClaimKey, notClaimKeys } from './notClaims';
import weights from './claimWeights.json';
import { RecentCache } from '../../text/recentCache';

/** The model trained by `npm run train:claims`, shipped with the code. */
export const CLAIM_MODEL = new ClaimModel(weights as ClaimWeights);

export type ClaimSensitivity = 'strict' | 'balanced' | 'lenient';
export type ClaimScope = 'sentence' | 'paragraph';

export interface ClaimOptions extends ClaimWordLists {
  enabled: boolean;
  scope: ClaimScope;
  sensitivity: ClaimSensitivity;
  /** Sentences the writer marked "not a claim" for the whole workspace (see notClaims.ts). */
  notClaims?: readonly string[];
}

export interface ClaimScore {
  /** The model's probability that the sentence needs a source. */
  probability: number;
  /** The hand features that fired and raised the score, strongest first: the evidence shown to the writer. */
  evidence: ClaimFeature[];
  /** Whether any transparent sign of a claim fired (a number, a date, a quotation, a reporting verb …). */
  signalled: boolean;
  /** The writer's own voice or markup, never flagged (see isOwnVoiceOrMarkup); kept with the score so an edit does not test it again. */
  excluded: boolean;
  /** A strong sign of someone else's fact fired (see hasStrongEvidence): enough in a document written in the writer's own voice. */
  strong: boolean;
}

/** Punctuation that blogs exported from WordPress keep as HTML entities (`&#8220;`, `&rsquo;`), as the reader sees it. */
const ENTITIES: Record<string, string> = {
  '#8211': '–', '#8212': '—', '#8216': '‘', '#8217': '’', '#8220': '“', '#8221': '”', '#8230': '…', '#39': "'", '#160': ' ',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', quot: '"', apos: "'", amp: '&', nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{2,4}|[a-z]{2,6});/g, (entity, name: string) => ENTITIES[name] ?? entity);
}

/** Removes footnote markers and citations so they do not count as numbers or names, and reads HTML entities as their characters. */
export function claimText(sentence: string): string {
  if (sentence.includes('&')) sentence = decodeEntities(sentence);
  // Sentences come with their spaces already collapsed: only markers and citations need taking out.
  if (!sentence.includes('[')) return sentence.trim();
  return sentence
    .replace(/\[\^[^[\]\s]+\]/g, '')
    .replace(/\[[^[\]@]*@[^[\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The transparent features of a sentence (footnote markers and citations removed first). */
export function handFeatures(text: string, lists: CompiledWordLists): ClaimFeature[] {
  return sentenceFeatures(claimText(text), lists);
}

/** A sentence's probability of needing a source, in its context, and the evidence for it. */
export function scoreSentence(text: string, context: ClaimContext, lists: CompiledWordLists, model: ClaimModel = CLAIM_MODEL): ClaimScore {
  const plain = claimText(text);
  const features = sentenceFeatures(plain, lists);
  const excluded = isOwnVoiceOrMarkup(text, lists, plain);
  // Never flagged, so not worth the model's time.
  const probability = excluded ? 0 : model.probabilityOf(plain, features, context);
  const evidence = features
    .filter((f) => f.evidence !== '' && model.featureWeight(f) > 0)
    .sort((a, b) => model.featureWeight(b) - model.featureWeight(a));
  return { probability, evidence, signalled: features.some((f) => f.evidence !== ''), excluded, strong: hasStrongEvidence(features) };
}

/** The probability a sentence with no transparent sign of a claim needs before it is flagged: words alone mislead in essays and blogs. */
export const UNSIGNALLED_MINIMUM = 0.9;

/** Whether a score makes a flag: at the sensitivity's threshold when a transparent sign of a claim fired, else only when the model is sure. */
export function isFlagged(score: Pick<ClaimScore, 'probability' | 'signalled'>, sensitivity: ClaimSensitivity, model: ClaimModel = CLAIM_MODEL): boolean {
  const threshold = thresholdFor(sensitivity, model);
  return score.probability >= (score.signalled ? threshold : Math.max(threshold, UNSIGNALLED_MINIMUM));
}

/** The probability at or above which a sentence counts as a claim, for a sensitivity. */
export function thresholdFor(sensitivity: ClaimSensitivity, model: ClaimModel = CLAIM_MODEL): number {
  return model.definition.thresholds[sensitivity];
}

const compiledCache = new WeakMap<ClaimWordLists, CompiledWordLists>();

export function wordListsFor(options: ClaimWordLists): CompiledWordLists {
  let compiled = compiledCache.get(options);
  if (!compiled) {
    compiled = compileWordLists(options);
    compiledCache.set(options, compiled);
  }
  return compiled;
}

export const IGNORE_MARKER = '<!-- briefkit-ignore claim -->';

/**
 * Sentences an ignore marker covers: the sentence it sits in or right after, in the same
 * paragraph; or, on a line of its own, the whole next paragraph.
 */
function ignoredSentences(document: BriefDocument): Set<Sentence> {
  const ignored = new Set<Sentence>();
  const text = document.text;
  let at = text.indexOf(IGNORE_MARKER);
  while (at >= 0) {
    const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
    const ownLine = text.slice(lineStart, at).trim() === '';
    if (ownLine) {
      const next = document.sentences.find((s) => s.start > at);
      if (next) for (const s of document.sentences) if (s.paragraphStart === next.paragraphStart) ignored.add(s);
    } else {
      const before = [...document.sentences].reverse().find((s) => s.start < at);
      if (before) ignored.add(before);
    }
    at = text.indexOf(IGNORE_MARKER, at + IGNORE_MARKER.length);
  }
  return ignored;
}

/**
 * Sentences never flagged, whatever the model says: the writer's own voice (see inAuthorsVoice), and
 * table rows Markdown did not read as a table (`| Action | Steel (2017-2018) | Copper (2025) |`).
 */
export function isOwnVoiceOrMarkup(text: string, lists: CompiledWordLists, plain = claimText(text)): boolean {
  return (text.match(/\|/g)?.length ?? 0) >= 3 || MARKUP.test(text) || isShouted(text) || inAuthorsVoice(plain, lists);
}

/**
 * Markup read as prose: a site generator's tags (`{{< figure … >}}`, `{% include %}`), a pandoc
 * fenced div run into its paragraph (`::: {#note}`), and placeholder text (lorem ipsum).
 */
const MARKUP = /\{\{|\{%|%\}|\}\}|(?:^|\s):::|\b(?:lorem ipsum|dolor sit amet|aenean|consectetur adipiscing)\b/i;

/** Text mostly in capitals is a licence, a warning label or a heading run into the text, not a claim to source. */
function isShouted(text: string): boolean {
  // Four capitals in a row first, cheaply: most sentences have none.
  if (!/[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]{4}/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 20 && letters.replace(/\P{Lu}/gu, '').length > 0.6 * letters.length;
}

/**
 * Three or more code blocks make a technical document (a tutorial, a package vignette, a textbook
 * chapter): its sentences explain methods in the writer's own field, which the claim model cannot
 * tell from claims, so the check stays silent there.
 */
function isTechnicalDocument(document: BriefDocument): boolean {
  return document.verbatimBlocks.filter((block) => block.kind === 'code').length >= 3;
}

/** The signs of a claim that a reader of a personal essay or a guide would still want sourced: statistics, dates, quotations, reported words, studies ("two ways" is not one). */
const STRONG_EVIDENCE = new Set(['statistic', 'date', 'quotation', 'reporting', 'study', 'generalisation']);

/** Whether a strong sign fired that the model also counts towards a claim ("many objects of study" is not a study). */
export function hasStrongEvidence(features: readonly ClaimFeature[], model: ClaimModel = CLAIM_MODEL): boolean {
  return features.some((f) => STRONG_EVIDENCE.has(f.id) && model.featureWeight(f) > 0);
}

/** Whether sentences are in the writer's own voice, by text: each is tested once however often the brief is checked. */
const ownVoiceCache = new RecentCache<boolean>(10000);

function inOwnVoice(text: string): boolean {
  return ownVoiceCache.get(text, () => inAuthorsVoice(claimText(text)));
}

/**
 * A document written in the writer's own voice: at least a quarter of its sentences (of 20 or
 * more) speak in the first person, address the reader, instruct or recommend — a personal essay,
 * a blog post, a how-to guide. Its unmarked sentences are the writer's argument and experience far
 * more often than in a brief (every CRS brief labelled stays under 23%), and the claim model,
 * trained on briefs, cannot tell them apart; so there only sentences with a strong sign of someone
 * else's fact are flagged.
 */
export function speaksInOwnVoice(sentences: readonly Sentence[]): boolean {
  if (sentences.length < 20) return false;
  let own = 0;
  for (const s of sentences) if (inOwnVoice(s.text)) own++;
  return own >= 0.25 * sentences.length;
}

/**
 * A research paper's own study: under Methods, Implementation, Evaluation, Limitations, Ethical
 * Considerations or Future Work the writer describes what they did ("All user testing was conducted
 * with informed consent"), which needs no source by the labelling guideline. The whole heading must
 * be such a name: "Implementation of the MGT Act" is about someone else's act.
 */
const OWN_STUDY_SECTION =
  /^(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:(?:research |data and |materials and |evaluation |study )?method(?:s|ology)|(?:technical |system )?implementation|evaluation(?: methods)?|(?:study )?limitations|ethical considerations|ethics|future (?:work|research)|research questions)$/i;

const ownStudyCache = new WeakMap<readonly string[], boolean>();

function inOwnStudySection(sentence: Sentence): boolean {
  let own = ownStudyCache.get(sentence.sections);
  if (own === undefined) {
    own = sentence.sections.some((heading) => OWN_STUDY_SECTION.test(heading.trim()));
    ownStudyCache.set(sentence.sections, own);
  }
  return own;
}

const NO_SENTENCES: readonly string[] = [];

export interface UncitedClaim {
  sentence: Sentence;
  score: ClaimScore;
}

/**
 * Sentences that state a checkable fact and carry no footnote or citation. With the
 * paragraph scope, a cited last sentence covers the paragraph's earlier sentences.
 */
export function findUncitedClaims(document: BriefDocument, options: ClaimOptions, scores: (sentence: Sentence) => ClaimScore): UncitedClaim[] {
  if (!options.enabled || isTechnicalDocument(document)) return [];
  const ignored = ignoredSentences(document);
  const citedParagraphs = new Set<number>();
  if (options.scope === 'paragraph') {
    const lastOf = new Map<number, Sentence>();
    for (const s of document.sentences) lastOf.set(s.paragraphStart, s);
    for (const [paragraph, last] of lastOf) if (hasSource(last)) citedParagraphs.add(paragraph);
  }
  const ownVoice = speaksInOwnVoice(document.sentences);
  const notClaims = notClaimKeys(options.notClaims ?? NO_SENTENCES);
  const claims: UncitedClaim[] = [];
  const code = document.codeSpans;
  let c = 0;
  for (const sentence of document.sentences) {
    if (hasSource(sentence)) continue;
    // A sentence about `code` explains a method in the writer's own field.
    while (c < code.length && code[c].end <= sentence.start) c++;
    if (c < code.length && code[c].start < sentence.end) continue;
    if (ignored.has(sentence) || citedParagraphs.has(sentence.paragraphStart) || inOwnStudySection(sentence)) continue;
    const score = scores(sentence);
    if (score.excluded || (ownVoice && !score.strong)) continue;
    if (isFlagged(score, options.sensitivity) && !(notClaims.size > 0 && notClaims.has(notClaimKey(sentence.text)))) claims.push({ sentence, score });
  }
  return claims;
}

/** "gives a date, describes an action by a named actor and quotes someone"; or, when its words carry the score, that it states a fact. */
export function evidenceText(score: ClaimScore): string {
  const parts = score.evidence.slice(0, 3).map((f) => f.evidence);
  if (parts.length <= 1) return parts[0] ?? 'states a fact about the world';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
