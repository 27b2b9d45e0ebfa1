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
  /**
   * How the whole document speaks (see documentVoice in claimContext.ts): a report about others, a
   * document mostly in its writer's own voice (a blog post, a guide), or between. The same words
   * weigh differently in each: "In May, 166 of our contributors gathered" is the blog's own news.
   */
  voice: DocumentVoice;
}

export type DocumentVoice = 'report' | 'mixed' | 'own';

export interface ClaimWeights {
  /** Size of the hashed input space (a power of two). */
  buckets: number;
  bias: number;
  /**
   * The balanced probability threshold for each kind of document, chosen by training so that
   * flags in that kind are right at least as often as its precision target; above 1 when no
   * threshold reached it there, so the check stays silent. Sensitivity moves it (SENSITIVITY_OFFSET).
   */
  thresholds: Record<DocumentVoice, number>;
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

/** Whether a code point is a letter or a number (`\p{L}`, `\p{N}`), ASCII answered without a pattern. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Answers for characters beyond ASCII, by code point. */
const lettersBeyondAscii = new Map<number, boolean>();
function isLetterOrNumber(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let letter = lettersBeyondAscii.get(code);
  if (letter === undefined) {
    letter = LETTER_OR_NUMBER.test(String.fromCodePoint(code));
    // Bounded, though briefs in any script use a few thousand distinct characters at most.
    if (lettersBeyondAscii.size < 65536) lettersBeyondAscii.set(code, letter);
  }
  return letter;
}

/** Characters a token may go on with besides letters and numbers: "o’brien", "1,200", "3.5%", "$40". */
const INSIDE_TOKEN = new Set(["'", '’', '.', ',', '%', '$', '€', '£', '-'].map((c) => c.charCodeAt(0)));
/** Punctuation a token does not end with: "2024." is "2024". */
const TRAILING = new Set(['.', ',', "'", '’', '-'].map((c) => c.charCodeAt(0)));
const YEAR = /^(?:1[89]|20)\d{2}s?$/;

/**
 * Each token of lower-cased text, in order: a letter or number, then letters, numbers and the
 * characters above, without trailing punctuation. A word is given by its span; a number (it starts
 * with 0–9) by the kind it folds into, so "2019" and "2024" are one input.
 */
function scanTokens(lower: string, visit: (start: number, end: number, kind: string | undefined) => void): void {
  let i = 0;
  while (i < lower.length) {
    const code = lower.codePointAt(i)!;
    if (!isLetterOrNumber(code)) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += code > 0xffff ? 2 : 1;
    while (i < lower.length) {
      const next = lower.codePointAt(i)!;
      if (!INSIDE_TOKEN.has(next) && !isLetterOrNumber(next)) break;
      i += next > 0xffff ? 2 : 1;
    }
    let end = i;
    while (end - start > 1 && TRAILING.has(lower.charCodeAt(end - 1))) end--;
    if (code < 48 || code > 57) {
      visit(start, end, undefined);
      continue;
    }
    const before = lower[start - 1];
    if (lower.charCodeAt(end - 1) === 37) visit(start, end, '<percent>');
    else if (before === '$' || before === '€' || before === '£') visit(start, end, '<money>');
    else visit(start, end, YEAR.test(lower.slice(start, end)) ? '<year>' : '<number>');
  }
}

/** Words lower-cased, with numbers folded into their kind so "2019" and "2024" are one input. */
export function claimTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  scanTokens(lower, (start, end, kind) => tokens.push(kind ?? lower.slice(start, end)));
  return tokens;
}

