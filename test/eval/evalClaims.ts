/**
 * Measures the uncited-claim detector against data (not part of `npm test`):
 *   npm run eval:claims -- <files or folders of .md>   footnoted sentences are the positives
 *   npm run eval:claims -- --tsv <file>                 columns: sentence, label (1 = check-worthy), source
 * Add --sweep to see precision and recall at other score thresholds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBriefService, DEFAULT_OPTIONS } from '../../src/core';
import { scoreSentence, THRESHOLDS, wordListsFor } from '../../src/core/features/claims/claimDetector';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const lists = wordListsFor({ reportingVerbs: [], hedges: [] });
const threshold = THRESHOLDS.balanced;

function add(counts: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) counts.tp++;
  else if (predicted) counts.fp++;
  else if (actual) counts.fn++;
  else counts.tn++;
}

function report(name: string, c: Counts): string {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return `${name.padEnd(60)} n=${String(c.tp + c.fp + c.fn + c.tn).padStart(6)} pos=${String(c.tp + c.fn).padStart(5)}  P=${precision.toFixed(3)} R=${recall.toFixed(3)} F1=${f1.toFixed(3)}`;
}

function markdownFiles(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((name) => markdownFiles(join(path, name)));
  return /\.(md|markdown)$/i.test(path) && !/LICENSE|PROVENANCE/i.test(path) ? [path] : [];
}

const scored: Array<{ score: number; actual: boolean }> = [];

function evalMarkdown(paths: string[]): void {
  const service = createBriefService({
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    getOptions: () => DEFAULT_OPTIONS,
    readFile: async () => undefined,
  });
  const total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const path of paths.flatMap(markdownFiles)) {
    const uri = pathToFileURL(path).href;
    let text = readFileSync(path, 'utf8');
    // Notes pasted as superscripts or HTML count as footnotes: convert them first.
    const converted = service.convertLegacyFootnotes({ uri, version: 1, getText: () => text });
    if (converted.length > 0) text = service.applyEdits({ uri, version: 1, getText: () => text }, converted);
    const document = service.getDocument({ uri, version: 2, getText: () => text });
    const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const sentence of document.sentences) {
      const actual = sentence.footnoteReferences.length > 0 || sentence.citations.length > 0;
      const { score } = scoreSentence(sentence.text, lists);
      scored.push({ score, actual });
      add(counts, score >= threshold, actual);
      add(total, score >= threshold, actual);
    }
    console.log(report(path.split('/').slice(-2).join('/'), counts));
  }
  console.log(report('ALL DOCUMENTS', total));
}

function evalTsv(path: string): void {
  const bySource = new Map<string, Counts>();
  const total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [sentence, label, source] = line.split('\t');
    if (!sentence || label === undefined) continue;
    const actual = label.trim() === '1';
    const { score } = scoreSentence(sentence, lists);
    scored.push({ score, actual });
    const counts = bySource.get(source) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    bySource.set(source, counts);
    add(counts, score >= threshold, actual);
    add(total, score >= threshold, actual);
  }
  for (const [source, counts] of bySource) console.log(report(source, counts));
  console.log(report('ALL SENTENCES', total));
}

const args = process.argv.slice(2);
const sweep = args.includes('--sweep');
const rest = args.filter((a) => a !== '--sweep');
if (rest[0] === '--tsv' && rest[1]) evalTsv(rest[1]);
else if (rest.length > 0) evalMarkdown(rest);
else {
  console.error('Usage: npm run eval:claims -- <files or folders of .md> | --tsv <file> [--sweep]');
  process.exit(2);
}
if (sweep) {
  for (let t = 1; t <= 5; t += 0.25) {
    const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const s of scored) add(c, s.score >= t, s.actual);
    console.log(report(`threshold ${t.toFixed(2)}`, c));
  }
}
