import { lineStartOf } from '../../text/lineIndex';
import type { BriefDocument, Sentence } from '../../document';
import { compileWordLists, inAuthorsVoice, sentenceFeatures, type ClaimFeature, type ClaimWordLists, type CompiledWordLists } from './claimFeatures';
import { ClaimModel, clusterTable, type ClaimContext, type ClaimWeights, type DocumentVoice, type WordClusters } from './claimModel';
import { hasNote, hasSource } from './claimSources';
import { notClaimKey, notClaimKeys } from './notClaims';
import weights from './claimWeights.json';
import clusters from './claimClusters.json';
import { claimText } from './claimText';

/** The model trained by `npm run train:claims`, shipped with the code. */
export const CLAIM_MODEL = new ClaimModel(weights as ClaimWeights, clusterTable(clusters as WordClusters));

export type ClaimSensitivity = 'strict' | 'balanced' | 'lenient';
export type ClaimScope = 'passage' | 'sentence';

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
  /** How the sentence's document speaks, which sets the threshold. */
  voice: DocumentVoice;
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
  const evidence = features.filter((f) => f.evidence !== '' && model.featureWeight(f) > 0).sort((a, b) => model.featureWeight(b) - model.featureWeight(a));
  return { probability, evidence, signalled: features.some((f) => f.evidence !== ''), excluded, voice: context.voice };
}

/** The probability a sentence with no transparent sign of a claim needs before it is flagged: words alone mislead in essays and blogs. */
export const UNSIGNALLED_MINIMUM = 0.9;

/**
 * Whether a score makes a sentence a claim: not the writer's own voice or markup, and at the
 * sensitivity's threshold when a transparent sign of a claim fired, else only when the model is sure.
 */
export function isClaim(
  score: Pick<ClaimScore, 'probability' | 'signalled' | 'excluded' | 'voice'>,
  sensitivity: ClaimSensitivity,
  model: ClaimModel = CLAIM_MODEL,
): boolean {
  return isClaimAt(score, thresholdFor(score.voice, sensitivity, model));
}

/** The same at a given threshold: training chooses the thresholds with it. */
export function isClaimAt(score: Pick<ClaimScore, 'probability' | 'signalled' | 'excluded'>, threshold: number): boolean {
  return !score.excluded && score.probability >= (score.signalled ? threshold : Math.max(threshold, UNSIGNALLED_MINIMUM));
}

/** How far each sensitivity moves the trained threshold: strict flags more, lenient only the surest. */
export const SENSITIVITY_OFFSET: Record<ClaimSensitivity, number> = { strict: -0.1, balanced: 0, lenient: 0.1 };

