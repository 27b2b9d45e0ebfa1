import type { ClaimFeature } from './claimFeatures';

/**
 * The learned part of the claim detector: a logistic regression over the hand features, hashed
 * word unigrams and bigrams, and the sentence's context. Trained offline by
 * `npm run train:claims` on sentences labelled "needs a source"; the weights ship as JSON.
 */

/** Where a sentence stands in the brief, as the model sees it. */
export interface ClaimContext {
  /** Its place in its paragraph. */
  position: 'only' | 'first' | 'middle' | 'last';
  inList: boolean;
  inQuote: boolean;
  /** The nearest heading above it. */
  heading: string;
  previousSourced: boolean;
  nextSourced: boolean;
}

export interface ClaimWeights {
  /** Size of the hashed input space (a power of two). */
  buckets: number;
  bias: number;
  /** Probability thresholds for each sensitivity. */
  thresholds: { strict: number; balanced: number; lenient: number };
  /** Non-zero weights as [bucket, weight] pairs. */
  weights: Array<[number, number]>;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over more text, continuing from `hash`: hashing parts in turn equals hashing their concatenation. */
function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** FNV-1a: the same bucket for a name in training and in the editor. */
export function bucketOf(name: string, buckets: number): number {
  return (fnv(FNV_OFFSET, name) >>> 0) & (buckets - 1);
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.,%$€£-]*/gu;

/** Words lower-cased, with numbers folded into their kind so "2019" and "2024" are one input. */
export function claimTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(lower); match; match = TOKEN.exec(lower)) {
    let end = match[0].length;
    while (end > 1 && TRAILING.has(match[0][end - 1])) end--;
    const raw = end === match[0].length ? match[0] : match[0].slice(0, end);
    const first = raw.charCodeAt(0);
    if (first < 48 || first > 57) {
      tokens.push(raw);
      continue;
    }
    const before = lower[match.index - 1];
    if (raw[raw.length - 1] === '%') tokens.push('<percent>');
    else if (before === '$' || before === '€' || before === '£') tokens.push('<money>');
    else if (YEAR.test(raw)) tokens.push('<year>');
    else tokens.push('<number>');
  }
  return tokens;
}

/** Punctuation a token does not end with: "2024." is "2024". */
const TRAILING = new Set(['.', ',', "'", '’', '-']);
const YEAR = /^(?:1[89]|20)\d{2}s?$/;

/** Kinds of section, by their heading: the writer's advice, or background others established. Heading words themselves are too particular to learn from. */
const ADVICE_HEADING = /recommend|option|conclu|next steps|way forward|propos|solution|what (?:congress|policymakers) (?:can|could|should)|considerations? for|implications|discussion|analysis/i;
const BACKGROUND_HEADING = /background|introduction|overview|context|history|what is|how .* works|current|status|legislation|law|funding|data/i;

function headingKind(heading: string): string {
  if (heading.trim() === '') return 'none';
  if (ADVICE_HEADING.test(heading)) return 'advice';
  if (BACKGROUND_HEADING.test(heading)) return 'background';
  return 'other';
}

/** The names of every input a sentence turns on. */
export function claimInputs(text: string, features: readonly ClaimFeature[], context: ClaimContext): string[] {
  const inputs = features.map((f) => `h:${f.id}`);
  const tokens = claimTokens(text);
  for (let i = 0; i < tokens.length; i++) {
    inputs.push(`w:${tokens[i]}`);
    inputs.push(`b:${i === 0 ? '^' : tokens[i - 1]}_${tokens[i]}`);
  }
  inputs.push(...contextInputs(context));
  return inputs;
}

function contextInputs(context: ClaimContext): string[] {
  const inputs = [`c:pos:${context.position}`];
  if (context.inList) inputs.push('c:list');
  if (context.inQuote) inputs.push('c:quote');
  if (context.previousSourced) inputs.push('c:prev-sourced');
  if (context.nextSourced) inputs.push('c:next-sourced');
  inputs.push(`c:heading:${headingKind(context.heading)}`);
  return inputs;
}

/** A loaded model: weights by bucket. */
export class ClaimModel {
  private readonly weights: Float32Array;

  constructor(readonly definition: ClaimWeights) {
    this.weights = new Float32Array(definition.buckets);
    for (const [bucket, weight] of definition.weights) this.weights[bucket] = weight;
  }

  weightOf(input: string): number {
    return this.weights[bucketOf(input, this.definition.buckets)];
  }

  /** The probability that the sentence needs a source, from the names of its inputs (as training sees them). */
  probability(inputs: readonly string[]): number {
    let z = this.definition.bias;
    for (const input of inputs) z += this.weightOf(input);
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The same probability as `probability(claimInputs(text, features, context))`, without building
   * the input names: each is hashed from its parts. The editor scores every sentence of a brief this way.
   */
  probabilityOf(text: string, features: readonly ClaimFeature[], context: ClaimContext): number {
    const mask = this.definition.buckets - 1;
    const weight = (hash: number) => this.weights[(hash >>> 0) & mask];
    let z = this.definition.bias;
    for (const feature of features) z += weight(fnv(fnv(FNV_OFFSET, 'h:'), feature.id));
    const word = fnv(FNV_OFFSET, 'w:');
    const pair = fnv(FNV_OFFSET, 'b:');
    let previous = '^';
    for (const token of claimTokens(text)) {
      z += weight(fnv(word, token));
      z += weight(fnv(fnv(fnv(pair, previous), '_'), token));
      previous = token;
    }
    for (const input of contextInputs(context)) z += this.weightOf(input);
    return 1 / (1 + Math.exp(-z));
  }
}
