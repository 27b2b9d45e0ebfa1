/**
 * Labelled sentences ("needs a source") matched to BriefKit's own sentences, with the inputs the
 * claim model sees: shared by the training script and the evaluation. Never part of the package.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBriefService, DEFAULT_OPTIONS, type BriefDocument, type Sentence } from '../../src/core';
import { claimContexts } from '../../src/core/features/claim/claimContext';
import { claimInputs, type ClaimContext } from '../../src/core/features/claim/claimModel';
import { CLAIM_MODEL, checkedSentences, handFeatures, wordListsFor, type ClaimScope } from '../../src/core/features/claim/claimDetector';
import { claimText } from '../../src/core/features/claim/claimText';

export interface Label {
  doc: string;
  start: number;
  end: number;
  label: 0 | 1;
  has_citation: boolean;
  has_link: boolean;
}

export type Condition = 'as-written' | 'blanked';

/** One labelled sentence as BriefKit reads it in one condition. */
export interface Example {
  doc: string;
  group: string;
  label: 0 | 1;
  /** BriefKit's sentence covering the label's middle; undefined when BriefKit sees no sentence there. */
  sentence?: Sentence;
  context?: ClaimContext;
  inputs: string[];
  /** Whether the claim check scores the sentence at all, by scope: no source covers it, it is prose (see checkedSentences). */
  checked: Record<ClaimScope, boolean>;
  /** The labels say the sentence, as written, carries a footnote, citation or link. */
  labelledSourced: boolean;
}

/** The groups the labels come in, which differ sharply in how dense their claims are. */
export function groupOf(doc: string): string {
  if (doc.includes('/crs/')) return 'CRS briefs';
  if (doc.includes('/crs-reports/')) return 'CRS reports';
  if (doc.includes('/18F-blog/')) return 'blog posts';
  if (doc.includes('/18F/') || doc.includes('/ombegov/') || doc.includes('/nist/')) return 'guidance';
  return 'other';
}

export function readLabels(paths: string[]): Array<Label & { root: string }> {
  return paths.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => ({ ...(JSON.parse(line) as Label), root: resolve(dirname(path), '..') })),
  );
}

const service = createBriefService({
  logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  getOptions: () => DEFAULT_OPTIONS,
  readFile: async () => undefined,
});
const lists = wordListsFor({ reportingVerbs: [], hedges: [] });
let version = 0;

export function parse(path: string, text: string): BriefDocument {
  return service.getDocument({ uri: pathToFileURL(path).href, version: ++version, getText: () => text });
}

/** The sentences BriefKit flags as uncited claims in a text, by their start offsets: the product's own path. */
export function flaggedStarts(path: string, text: string): Set<number> {
  const input = { uri: pathToFileURL(path).href, version: ++version, getText: () => text };
  const document = service.getDocument(input);
  return new Set(
    service
      .computeDiagnostics(input)
      .filter((d) => d.code === 'claim.uncited')
      .map((d) => document.lines.offsetAt(d.range.start)),
  );
}

/** UTF-16 offset of each code point offset. */
function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return offsets;
}

/**
 * The text with every source taken out (footnote markers, citations, HTML note markers, links to
 * notes; web links keep their words), and where each original offset went.
 */
export function blankSources(text: string, document: BriefDocument): { text: string; map: (offset: number) => number } {
  const cuts: Array<{ start: number; end: number; keep: string }> = [];
  for (const ref of document.footnoteReferences) cuts.push({ start: ref.start, end: ref.end, keep: '' });
  for (const citation of document.citations) cuts.push({ start: citation.start, end: citation.end, keep: '' });
  for (const link of document.links) {
    const source = text.slice(link.start, link.end);
    const inline = /^\[([\s\S]*)\]\(([^)]*)\)$/.exec(source) ?? /^\[([\s\S]*?)\](?:\[[^\]]*\])?$/.exec(source);
    if (/^<sup/i.test(source)) {
      const close = text.indexOf('</sup>', link.end);
      cuts.push({ start: link.start, end: close < 0 ? link.end : close + 6, keep: '' });
    } else if (/^<a\s/i.test(source)) {
      const close = text.indexOf('</a>', link.end);
      cuts.push({ start: link.start, end: close < 0 ? link.end : close + 4, keep: '' });
    } else if (inline && !(inline[2] ?? '').startsWith('#')) {
      cuts.push({ start: link.start, end: link.end, keep: inline[1] });
    } else {
      cuts.push({ start: link.start, end: link.end, keep: '' });
    }
  }
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  const shifts: Array<{ start: number; end: number; outStart: number; outEnd: number }> = [];
  for (const cut of cuts) {
    if (cut.start < at) continue;
    out += text.slice(at, cut.start);
    shifts.push({ start: cut.start, end: cut.end, outStart: out.length, outEnd: out.length + cut.keep.length });
    out += cut.keep;
    at = cut.end;
  }
  out += text.slice(at);
  const map = (offset: number): number => {
    let delta = 0;
    for (const shift of shifts) {
      if (offset < shift.start) break;
      if (offset < shift.end) return shift.outStart;
      delta = shift.outEnd - shift.end;
    }
    return offset + delta;
  };
  return { text: out, map };
}

/** The labelled sentences of every document, in one condition, with the inputs the model sees given word groups. */
export function examples(
  labels: Array<Label & { root: string }>,
  condition: Condition,
  clusters: ReadonlyMap<string, number> = CLAIM_MODEL.clusters,
): Example[] {
  const byDoc = new Map<string, Array<Label & { root: string }>>();
  for (const label of labels) byDoc.set(label.doc, [...(byDoc.get(label.doc) ?? []), label]);
  const all: Example[] = [];
  for (const [doc, docLabels] of byDoc) {
    const path = resolve(docLabels[0].root, doc);
    const original = readFileSync(path, 'utf8');
    let text = original;
    let map = (offset: number) => offset;
    if (condition === 'blanked') {
      const blanked = blankSources(original, parse(path, original));
      text = blanked.text;
      map = blanked.map;
    }
    const document = parse(path, text);
    const contexts = claimContexts(document);
    const checked = {
      passage: new Set(checkedSentences(document, { ...DEFAULT_OPTIONS.claims, scope: 'passage' })),
      sentence: new Set(checkedSentences(document, { ...DEFAULT_OPTIONS.claims, scope: 'sentence' })),
    };
    const cp = codePointOffsets(original);
    for (const label of docLabels) {
      const middle = map(Math.floor((cp[label.start] + cp[label.end]) / 2));
      const sentence = document.sentences.find((s) => s.start <= middle && middle < s.end);
      const context = sentence && contexts.get(sentence);
      const inputs = sentence && context ? claimInputs(claimText(sentence.text), handFeatures(sentence.text, lists), context, clusters) : [];
      all.push({
        doc,
        group: groupOf(doc),
        label: label.label,
        sentence,
        context,
        inputs,
        checked: { passage: sentence !== undefined && checked.passage.has(sentence), sentence: sentence !== undefined && checked.sentence.has(sentence) },
        labelledSourced: label.has_citation || label.has_link,
      });
    }
  }
  return all;
}