/** The probability at or above which a sentence in a kind of document counts as a claim, for a sensitivity. */
export function thresholdFor(voice: DocumentVoice, sensitivity: ClaimSensitivity, model: ClaimModel = CLAIM_MODEL): number {
  const trained = model.definition.thresholds[voice];
  // Above 1: training found no threshold right often enough there, and no sensitivity changes that.
  return trained > 1 ? Infinity : trained + SENSITIVITY_OFFSET[sensitivity];
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
    const lineStart = lineStartOf(text, at);
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
 * A research paper's own study: under Methods, Implementation, Evaluation, Results, Findings,
 * Discussion, Limitations, Ethical Considerations or Future Work the writer describes what they did ("All user testing was conducted
 * with informed consent"), which needs no source by the labelling guideline. The whole heading must
 * be such a name: "Implementation of the MGT Act" is about someone else's act.
 */
const OWN_STUDY_SECTION =
  /^(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:(?:research |data and |materials and |evaluation |study )?method(?:s|ology)|(?:technical |system )?implementation|evaluation(?: methods)?|(?:study )?limitations|ethical considerations|ethics|future (?:work|research)|research questions|results(?: and discussion| of (?:the|this|our) .+)?|(?:main |key )?findings|discussion)$/i;

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

/**
 * Sentences a source covers, by scope. `sentence`: only those that carry one. `passage` (the
 * default): also a sentence whose paragraph goes on to a sentence with a note or citation (the
 * note that closes a passage covers the sentences before it), and a sentence right after one with
 * a note that begins by pointing back to it ("The report also found …", "He added that …"). A
 * link covers only its own sentence: it marks the words it is on, not a passage.
 */
export function sourcedSentences(sentences: readonly Sentence[], scope: ClaimScope): boolean[] {
  const sourced = sentences.map(hasSource);
  if (scope === 'sentence') return sourced;
  // A sentence with no source of any kind has no note: only the sourced ones are looked at again.
  const noted = sentences.map((sentence, i) => sourced[i] && hasNote(sentence));
  const covered = [...sourced];
  let closed = false;
  for (let i = sentences.length - 1; i >= 0; i--) {
    if (i + 1 < sentences.length && sentences[i + 1].paragraphStart !== sentences[i].paragraphStart) closed = false;
    if (closed) covered[i] = true;
    if (noted[i]) closed = true;
  }
  for (let i = 1; i < sentences.length; i++) {
    if (!covered[i] && noted[i - 1] && sentences[i - 1].paragraphStart === sentences[i].paragraphStart && POINTS_BACK.test(claimText(sentences[i].text)))
      covered[i] = true;
  }
  return covered;
}

/** A sentence that opens by pointing back at the source just cited: its speaker ("He", "She"), its document ("The report"), or "also"/"further". */
const POINTS_BACK =
  /^(?:(?:He|She|The (?:report|study|survey|paper|article|analysis|authors?|researchers?|document|data|memo|ruling)|This (?:report|study|survey|paper|document|analysis|ruling))\b|(?:Also|Further(?:more)?|In addition|Moreover)\b)/;

/**
 * Sentences whose claims are not checked: table cells (a grid of figures, not prose), block
 * quotations (someone else's words, sourced by the sentence that introduces them or the note that
 * closes them), captions written as paragraphs ("Figure 3: …", "Source: …") and sentences about `code`.
 */
function notProse(document: BriefDocument): Set<Sentence> {
  const skipped = new Set<Sentence>();
  const code = document.codeSpans;
  let c = 0;
  let caption = -1;
  for (const sentence of document.sentences) {
    if (sentence.start === sentence.paragraphStart) caption = CAPTION.test(sentence.text) ? sentence.paragraphStart : -1;
    if (sentence.container.table || sentence.container.quote || caption === sentence.paragraphStart) {
      skipped.add(sentence);
      continue;
    }
    // A sentence about `code` explains a method in the writer's own field.
    while (c < code.length && code[c].end <= sentence.start) c++;
    if (c < code.length && code[c].start < sentence.end) skipped.add(sentence);
  }
  return skipped;
}

/** The start of a caption or a source line set as a paragraph of its own. */
const CAPTION = /^[*_]*(?:(?:Caption )?(?:Figure|Fig\.|Table|Chart|Map|Exhibit|Box)\s*[\dA-Z]*[.:–—-]|Caption\b|Sources?:|Notes?:)/i;

export interface UncitedClaim {
  sentence: Sentence;
  score: ClaimScore;
}

/** The sentences the claim check scores: those no source covers in the option's scope, in prose, not dismissed by the writer or in a study's own sections. */
export function checkedSentences(document: BriefDocument, options: ClaimOptions): Sentence[] {
  const ignored = ignoredSentences(document);
  const skipped = notProse(document);
  const sourced = sourcedSentences(document.sentences, options.scope);
  const notClaims = notClaimKeys(options.notClaims ?? NO_SENTENCES);
  return document.sentences.filter(
    (sentence, i) =>
      !sourced[i] &&
      !skipped.has(sentence) &&
      !ignored.has(sentence) &&
      !inOwnStudySection(sentence) &&
      !(notClaims.size > 0 && notClaims.has(notClaimKey(sentence.text))),
  );
}

/** Sentences that state a checkable fact and that no source covers in the option's scope (see sourcedSentences). */
export function findUncitedClaims(document: BriefDocument, options: ClaimOptions, scores: (sentence: Sentence) => ClaimScore): UncitedClaim[] {
  if (!options.enabled) return [];
  const claims: UncitedClaim[] = [];
  for (const sentence of checkedSentences(document, options)) {
    const score = scores(sentence);
    if (isClaim(score, options.sensitivity)) claims.push({ sentence, score });
  }
  return claims;
}
