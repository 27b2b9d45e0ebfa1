import type { BriefDocument, Sentence } from '../../document';
import { compileWordLists, sentenceFeatures, type ClaimFeature, type ClaimWordLists, type CompiledWordLists } from './claimFeatures';

export type ClaimSensitivity = 'strict' | 'balanced' | 'lenient';
export type ClaimScope = 'sentence' | 'paragraph';

export interface ClaimOptions extends ClaimWordLists {
  enabled: boolean;
  scope: ClaimScope;
  sensitivity: ClaimSensitivity;
}

/** Scores at or above which a sentence counts as a claim; "strict" flags more sentences. */
export const THRESHOLDS: Record<ClaimSensitivity, number> = { strict: 2, balanced: 2.75, lenient: 3.5 };

export interface ClaimScore {
  score: number;
  features: ClaimFeature[];
}

/** Removes footnote markers and citations so they do not count as numbers or names. */
export function claimText(sentence: string): string {
  return sentence
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/\[[^\]]*@[^\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function scoreSentence(text: string, lists: CompiledWordLists): ClaimScore {
  const features = sentenceFeatures(claimText(text), lists);
  return { score: features.reduce((sum, f) => sum + f.weight, 0), features };
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

export interface UncitedClaim {
  sentence: Sentence;
  score: ClaimScore;
}

/**
 * Sentences that state a checkable fact and carry no footnote or citation. With the
 * paragraph scope, a cited last sentence covers the paragraph's earlier sentences.
 */
export function findUncitedClaims(document: BriefDocument, options: ClaimOptions, scores: (sentence: Sentence) => ClaimScore): UncitedClaim[] {
  if (!options.enabled) return [];
  const ignored = ignoredSentences(document);
  const citedParagraphs = new Set<number>();
  if (options.scope === 'paragraph') {
    const lastOf = new Map<number, Sentence>();
    for (const s of document.sentences) lastOf.set(s.paragraphStart, s);
    for (const [paragraph, last] of lastOf) if (last.footnoteReferences.length > 0 || last.citations.length > 0) citedParagraphs.add(paragraph);
  }
  const threshold = THRESHOLDS[options.sensitivity];
  const claims: UncitedClaim[] = [];
  for (const sentence of document.sentences) {
    if (sentence.footnoteReferences.length > 0 || sentence.citations.length > 0) continue;
    if (ignored.has(sentence) || citedParagraphs.has(sentence.paragraphStart)) continue;
    const score = scores(sentence);
    if (score.score >= threshold) claims.push({ sentence, score });
  }
  return claims;
}

/** "gives a date, describes an action by a named actor and quotes someone". */
export function evidenceText(features: ClaimFeature[]): string {
  const parts = features.filter((f) => f.evidence !== '').sort((a, b) => b.weight - a.weight).slice(0, 3).map((f) => f.evidence);
  if (parts.length <= 1) return parts[0] ?? 'states a fact';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