/** FNV-1a over `text[start, end)`, continuing from `hash`. */
function fnvSpan(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** Kinds of section, by their heading: the writer's advice, or background others established. Heading words themselves are too particular to learn from. */
const ADVICE_HEADING =
  /recommend|option|conclu|next steps|way forward|propos|solution|what (?:congress|policymakers) (?:can|could|should)|considerations? for|implications|discussion|analysis/i;
/** A paper's own work: what the writers did and found, which they are the source of. */
const OWN_WORK_HEADING = /method|approach|results|findings|evaluation|experiment|implementation|limitations|abstract|summary|lessons/i;
const BACKGROUND_HEADING = /background|introduction|overview|context|history|what is|how .* works|current|status|legislation|law|funding|data/i;

function headingKind(heading: string): string {
  if (heading.trim() === '') return 'none';
  if (ADVICE_HEADING.test(heading)) return 'advice';
  if (OWN_WORK_HEADING.test(heading)) return 'own-work';
  if (BACKGROUND_HEADING.test(heading)) return 'background';
  return 'other';
}

/** The input that lets a hand feature weigh differently in each kind of document (a number in a report, a number in a blog post). */
function voiceInput(voice: DocumentVoice, feature: ClaimFeature): string {
  return `v:${voice}:${feature.id}`;
}

/**
 * Words grouped by meaning: 20,000 common English words in 512 groups of words used alike ("rose",
 * "grew", "jumped"), made by `npm run train:claims -- … --embeddings` from word vectors (see
 * trainClaims.ts). A word seen in no labelled sentence still weighs what its group does.
 */
export interface WordClusters {
  /** Each group's words, separated by spaces; a word's group is its index here. */
  clusters: string[];
}

/** Each word's group, by word. */
export function clusterTable(definition: WordClusters): Map<string, number> {
  const table = new Map<string, number>();
  definition.clusters.forEach((words, cluster) => {
    for (const word of words.split(' ')) if (word !== '') table.set(word, cluster);
  });
  return table;
}

/** The names of every input a sentence turns on. */
export function claimInputs(text: string, features: readonly ClaimFeature[], context: ClaimContext, clusters: ReadonlyMap<string, number>): string[] {
  const inputs = features.flatMap((f) => [`h:${f.id}`, voiceInput(context.voice, f)]);
  const tokens = claimTokens(text);
  for (let i = 0; i < tokens.length; i++) {
    inputs.push(`w:${tokens[i]}`);
    inputs.push(`b:${i === 0 ? '^' : tokens[i - 1]}_${tokens[i]}`);
    const cluster = clusters.get(tokens[i]);
    if (cluster !== undefined) inputs.push(`k:${cluster}`);
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
  inputs.push(`c:voice:${context.voice}`);
  return inputs;
}

/** A loaded model: weights by bucket. */
export class ClaimModel {
  private readonly weights: Float32Array;
  /** Each grouped word's group weight, looked up once: a word token then costs one map lookup. */
  private readonly clusterWeights = new Map<string, number>();

  constructor(
    readonly definition: ClaimWeights,
    readonly clusters: ReadonlyMap<string, number> = new Map(),
  ) {
    this.weights = new Float32Array(definition.buckets);
    for (const [bucket, weight] of definition.weights) this.weights[bucket] = weight;
    for (const [word, cluster] of clusters) this.clusterWeights.set(word, this.weightOf(`k:${cluster}`));
  }

  weightOf(input: string): number {
    return this.weights[bucketOf(input, this.definition.buckets)];
  }

  /** Weights looked up once per model: a feature's, and each context input's (a handful of names). */
  private readonly featureWeights = new Map<ClaimFeature, number>();
  private readonly contextWeights = new Map<string, number>();
  private readonly voiceWeights: Record<DocumentVoice, Map<ClaimFeature, number>> = { report: new Map(), mixed: new Map(), own: new Map() };

  /** The weight of a hand feature's input (`h:` and its id). */
  featureWeight(feature: ClaimFeature): number {
    let weight = this.featureWeights.get(feature);
    if (weight === undefined) this.featureWeights.set(feature, (weight = this.weightOf(`h:${feature.id}`)));
    return weight;
  }

  /** What a hand feature adds in a kind of document, besides its own weight. */
  private voiceWeight(voice: DocumentVoice, feature: ClaimFeature): number {
    const byFeature = this.voiceWeights[voice];
    let weight = byFeature.get(feature);
    if (weight === undefined) byFeature.set(feature, (weight = this.weightOf(voiceInput(voice, feature))));
    return weight;
  }

  private contextWeight(input: string): number {
    let weight = this.contextWeights.get(input);
    if (weight === undefined) this.contextWeights.set(input, (weight = this.weightOf(input)));
    return weight;
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
    for (const feature of features) {
      z += this.featureWeight(feature);
      z += this.voiceWeight(context.voice, feature);
    }
    const word = fnv(FNV_OFFSET, 'w:');
    const pair = fnv(FNV_OFFSET, 'b:');
    // The tokens are hashed from the text where they stand, none cut out as a string.
    const lower = text.toLowerCase();
    let previousStart = 0;
    let previousEnd = 0;
    let previousKind: string | undefined = '^';
    scanTokens(lower, (start, end, kind) => {
      const wordHash = kind === undefined ? fnvSpan(word, lower, start, end) : fnv(word, kind);
      const joined = fnv(previousKind === undefined ? fnvSpan(pair, lower, previousStart, previousEnd) : fnv(pair, previousKind), '_');
      const pairHash = kind === undefined ? fnvSpan(joined, lower, start, end) : fnv(joined, kind);
      // Added one at a time, in the order `probability` adds them, so both give the same number.
      z += weight(wordHash);
      z += weight(pairHash);
      if (kind === undefined) {
        const clusterWeight = this.clusterWeights.get(lower.slice(start, end));
        if (clusterWeight !== undefined) z += clusterWeight;
      }
      previousStart = start;
      previousEnd = end;
      previousKind = kind;
    });
    for (const input of contextInputs(context)) z += this.contextWeight(input);
    return 1 / (1 + Math.exp(-z));
  }
}
